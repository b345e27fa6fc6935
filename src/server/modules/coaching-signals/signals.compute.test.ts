import { beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_KEYS } from '../../../shared/coaching.js';
import { testDatabase } from '../../test/database.js';
import { workspaceFixture, type Fixture } from '../../test/helpers.js';
import { computeSignals, measureSignals } from './signals.compute.js';
import { QUARTER, seedSignalsWorld, type SignalsWorld } from './signals.fixtures.js';

describe('computeSignals from a fixture workspace', () => {
  let f: Fixture;
  let world: SignalsWorld;

  beforeAll(async () => {
    f = await workspaceFixture('Signals');
    world = await seedSignalsWorld(f);
  });

  it('counts exactly the PM’s work in the period, in SIGNAL_KEYS order', async () => {
    const { db } = await testDatabase();
    const signals = await computeSignals(db, f.workspaceId, world.pmId, QUARTER.from, QUARTER.to);
    expect(signals.map((s) => s.key)).toEqual([...SIGNAL_KEYS]);
    const by = Object.fromEntries(signals.map((s) => [s.key, { count: s.count, quality: s.quality?.count ?? null, lastAt: s.lastAt }]));
    expect(by.interviews).toEqual({ count: 2, quality: 1, lastAt: '2027-03-31' });
    expect(by['feedback-triage']).toEqual({ count: 3, quality: 1, lastAt: '2027-03-31T23:59:59.000Z' });
    expect(by.experiments).toEqual({ count: 2, quality: 1, lastAt: '2027-02-20' });
    expect(by.requirements).toEqual({ count: 2, quality: 1, lastAt: '2027-03-01T10:00:00.000Z' });
  });

  it('reports every signal as available now that every module exists', async () => {
    const { db } = await testDatabase();
    const signals = await computeSignals(db, f.workspaceId, world.pmId, QUARTER.from, QUARTER.to);
    // Decisions and status updates came with issue 7 (signals.issue7.test.ts); the fixture has none: zero, not missing.
    expect(signals.filter((s) => !s.available).map((s) => s.key)).toEqual([]);
    const by = Object.fromEntries(signals.map((s) => [s.key, s]));
    for (const key of ['decisions', 'status-updates']) expect([by[key]!.count, by[key]!.quality?.count, by[key]!.lastAt]).toEqual([0, 0, null]);
    for (const s of signals) expect(s.competencies.length).toBeGreaterThan(0);
  });

  it('counts the other PM’s work for the other PM only', async () => {
    const { db } = await testDatabase();
    const signals = await computeSignals(db, f.workspaceId, world.otherId, QUARTER.from, QUARTER.to);
    const by = Object.fromEntries(signals.map((s) => [s.key, [s.count, s.quality?.count ?? null]]));
    expect(by).toMatchObject({ interviews: [1, 0], 'feedback-triage': [1, 0], experiments: [1, 1], requirements: [1, 1] });
  });

  it('keeps the last occurrence up to the end of the period, even before it', async () => {
    const { db } = await testDatabase();
    const december = await computeSignals(db, f.workspaceId, world.pmId, '2026-12-01', '2026-12-31');
    const by = Object.fromEntries(december.map((s) => [s.key, s]));
    expect(by.interviews).toMatchObject({ count: 1, lastAt: '2026-12-31' });
    expect(by['feedback-triage']).toMatchObject({ count: 1, quality: { count: 0 }, lastAt: '2026-12-31T23:59:59.000Z' });
    // The running one started in December; the other ended in it.
    expect(by.experiments).toMatchObject({ count: 2, quality: { count: 1 } });
    expect(by.requirements).toMatchObject({ count: 1, quality: { count: 0 } });
    const empty = await computeSignals(db, f.workspaceId, world.pmId, '2020-01-01', '2020-03-31');
    expect(empty.filter((s) => s.available).map((s) => [s.count, s.lastAt])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
  });

  it('names the records behind the counts', async () => {
    const { db } = await testDatabase();
    const measured = await measureSignals(db, f.workspaceId, world.pmId, QUARTER);
    const req = measured.find((m) => m.value.key === 'requirements')!.measurement!;
    expect(req.documents).toEqual([
      { featureId: world.weakFeatureId, title: 'Saved carts', hasEvidence: false, hasMetric: false },
      { featureId: world.goodFeatureId, title: 'One-tap checkout', hasEvidence: true, hasMetric: true },
    ]);
    const ex = measured.find((m) => m.value.key === 'experiments')!.measurement!;
    expect(ex.experiments!.map((e) => [e.title, e.concluded]).sort()).toEqual([
      ['Concluded', true],
      ['Running', false],
    ]);
    const iv = measured.find((m) => m.value.key === 'interviews')!.measurement!;
    expect(iv.interviews!.map((i) => [i.title, i.highlighted])).toEqual([
      ['Q1 interview A', true],
      ['Q1 interview B', false],
    ]);
  });

  it('sees nothing of another workspace', async () => {
    const { db } = await testDatabase();
    const elsewhere = await workspaceFixture('Elsewhere');
    const signals = await computeSignals(db, elsewhere.workspaceId, world.pmId, QUARTER.from, QUARTER.to);
    expect(signals.filter((s) => s.available).every((s) => s.count === 0 && s.lastAt === null)).toBe(true);
  });
});
