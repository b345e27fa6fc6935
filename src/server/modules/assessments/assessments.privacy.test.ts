import { describe, expect, it } from 'vitest';
import { TestClient, addMember, signUp, workspaceFixture } from '../../test/helpers.js';
import { rateAll, type AssessmentJson, type RatingsJson } from './assessments.test-fixtures.js';

const SELF_SECRET = 'SELF-DRAFT-only-pia-may-read';
const COACH_SECRET = 'COACH-DRAFT-only-lee-may-read';
// Each test seeds a workspace's coaching defaults and makes many requests: slow on a busy machine.
const HEAVY = 120_000;

/**
 * Drafts through every path and for every caller: the author reads their draft, nobody else does —
 * not the other party, not an admin, not another PM, not the coachee's own API token for the coach's
 * side, not a member of another workspace, not an anonymous caller.
 */

describe('assessments: privacy of draft sides', () => {
  it('shows a draft side to its author only, on every read path', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const otherPm = await addMember(f, 'pm', 'Otto PM');
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');
    const outsider = await signUp(f.app, 'Olga Outsider');
    const anonymous = new TestClient(f.app);
    const token = (await pm.post('/api/v1/me/tokens', { name: 'script' })).json<{ token: string }>().token;
    const pmToken = new TestClient(f.app);
    pmToken.bearer = token;

    const a = (await lead.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q1' })).json<AssessmentJson>();
    expect((await rateAll(pm, f.w, a.id, 'self', 2, { evidence: SELF_SECRET })).statusCode).toBe(200);
    expect((await rateAll(lead, f.w, a.id, 'coach', 4, { evidence: COACH_SECRET })).statusCode).toBe(200);

    const paths = [
      `${f.w}/assessments/${a.id}`,
      `${f.w}/assessments/${a.id}/ratings`,
      `${f.w}/assessments/${a.id}/comparison`,
      `${f.w}/assessments`,
      `${f.w}/people/${pm.memberId}/assessments`,
      `${f.w}/people/${pm.memberId}/assessment-history`,
      `${f.w}/coaching/team`,
      `${f.w}/audit-log?limit=200`,
      `${f.w}/export`,
    ];
    const readers: [string, TestClient, string[]][] = [
      ['the PM (session)', pm, [SELF_SECRET]],
      ['the PM (API token)', pmToken, [SELF_SECRET]],
      ['the coach', lead, [COACH_SECRET]],
      ['an admin', f.admin, []],
      ['another PM', otherPm, []],
      ['a contributor', contributor, []],
      ['a viewer', viewer, []],
      ['a member of another workspace', outsider, []],
      ['an anonymous caller', anonymous, []],
    ];
    for (const [who, client, mayRead] of readers) {
      for (const path of paths) {
        const res = await client.get(path);
        for (const secret of [SELF_SECRET, COACH_SECRET]) {
          if (!mayRead.includes(secret)) expect(res.body.includes(secret), `${who} read ${secret} at ${path} (${res.statusCode})`).toBe(false);
        }
      }
    }
    // The authors do read their own drafts, and the ratings of the other side stay null.
    const own = (await pmToken.get(`${f.w}/assessments/${a.id}/ratings`)).json<RatingsJson>();
    expect(own.competencies.every((c) => c.self?.evidence === SELF_SECRET && c.coach === null)).toBe(true);
    const coach = (await lead.get(`${f.w}/assessments/${a.id}/ratings`)).json<RatingsJson>();
    expect(coach.competencies.every((c) => c.coach?.evidence === COACH_SECRET && c.self === null)).toBe(true);

    // Status codes: the policy refuses roles outright; another PM and outsiders meet a 404.
    expect((await contributor.get(`${f.w}/assessments/${a.id}/ratings`)).statusCode).toBe(403);
    expect((await viewer.get(`${f.w}/assessments/${a.id}/ratings`)).statusCode).toBe(403);
    expect((await otherPm.get(`${f.w}/assessments/${a.id}/ratings`)).statusCode).toBe(404);
    expect((await outsider.get(`${f.w}/assessments/${a.id}/ratings`)).statusCode).toBe(404);
    expect((await anonymous.get(`${f.w}/assessments/${a.id}/ratings`)).statusCode).toBe(401);
    expect((await f.admin.get(`${f.w}/assessments/${a.id}/ratings`)).statusCode).toBe(200);

    // Once submitted, the self side is shared with the coach and admins, still not with another PM.
    expect((await pm.post(`${f.w}/assessments/${a.id}/submit`, { side: 'self' })).statusCode).toBe(200);
    expect((await f.admin.get(`${f.w}/assessments/${a.id}/ratings`)).body).toContain(SELF_SECRET);
    expect((await lead.get(`${f.w}/assessments/${a.id}/ratings`)).body).toContain(SELF_SECRET);
    expect((await f.admin.get(`${f.w}/assessments/${a.id}/ratings`)).body).not.toContain(COACH_SECRET);
    expect((await otherPm.get(`${f.w}/assessments/${a.id}/ratings`)).body).not.toContain(SELF_SECRET);
    // Evidence never reaches the audit log, submitted or not.
    expect((await f.admin.get(`${f.w}/audit-log?limit=200`)).body).not.toMatch(/SELF-DRAFT|COACH-DRAFT/);
  }, HEAVY);
});
