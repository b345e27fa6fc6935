import { beforeAll, describe, expect, it } from 'vitest';
import { decisions, statusUpdates } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';
import { addMember, testApp, workspaceFixture, type Fixture, type TestClient } from '../../test/helpers.js';
import { computeSignals } from './signals.compute.js';
import { QUARTER } from './signals.fixtures.js';
import { isoWeekEnd, updateOnTime } from './signals.repository.js';

const at = (iso: string) => new Date(iso);
const LONG = 'Declined: a reseller program covers this better than we could.'; // ≥ 40 characters

/**
 * In QUARTER the PM made 4 decisions (explained: one with a template, one with a long rationale; not: a
 * short rationale, an empty one) and wrote 3 status updates (2 on time, 1 written two weeks late).
 * Around them: the same work just outside the quarter, and by another PM.
 */
async function seed(f: Fixture) {
  const { db } = await testDatabase();
  const workspaceId = f.workspaceId;
  const pm = await addMember(f, 'pm', 'Pia Decides');
  const other = await addMember(f, 'pm', 'Otto Decides');
  const lead = await addMember(f, 'lead', 'Lee Coach');
  const productId = (await f.admin.post(`${f.w}/products`, { name: 'Say-no product' })).json<{ id: string }>().id;
  const componentId = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Billing' })).json<{ id: string }>().id;
  const templateId = (await lead.get(`${f.w}/rationales`)).json<{ items: { id: string }[] }>().items[0]!.id;

  const decision = (decidedById: string, decidedAt: string, rationale: string, rationaleTemplateId: string | null = null, title = 'An ask') => ({
    id: newId(),
    workspaceId,
    title,
    action: 'decline',
    rationale,
    rationaleTemplateId,
    decidedById,
    decidedAt: at(decidedAt),
  });
  const kept = decision(pm.memberId, '2027-02-01T10:00:00Z', 'Short', templateId, 'Fax support');
  await db.insert(decisions).values([
    decision(pm.memberId, '2027-01-01T00:00:00Z', LONG),
    kept,
    decision(pm.memberId, '2027-03-10T10:00:00Z', 'Too short to explain'),
    decision(pm.memberId, '2027-03-31T23:59:59Z', ''),
    decision(pm.memberId, '2027-04-01T00:00:00Z', LONG),
    decision(pm.memberId, '2026-12-20T10:00:00Z', LONG),
    decision(other.memberId, '2027-02-01T00:00:00Z', LONG),
  ]);

  const update = (authorId: string, period: string, createdAt: string) => ({
    id: newId(),
    workspaceId,
    componentId,
    period,
    periodKind: period.includes('W') ? 'week' : 'month',
    health: 'on_track',
    summary: 'Fine',
    authorId,
    createdAt: at(createdAt),
  });
  const weekly = update(pm.memberId, '2027-W05', '2027-02-05T16:00:00Z');
  await db.insert(statusUpdates).values([
    weekly,
    update(pm.memberId, '2027-02', '2027-03-01T08:00:00Z'), // the morning after February: on time
    update(pm.memberId, '2027-W06', '2027-02-25T09:00:00Z'), // two weeks late
    update(pm.memberId, '2026-W52', '2026-12-30T09:00:00Z'),
    update(other.memberId, '2027-W07', '2027-02-19T09:00:00Z'),
  ]);
  return { pm, lead, pmId: pm.memberId, otherId: other.memberId, decisionId: kept.id, updateId: weekly.id };
}

describe('coaching signals from decisions and status updates, and their evidence links', () => {
  let f: Fixture;
  let world: Awaited<ReturnType<typeof seed>>;

  beforeAll(async () => {
    await testApp();
    f = await workspaceFixture('Say-no signals');
    world = await seed(f);
  });

  const by = async (personId: string, from: string, to: string) => {
    const { db } = await testDatabase();
    return Object.fromEntries((await computeSignals(db, f.workspaceId, personId, from, to)).map((s) => [s.key, s]));
  };

  it('counts decisions in the period and those explained by a template or a rationale of 40 characters or more', async () => {
    const s = (await by(world.pmId, QUARTER.from, QUARTER.to)).decisions!;
    expect(s).toMatchObject({ available: true, label: 'Decisions and declines explained', count: 4, quality: { label: 'with a rationale', count: 2 }, lastAt: '2027-03-31T23:59:59.000Z' });
    const december = (await by(world.pmId, '2026-12-01', '2026-12-31')).decisions!;
    expect(december).toMatchObject({ count: 1, quality: { count: 1 }, lastAt: '2026-12-20T10:00:00.000Z' });
    expect((await by(world.otherId, QUARTER.from, QUARTER.to)).decisions).toMatchObject({ count: 1, quality: { count: 1 } });
  });

  it('counts status updates in the period and those delivered on time', async () => {
    const s = (await by(world.pmId, QUARTER.from, QUARTER.to))['status-updates']!;
    expect(s).toMatchObject({ available: true, label: 'Status updates delivered', count: 3, quality: { label: 'on time', count: 2 }, lastAt: '2027-03-01T08:00:00.000Z' });
    expect((await by(world.otherId, QUARTER.from, QUARTER.to))['status-updates']).toMatchObject({ count: 1, quality: { count: 1 } });
    const before = (await by(world.pmId, '2020-01-01', '2020-03-31'))['status-updates']!;
    expect([before.count, before.lastAt]).toEqual([0, null]);
  });

  it('judges "on time" against the end of the reported week or month', () => {
    expect(isoWeekEnd('2027-W01')).toBe('2027-01-10');
    expect(isoWeekEnd('2026-W53')).toBe('2027-01-03');
    expect(isoWeekEnd('2027-13')).toBeNull();
    expect(updateOnTime('2027-W05', at('2027-02-08T23:59:00Z'))).toBe(true); // the Monday after
    expect(updateOnTime('2027-W05', at('2027-02-09T00:00:00Z'))).toBe(false);
    expect(updateOnTime('2027-02', at('2027-03-01T12:00:00Z'))).toBe(true);
    expect(updateOnTime('2027-02', at('2027-03-02T00:00:00Z'))).toBe(false);
    expect(updateOnTime('Sprint 14', at('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('offers the person’s decisions and updates as assessment evidence, and validates and labels such links', async () => {
    const artifacts = (await world.lead.get(`${f.w}/people/${world.pmId}/artifacts`)).json<{ items: { type: string; id: string; label: string }[] }>().items;
    expect(artifacts).toEqual(expect.arrayContaining([{ type: 'decision', id: world.decisionId, label: 'Declined: Fax support', date: '2027-02-01' }]));
    expect(artifacts).toEqual(expect.arrayContaining([{ type: 'update', id: world.updateId, label: 'Billing status update, 2027-W05', date: '2027-02-05' }]));
    const searched = (await world.pm.get(`${f.w}/people/${world.pmId}/artifacts?q=fax`)).json<{ items: { type: string }[] }>().items;
    expect(searched.map((a) => a.type)).toEqual(['decision']);

    const a = (await world.lead.post(`${f.w}/people/${world.pmId}/assessments`, { period: '2027-Q1' })).json<{ id: string }>();
    const url = `${f.w}/assessments/${a.id}/ratings`;
    const competencyId = (await world.pm.get(url)).json<{ competencies: { competencyId: string }[] }>().competencies[0]!.competencyId;
    const put = (client: TestClient, links: unknown) => client.request('PUT', url, { side: 'self', ratings: [{ competencyId, rating: 3, links }] });
    const saved = await put(world.pm, [
      { type: 'decision', id: world.decisionId },
      { type: 'update', id: world.updateId },
    ]);
    expect(saved.statusCode).toBe(200);
    const self = (await world.pm.get(url)).json<{ competencies: { self: { links: unknown[] } | null }[] }>().competencies[0]!.self!;
    expect(self.links).toEqual([
      { type: 'decision', id: world.decisionId, label: 'Declined: Fax support', exists: true },
      { type: 'update', id: world.updateId, label: 'Billing status update, 2027-W05', exists: true },
    ]);

    // Another workspace's decision or update is not one of this workspace's.
    const elsewhere = await workspaceFixture('Elsewhere say-no');
    const { db } = await testDatabase();
    const foreign = newId();
    await db.insert(decisions).values({ id: foreign, workspaceId: elsewhere.workspaceId, title: 'Theirs', action: 'accept' });
    const bad = await put(world.pm, [{ type: 'decision', id: foreign }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ field: string; message: string }>()).toMatchObject({ field: 'ratings.0.links.0.id', message: 'ratings.0.links.0.id: is not a decision of this workspace' });
    const badUpdate = await put(world.pm, [{ type: 'update', id: foreign }]);
    expect(badUpdate.json<{ message: string }>().message).toBe('ratings.0.links.0.id: is not a status update of this workspace');
  });
});
