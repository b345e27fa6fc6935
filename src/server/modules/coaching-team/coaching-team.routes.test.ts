import { describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';
import { TestClient, addMember, workspaceFixture } from '../../test/helpers.js';
import { placeAt, rateAll, type AssessmentJson } from '../assessments/assessments.test-fixtures.js';
import { insertCoachingSessionRows, upsertCoachingCadence } from './coaching-team.fixtures.js';

interface Team {
  framework: { key: string | null };
  cadenceDays: number;
  competencies: { competencyId: string; key: string }[];
  people: {
    personId: string;
    name: string;
    level: { title: string } | null;
    assessment: { period: string } | null;
    cells: { competencyId: string; rating: number | null; source: string | null; expected: number | null; delta: number | null }[];
    cadence: { lastSessionAt: string | null; nextSessionAt: string | null; sessionsLast90Days: number; daysSinceLast: number | null; overdue: boolean };
    gaps: { trend: string; latestTotal: number | null; previousTotal: number | null; latestPeriod: string | null; previousPeriod: string | null };
  }[];
}

const DAY = 86_400_000;

// Each test seeds a workspace's coaching defaults and makes many requests: slow on a busy machine.
const HEAVY = 120_000;

describe('coaching team view', () => {
  it('shows the heatmap, the cadence and whether gaps closed, from submitted sides only', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pia = await addMember(f, 'pm', 'Pia PM');
    const otto = await addMember(f, 'pm', 'Otto PM');
    const contributor = await addMember(f, 'contributor', 'Cara Contributor');
    await placeAt(f, pia.memberId, 'product-manager');

    // Empty team: the PMs are listed with nothing measured yet.
    const empty = (await lead.get(`${f.w}/coaching/team`)).json<Team>();
    expect(empty.framework.key).toBe('product-lead');
    expect(empty.cadenceDays).toBe(14);
    expect(empty.people.map((p) => p.name)).toEqual(['Otto PM', 'Pia PM']);
    expect(empty.people[1]).toMatchObject({ level: { title: expect.any(String) }, assessment: null, cadence: { lastSessionAt: null, overdue: true, sessionsLast90Days: 0 }, gaps: { trend: 'n/a' } });

    const open = async (period: string) => (await lead.post(`${f.w}/people/${pia.memberId}/assessments`, { period })).json<AssessmentJson>().id;
    const q1 = await open('2027-Q1');
    await rateAll(lead, f.w, q1, 'coach', { pricing: 1, 'interviewing-users': 1 });
    await lead.post(`${f.w}/assessments/${q1}/submit`, { side: 'coach' });
    const q2 = await open('2027-Q2');
    await rateAll(pia, f.w, q2, 'self', { pricing: 4 });
    await pia.post(`${f.w}/assessments/${q2}/submit`, { side: 'self' });
    // The coach's Q2 draft must not show.
    await rateAll(lead, f.w, q2, 'coach', 1);
    // Otto only has a draft self side: no assessment in the view.
    const o1 = (await lead.post(`${f.w}/people/${otto.memberId}/assessments`, { period: '2027-Q1' })).json<AssessmentJson>().id;
    await rateAll(otto, f.w, o1, 'self', 5);

    const { db } = await testDatabase();
    const now = Date.now();
    const session = (coacheeId: string, daysFromNow: number, status = 'scheduled') => ({
      id: newId(),
      workspaceId: f.workspaceId,
      coachId: lead.memberId,
      coacheeId,
      scheduledAt: new Date(now + daysFromNow * DAY),
      status,
      heldAt: status === 'held' ? new Date(now + daysFromNow * DAY) : null,
    });
    await insertCoachingSessionRows(db, [
      session(pia.memberId, -40, 'held'),
      session(pia.memberId, -5, 'held'),
      session(pia.memberId, -2, 'cancelled'),
      session(pia.memberId, 7),
      session(otto.memberId, -20, 'held'),
      session(otto.memberId, -120, 'held'),
    ]);

    const res = await lead.get(`${f.w}/coaching/team`);
    expect(res.statusCode).toBe(200);
    const team = res.json<Team>();
    expect(team.competencies).toHaveLength(11);
    const byName = Object.fromEntries(team.people.map((p) => [p.name, p]));
    const pricing = team.competencies.find((c) => c.key === 'pricing')!.competencyId;
    const vision = team.competencies.find((c) => c.key === 'vision-strategy')!.competencyId;
    const piaRow = byName['Pia PM']!;
    expect(piaRow.assessment).toEqual({ id: q2, period: '2027-Q2' });
    // Q2's coach side is a draft: the cells show the submitted self side, flagged as such.
    expect(piaRow.cells.find((c) => c.competencyId === pricing)).toEqual({ competencyId: pricing, rating: 4, source: 'self', expected: 2, delta: 2 });
    expect(piaRow.cells.find((c) => c.competencyId === vision)).toMatchObject({ rating: 3, source: 'self', expected: 2, delta: 1 });
    expect(piaRow.cadence).toMatchObject({ sessionsLast90Days: 2, daysSinceLast: 5, overdue: false });
    expect(piaRow.cadence.nextSessionAt).toBe(new Date(now + 7 * DAY).toISOString());
    // Q1 (coach): interviewing 1 vs 3, pricing 1 vs 2, and 3s vs expectations of 2-3 → shortfall 3; Q2 (self, all ≥ expectation) → 0.
    expect(piaRow.gaps).toEqual({ trend: 'closed', latestTotal: 0, previousTotal: 3, latestPeriod: '2027-Q2', previousPeriod: '2027-Q1' });
    const ottoRow = byName['Otto PM']!;
    expect(ottoRow).toMatchObject({ assessment: null, level: null, gaps: { trend: 'n/a' }, cadence: { sessionsLast90Days: 1, daysSinceLast: 20, overdue: true } });
    expect(ottoRow.cells.every((c) => c.rating === null)).toBe(true);
    expect(byName['Cara Contributor']).toBeUndefined();

    // A longer cadence in the settings clears Otto's flag.
    await upsertCoachingCadence(db, f.workspaceId, 30);
    const relaxed = (await f.admin.get(`${f.w}/coaching/team`)).json<Team>();
    expect(relaxed.cadenceDays).toBe(30);
    expect(relaxed.people.find((p) => p.name === 'Otto PM')!.cadence.overdue).toBe(false);

    // Leads and admins only; reads are audited.
    expect((await pia.get(`${f.w}/coaching/team`)).statusCode).toBe(403);
    expect((await contributor.get(`${f.w}/coaching/team`)).statusCode).toBe(403);
    expect((await new TestClient(f.app).get(`${f.w}/coaching/team`)).statusCode).toBe(401);
    const other = await workspaceFixture();
    expect((await other.admin.get(`${f.w}/coaching/team`)).statusCode).toBe(404);
    expect((await lead.get(`${f.w}/coaching/team?frameworkId=00000000-0000-4000-8000-000000000000`)).json<{ field: string }>().field).toBe('frameworkId');
    const audit = (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: { summary: string }[] }>().items;
    expect(audit.filter((e) => e.summary === 'Read the team coaching view')).toHaveLength(3);
  }, HEAVY);
});
