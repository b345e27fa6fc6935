import { beforeAll, describe, expect, it } from 'vitest';
import { keyResultCheckIns, keyResults, objectives, okrPeriods, strategies, strategyProposals } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';
import { addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { computeSignals } from './signals.compute.js';
import { QUARTER } from './signals.fixtures.js';

const at = (iso: string) => new Date(iso);

/**
 * In QUARTER the PM wrote 3 check-ins (2 with a note; a blank note does not count) and made 2 strategy
 * proposals (1 accepted). Around them: the same work just outside the quarter and by another PM.
 */
async function seed(f: Fixture) {
  const { db } = await testDatabase();
  const workspaceId = f.workspaceId;
  const pm = await addMember(f, 'pm', 'Pia Goals');
  const other = await addMember(f, 'pm', 'Otto Goals');
  const productId = (await f.admin.post(`${f.w}/products`, { name: 'Goals product' })).json<{ id: string }>().id;

  const periodId = newId();
  await db.insert(okrPeriods).values({ id: periodId, workspaceId, name: 'Q1 2027', startsOn: QUARTER.from, endsOn: QUARTER.to });
  const objectiveId = newId();
  await db.insert(objectives).values({ id: objectiveId, workspaceId, periodId, productId, title: 'Grow', ownerId: pm.memberId });
  const keyResultId = newId();
  await db.insert(keyResults).values({ id: keyResultId, workspaceId, objectiveId, title: 'Revenue', targetValue: 100 });
  const checkIn = (authorId: string, createdAt: string, note: string) => ({ id: newId(), workspaceId, keyResultId, value: 10, progress: 0.1, confidence: 7, status: 'on_track', note, authorId, createdAt: at(createdAt) });
  await db.insert(keyResultCheckIns).values([
    checkIn(pm.memberId, '2027-01-01T00:00:00Z', 'Pipeline grew after the pricing page change'),
    checkIn(pm.memberId, '2027-02-14T09:00:00Z', '  '),
    checkIn(pm.memberId, '2027-03-31T23:59:59Z', 'Flat: two deals slipped to April'),
    checkIn(pm.memberId, '2027-04-01T00:00:00Z', 'Next quarter already'),
    checkIn(pm.memberId, '2026-12-20T10:00:00Z', 'Before the quarter'),
    checkIn(other.memberId, '2027-02-01T00:00:00Z', 'Someone else'),
  ]);

  const strategyId = newId();
  await db.insert(strategies).values({ id: strategyId, workspaceId, productId });
  const proposal = (authorId: string, createdAt: string, status: string) => ({ id: newId(), workspaceId, strategyId, section: 'vision', text: 'A sharper vision', rationale: 'Customers told us', authorId, status, createdAt: at(createdAt) });
  await db.insert(strategyProposals).values([
    proposal(pm.memberId, '2027-01-20T10:00:00Z', 'accepted'),
    proposal(pm.memberId, '2027-03-02T10:00:00Z', 'pending'),
    proposal(pm.memberId, '2026-12-31T23:59:59Z', 'accepted'),
    proposal(other.memberId, '2027-02-01T10:00:00Z', 'accepted'),
  ]);
  return { pmId: pm.memberId, otherId: other.memberId };
}

describe('coaching signals from OKR check-ins and strategy proposals', () => {
  let f: Fixture;
  let world: Awaited<ReturnType<typeof seed>>;

  beforeAll(async () => {
    await testApp();
    f = await workspaceFixture('Goal signals');
    world = await seed(f);
  });

  const by = async (personId: string, from: string, to: string) => {
    const { db } = await testDatabase();
    const signals = await computeSignals(db, f.workspaceId, personId, from, to);
    return Object.fromEntries(signals.map((s) => [s.key, s]));
  };

  it('counts the PM’s check-ins in the period, those with a note, and the last one', async () => {
    const s = (await by(world.pmId, QUARTER.from, QUARTER.to))['okr-check-ins']!;
    expect(s).toMatchObject({ available: true, label: 'OKR check-ins kept', count: 3, quality: { label: 'with a note', count: 2 }, lastAt: '2027-03-31T23:59:59.000Z' });
    expect(s.competencies).toEqual(['okrs-metrics']);
  });

  it('counts the PM’s strategy proposals in the period and those accepted', async () => {
    const s = (await by(world.pmId, QUARTER.from, QUARTER.to))['strategy-proposals']!;
    expect(s).toMatchObject({ available: true, count: 2, quality: { label: 'accepted', count: 1 }, lastAt: '2027-03-02T10:00:00.000Z' });
  });

  it('keeps the last occurrence before the period, and counts the other PM’s work for them only', async () => {
    const december = await by(world.pmId, '2026-12-01', '2026-12-31');
    expect(december['okr-check-ins']).toMatchObject({ count: 1, quality: { count: 1 }, lastAt: '2026-12-20T10:00:00.000Z' });
    expect(december['strategy-proposals']).toMatchObject({ count: 1, quality: { count: 1 }, lastAt: '2026-12-31T23:59:59.000Z' });
    const otto = await by(world.otherId, QUARTER.from, QUARTER.to);
    expect([otto['okr-check-ins']!.count, otto['strategy-proposals']!.count, otto['strategy-proposals']!.quality?.count]).toEqual([1, 1, 1]);
    const before = await by(world.pmId, '2020-01-01', '2020-03-31');
    expect([before['okr-check-ins']!.count, before['okr-check-ins']!.lastAt, before['strategy-proposals']!.lastAt]).toEqual([0, null, null]);
  });

  it('sees nothing of another workspace', async () => {
    const { db } = await testDatabase();
    const elsewhere = await workspaceFixture('Elsewhere goals');
    const signals = await computeSignals(db, elsewhere.workspaceId, world.pmId, QUARTER.from, QUARTER.to);
    const s = Object.fromEntries(signals.map((x) => [x.key, x]));
    expect([s['okr-check-ins']!.count, s['strategy-proposals']!.count, s['okr-check-ins']!.lastAt]).toEqual([0, 0, null]);
  });
});
