import { beforeAll, describe, expect, it } from 'vitest';
import type { DependencyPreview } from '../../../shared/contracts.js';
import { keyResultFeatures, keyResults, objectives, okrPeriods } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';
import { testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { slipOf } from './dependencies.whatif.js';

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

function idOf(res: { statusCode: number; body: string; json: <T>() => T }, what: string): string {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/**
 * Routing (days 5–30) comes before offline proof of delivery (35–60), which needs it. "On-time
 * deliveries" is driven by offline, "Routing live" by routing; both in the current period (ends day 80).
 * Key results of a dropped objective and of an ended period are driven by them too and must not show.
 */
async function world() {
  const f = await workspaceFixture('What-if OKRs');
  const { db } = await testDatabase();
  const productId = idOf(await f.admin.post(`${f.w}/products`, { name: 'Fleet' }), 'product');
  const component = idOf(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Routing' }), 'component');
  const feature = async (title: string, startDate: string, endDate: string) =>
    idOf(await f.admin.post(`${f.w}/features`, { componentId: component, title, status: 'planned', horizon: 'next', startDate, endDate }), title);
  const routing = await feature('Window-aware routing', day(5), day(30));
  const offline = await feature('Offline proof of delivery', day(35), day(60));
  idOf(await f.admin.post(`${f.w}/dependencies`, { featureId: offline, dependsOnId: routing }), 'dependency');

  const workspaceId = f.workspaceId;
  const current = { id: newId(), workspaceId, name: 'This quarter', startsOn: day(-10), endsOn: day(80) };
  const ended = { id: newId(), workspaceId, name: 'Last quarter', startsOn: day(-100), endsOn: day(-11) };
  await db.insert(okrPeriods).values([current, ended]);
  const objective = (title: string, periodId: string, status = 'active') => ({ id: newId(), workspaceId, periodId, productId, title, status });
  const deliver = objective('Deliver faster', current.id);
  const launch = objective('Launch routing', current.id);
  const dropped = objective('Dropped bet', current.id, 'dropped');
  const past = objective('Past goal', ended.id);
  await db.insert(objectives).values([deliver, launch, dropped, past]);
  const kr = (objectiveId: string, title: string) => ({ id: newId(), workspaceId, objectiveId, title, targetValue: 1 });
  const onTime = kr(deliver.id, 'On-time deliveries');
  const live = kr(launch.id, 'Routing live');
  const ghost = kr(dropped.id, 'Ghost');
  const old = kr(past.id, 'Old result');
  await db.insert(keyResults).values([onTime, live, ghost, old]);
  const link = (keyResultId: string, featureId: string) => ({ workspaceId, keyResultId, featureId });
  await db.insert(keyResultFeatures).values([link(onTime.id, offline), link(live.id, routing), link(ghost.id, offline), link(old.id, routing)]);
  return { f, routing, offline, current, onTime, live };
}

const preview = async (f: Fixture, body: Record<string, unknown>) => {
  const res = await f.admin.post(`${f.w}/dependencies/preview`, body);
  expect(res.statusCode).toBe(200);
  return res.json<DependencyPreview>();
};

describe('what-if preview: the key results at stake', () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    await testApp();
    w = await world();
  });

  it('names the key results of the dependents it pushes and of the moved feature, with why', async () => {
    const result = await preview(w.f, { featureId: w.routing, startDate: day(40), endDate: day(90) });
    expect(result.keyResults).toEqual([
      {
        id: w.onTime.id,
        title: 'On-time deliveries',
        objectiveId: expect.any(String),
        objectiveTitle: 'Deliver faster',
        featureIds: [w.offline],
        why: [`drives “Offline proof of delivery”, which would conflict: “Window-aware routing” ends on ${day(90)}, after “Offline proof of delivery” starts on ${day(35)}`],
        new: true,
      },
      {
        id: w.live.id,
        title: 'Routing live',
        objectiveId: expect.any(String),
        objectiveTitle: 'Launch routing',
        featureIds: [w.routing],
        why: [`drives “Window-aware routing”, which would end on ${day(90)}, after “This quarter” ends on ${w.current.endsOn}`],
        new: true,
      },
    ]);
  });

  it('says a dropped feature takes its key results down, and its dependents’ too', async () => {
    const result = await preview(w.f, { featureId: w.routing, status: 'wont_do' });
    expect(result.keyResults.map((k) => [k.title, k.why])).toEqual([
      ['On-time deliveries', ['drives “Offline proof of delivery”, which would conflict: “Window-aware routing” is won\'t do, but “Offline proof of delivery” needs it']],
      ['Routing live', ['drives “Window-aware routing”, which would be dropped (won’t do)']],
    ]);
  });

  it('names the moved feature’s key results when it would wait on what it needs', async () => {
    const result = await preview(w.f, { featureId: w.offline, startDate: day(20), endDate: day(60) });
    expect(result.conflicts.map((c) => c.direction)).toEqual(['needs']);
    // The prerequisite is not hurt: it is the moved feature that would wait.
    expect(result.keyResults.map((k) => [k.title, k.featureIds])).toEqual([['On-time deliveries', [w.offline]]]);
  });

  it('lists none when the plan hurts nothing, and leaves dropped objectives and ended periods out', async () => {
    expect((await preview(w.f, { featureId: w.routing, startDate: day(2), endDate: day(20) })).keyResults).toEqual([]);
    const moved = await preview(w.f, { featureId: w.routing, startDate: day(40), endDate: day(90) });
    expect(moved.keyResults.map((k) => k.title)).not.toContain('Ghost');
    expect(moved.keyResults.map((k) => k.title)).not.toContain('Old result');
  });
});

describe('slipOf', () => {
  const period = { name: 'Q', endsOn: '2027-03-31' };
  const today = '2027-02-01';
  const plan = (over: Partial<{ status: string; endDate: string | null }>) => ({ id: 'f', title: 'X', status: 'planned', horizon: null, startDate: null, endDate: '2027-03-01', ...over });

  it('flags an open feature past its end date, and says whether it is new', () => {
    expect(slipOf(plan({}), plan({ endDate: '2027-01-15' }), period, today)).toEqual({ sentence: 'drives “X”, which would be past its end date (2027-01-15) and not shipped', isNew: true });
    expect(slipOf(plan({ endDate: '2027-01-10' }), plan({ endDate: '2027-01-15' }), period, today)?.isNew).toBe(false);
  });

  it('flags an end after the period once, and nothing for a shipped or undated feature', () => {
    expect(slipOf(plan({ endDate: '2027-04-10' }), plan({ endDate: '2027-05-01' }), period, today)).toEqual({ sentence: 'drives “X”, which would end on 2027-05-01, after “Q” ends on 2027-03-31', isNew: false });
    expect(slipOf(plan({}), plan({ status: 'shipped', endDate: '2027-05-01' }), period, today)).toBeNull();
    expect(slipOf(plan({}), plan({ endDate: null }), period, today)).toBeNull();
    expect(slipOf(plan({ status: 'wont_do' }), plan({ status: 'wont_do' }), period, today)).toBeNull();
  });
});
