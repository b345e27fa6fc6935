import { beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../shared/contracts.js';
import { TestClient, addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { dayFromToday, seedDriftWorld, type DriftWorld } from './strategy-drift.fixtures.js';

const drift = (client: TestClient, f: Fixture, query: string) => client.get(`${f.w}/strategy/drift?${query}`);

describe('coverage and drift report', () => {
  let f: Fixture;
  let world: DriftWorld;
  let report: DriftReport;

  beforeAll(async () => {
    await testApp();
    f = await workspaceFixture('Drift');
    world = await seedDriftWorld(f);
    const res = await drift(f.admin, f, `productId=${world.productId}`);
    expect(res.statusCode).toBe(200);
    report = res.json<DriftReport>();
  });

  it('reads the period containing today by default, with every period for the picker', () => {
    expect(report.product).toEqual({ id: world.productId, name: 'Atlas' });
    expect(report.period).toMatchObject({ id: world.periods.current.id, name: 'Current quarter', startsOn: dayFromToday(-30), endsOn: dayFromToday(59) });
    expect(report.periods.map((p) => p.name)).toEqual(['Current quarter', 'Old quarter']);
    expect(report.today).toBe(dayFromToday(0));
    expect(report.staleDays).toBe(14);
    expect(report.expectedProgress).toBeCloseTo(30 / 90, 6);
  });

  it('sets the planned effort of each pillar against its target, with a "No pillar" row', () => {
    const { growth, reliability } = world.pillars;
    expect(report.coverage.rows).toEqual([
      { pillarId: growth.id, name: 'Growth', status: 'active', targetShare: 60, plannedEffort: 12, actualShare: 60, gap: 0, featureCount: 2, unestimatedCount: 0 },
      { pillarId: reliability.id, name: 'Reliability', status: 'active', targetShare: 40, plannedEffort: 0, actualShare: 0, gap: -40, featureCount: 1, unestimatedCount: 1 },
      { pillarId: null, name: 'No pillar', status: null, targetShare: null, plannedEffort: 8, actualShare: 40, gap: null, featureCount: 3, unestimatedCount: 1 },
    ]);
    expect(report.coverage).toMatchObject({ totalEffort: 20, featureCount: 6, unestimatedCount: 2, targetTotal: 100 });
  });

  it('lists the planned features and the objectives that serve no pillar', () => {
    const { n1, n2, n3 } = world.features;
    expect(report.unaligned.features).toMatchObject({ count: 3, effort: 8, unestimatedCount: 1 });
    expect(report.unaligned.features.items.map((i) => [i.id, i.effort])).toEqual([
      [n1.id, 6],
      [n3.id, 2],
      [n2.id, null],
    ]);
    expect(report.unaligned.features.items[0]).toEqual({ id: n1.id, title: 'Invoice export', componentId: world.components.billing, componentName: 'Billing', status: 'planned', horizon: null, effort: 6 });
    // Dropped objectives, other periods and other products do not count.
    expect(report.unaligned.objectives.count).toBe(2);
    expect(report.unaligned.objectives.items.map((o) => [o.title, o.ownerName])).toEqual([
      ['Explore AI', 'Pia Drift'],
      ['Objective without key results', null],
    ]);
  });

  it('names the objectives nobody checked in on for staleDays days, never-checked first', async () => {
    expect(report.staleObjectives.total).toBe(2);
    expect(report.staleObjectives.items).toEqual([
      { objectiveId: world.objectives.explore.id, title: 'Explore AI', componentName: null, ownerId: world.pm.memberId, ownerName: 'Pia Drift', keyResultCount: 1, lastCheckInAt: null, daysSince: null },
      expect.objectContaining({ objectiveId: world.objectives.reliable.id, componentName: 'Routing', ownerName: 'Lee Drift', keyResultCount: 1, daysSince: 20 }),
    ]);
    // With a longer window the 20-day silence is fine; with a shorter one the 3-day-old one is stale too.
    const month = (await drift(f.admin, f, `productId=${world.productId}&staleDays=30`)).json<DriftReport>();
    expect(month.staleObjectives.items.map((o) => o.title)).toEqual(['Explore AI']);
    const day = (await drift(f.admin, f, `productId=${world.productId}&staleDays=1`)).json<DriftReport>();
    expect(day.staleObjectives.items.map((o) => o.title)).toEqual(['Explore AI', 'Be reliable', 'Grow revenue']);
    expect(day.counts.staleObjectives).toBe(3);
  });

  it('lists the key results at risk with their reasons, off track first', () => {
    const { offTrack, uptime, churn, aiKr } = world.keyResults;
    expect(report.atRisk.items.map((k) => [k.keyResultId, k.reasons])).toEqual([
      [offTrack.id, ['status', 'confidence']],
      [uptime.id, ['status', 'confidence', 'behind']],
      [churn.id, ['behind']],
      [aiKr.id, ['behind']],
    ]);
    expect(report.atRisk.items[0]).toMatchObject({ title: 'Enterprise deals', objectiveTitle: 'Grow revenue', ownerName: 'Lee Drift', progress: 0.9, confidence: 2, status: 'off_track' });
    // A decreasing key result still at its start has made no progress; a never-checked one reads 0.
    expect(report.atRisk.items[2]).toMatchObject({ progress: 0, expectedProgress: 0.3333, confidence: 7, status: 'on_track', ownerName: 'Pia Drift' });
    expect(report.atRisk.items[3]).toMatchObject({ progress: 0, confidence: null, status: null });
    expect(report.atRisk.total).toBe(4);
  });

  it('lists key results whose driving features slipped or conflict, saying why', () => {
    const { overdue, late, conflicting } = world.features;
    const { current } = world.periods;
    expect(report.slipping.items.map((k) => [k.title, k.features.map((x) => [x.featureId, x.reason])])).toEqual([
      ['Multi-region live', [[overdue.id, 'slipped']]],
      ['Churn down to 2 %', [[conflicting.id, 'conflict']]],
      [
        'MRR to 100k',
        [
          [late.id, 'slipped'],
          [overdue.id, 'slipped'],
        ],
      ],
    ]);
    const mrr = report.slipping.items[2]!;
    expect(mrr).toMatchObject({ objectiveTitle: 'Grow revenue', ownerName: 'Pia Drift' });
    expect(mrr.features[0]!.detail).toBe(`Ends on ${dayFromToday(70)}, after the period ends on ${current.endsOn}`);
    expect(mrr.features[1]).toEqual({
      featureId: overdue.id,
      title: 'Overdue driver',
      componentName: 'Far away',
      status: 'in_progress',
      endDate: dayFromToday(-5),
      reason: 'slipped',
      detail: `Was due on ${dayFromToday(-5)} and is still in progress`,
    });
    expect(report.slipping.items[1]!.features[0]!.detail).toBe(`“Slow prerequisite” ends on ${dayFromToday(30)}, after “Conflicting driver” starts on ${dayFromToday(10)}`);
    expect(report.counts).toEqual({ unalignedFeatures: 3, unalignedObjectives: 2, staleObjectives: 2, atRisk: 4, slipping: 3 });
  });

  it('reads another period when asked', async () => {
    const old = (await drift(f.admin, f, `productId=${world.productId}&periodId=${world.periods.old.id}`)).json<DriftReport>();
    expect(old.period?.name).toBe('Old quarter');
    expect(old.expectedProgress).toBe(1);
    expect(old.unaligned.objectives.items.map((o) => o.title)).toEqual(['Old objective']);
    expect(old.atRisk.items.map((k) => k.title)).toEqual(['Old result']);
    expect(old.slipping.total).toBe(0);
    // Coverage does not depend on the period.
    expect(old.coverage).toEqual(report.coverage);
  });

  it('loads afresh after a write: a new planned feature moves the shares', async () => {
    const created = await f.admin.post(`${f.w}/features`, { componentId: world.components.billing, title: 'Late addition', status: 'planned', effort: 20, pillarId: world.pillars.reliability.id });
    expect(created.statusCode).toBe(201);
    const after = (await drift(f.admin, f, `productId=${world.productId}`)).json<DriftReport>();
    expect(after.coverage.totalEffort).toBe(40);
    expect(after.coverage.rows.map((r) => [r.name, r.actualShare, r.gap])).toEqual([
      ['Growth', 30, -30],
      ['Reliability', 50, 10],
      ['No pillar', 20, null],
    ]);
  });

  it('lets members but viewers read it; anonymous callers get 401', async () => {
    const url = `productId=${world.productId}`;
    const viewer = await addMember(f, 'viewer');
    const contributor = await addMember(f, 'contributor');
    expect((await drift(new TestClient(f.app), f, url)).statusCode).toBe(401);
    const denied = await drift(viewer, f, url);
    expect(denied.statusCode).toBe(403);
    expect(denied.json<{ code: string }>().code).toBe('forbidden');
    expect((await drift(contributor, f, url)).statusCode).toBe(200);
    expect((await drift(world.pm, f, url)).statusCode).toBe(200);
    expect((await drift(world.lead, f, url)).statusCode).toBe(200);
  });

  it('answers 400 naming the field, and 404 for another workspace’s product or period', async () => {
    const missing = await drift(f.admin, f, '');
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ message: string; field: string }>()).toMatchObject({ field: 'productId' });
    expect(missing.json<{ message: string }>().message).toMatch(/^productId: /);
    const zero = await drift(f.admin, f, `productId=${world.productId}&staleDays=0`);
    expect(zero.statusCode).toBe(400);
    expect(zero.json<{ message: string }>().message).toBe('staleDays: must be at least 1');
    const badPeriod = await drift(f.admin, f, `productId=${world.productId}&periodId=nope`);
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json<{ field: string }>().field).toBe('periodId');

    const other = await workspaceFixture('Other drift');
    const theirs = await seedDriftWorld(other);
    const foreignProduct = await drift(f.admin, f, `productId=${theirs.productId}`);
    expect(foreignProduct.statusCode).toBe(404);
    expect(foreignProduct.json()).toEqual({ code: 'not_found', message: 'Product not found' });
    const foreignPeriod = await drift(f.admin, f, `productId=${world.productId}&periodId=${theirs.periods.current.id}`);
    expect(foreignPeriod.statusCode).toBe(404);
    expect(foreignPeriod.json()).toEqual({ code: 'not_found', message: 'Period not found' });
    // Their admin cannot read ours either.
    expect((await drift(other.admin, other, `productId=${world.productId}`)).statusCode).toBe(404);
  });

  it('reports an empty product calmly: no pillars, no periods', async () => {
    const g = await workspaceFixture('Empty drift');
    const productId = (await g.admin.post(`${g.w}/products`, { name: 'Blank' })).json<{ id: string }>().id;
    const empty = (await drift(g.admin, g, `productId=${productId}`)).json<DriftReport>();
    expect(empty.period).toBeNull();
    expect(empty.periods).toEqual([]);
    expect(empty.coverage.rows).toEqual([{ pillarId: null, name: 'No pillar', status: null, targetShare: null, plannedEffort: 0, actualShare: 0, gap: null, featureCount: 0, unestimatedCount: 0 }]);
    expect(empty.counts).toEqual({ unalignedFeatures: 0, unalignedObjectives: 0, staleObjectives: 0, atRisk: 0, slipping: 0 });
  });
});
