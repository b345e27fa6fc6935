import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoachingInsightsResponse, CoachingSignalsResponse } from '../../../shared/contracts.js';
import { PRODUCT_LEAD_COMPETENCIES } from '../../../shared/coaching.js';
import {
  assessmentRatings,
  assessments,
  coachingJournal,
  coachingNotes,
  coachingSessionItems,
  coachingSessions,
  growthGoals,
  growthPlans,
  learningEntries,
  personLevels,
} from '../../db/schema/index.js';
import { signUp, testApp, type TestClient } from '../../test/helpers.js';
import { DEMO_COACHEES, DEMO_RATINGS } from './demo-coaching.data.js';
import { DEMO_LEARNING, DEMO_PLANS, DEMO_SESSIONS } from './demo-coaching.growth.data.js';

describe('demo coaching data', () => {
  it('rates every default competency on both sides, within the scale', () => {
    for (const person of DEMO_COACHEES) {
      for (const side of [...DEMO_RATINGS[person].earlier, ...DEMO_RATINGS[person].later]) {
        expect(side, person).toHaveLength(PRODUCT_LEAD_COMPETENCIES.length);
        expect(side.every((r) => r >= 1 && r <= 5)).toBe(true);
      }
    }
    expect(DEMO_SESSIONS).toHaveLength(6);
    expect(DEMO_SESSIONS.filter((s) => s.daysAgo < 0)).toHaveLength(1);
    expect(DEMO_PLANS.filter((p) => p.private)).toHaveLength(1);
  });
});

describe('the demo workspace’s coaching, through the API', () => {
  let admin: TestClient;
  let w = '';
  let workspaceId = '';
  const people = new Map<string, string>();

  beforeAll(async () => {
    const app = await testApp();
    admin = await signUp(app, 'Coaching Demo Admin');
    const res = await admin.post('/api/v1/demo', {});
    expect(res.statusCode).toBe(201);
    workspaceId = res.json<{ workspaceId: string }>().workspaceId;
    w = `/api/v1/workspaces/${workspaceId}`;
    const members = (await admin.get(`${w}/members`)).json<{ items: { id: string; name: string }[] }>().items;
    for (const m of members) people.set(m.name.split(' ')[0]!.toLowerCase(), m.id);
  });

  it('places the lead and the PMs at different levels of the ladder', async () => {
    const { db } = await testApp();
    const rows = await db.select().from(personLevels).where(eq(personLevels.workspaceId, workspaceId));
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.levelId)).size).toBe(4);
    const level = (await admin.get(`${w}/people/${people.get('aiko')}/level`)).json<{ level: { title: string } | null }>();
    expect(level.level?.title).toMatch(/Associate/);
  });

  it('has two submitted assessment periods per PM with eleven ratings a side, evidence and links', async () => {
    const { db } = await testApp();
    const rows = await db.select().from(assessments).where(eq(assessments.workspaceId, workspaceId));
    expect(rows).toHaveLength(DEMO_COACHEES.length * 2);
    for (const person of DEMO_COACHEES) {
      const own = rows.filter((a) => a.personId === people.get(person));
      expect(own, person).toHaveLength(2);
      expect(new Set(own.map((a) => a.period)).size).toBe(2);
    }
    expect(rows.every((a) => a.selfStatus === 'submitted' && a.coachStatus === 'submitted' && a.coachId === people.get('maya') && a.levelId)).toBe(true);
    const ratings = await db.select().from(assessmentRatings).where(eq(assessmentRatings.workspaceId, workspaceId));
    expect(ratings).toHaveLength(rows.length * 22);
    expect(ratings.every((r) => r.rating !== null && r.evidence.length > 0)).toBe(true);
    const linked = ratings.flatMap((r) => r.links);
    expect(new Set(linked.map((l) => l.type))).toEqual(new Set(['interview', 'experiment', 'feature', 'requirements']));
  });

  it('has growth plans, one private, with goals on competencies and next bigger challenges', async () => {
    const { db } = await testApp();
    const plans = await db.select().from(growthPlans).where(eq(growthPlans.workspaceId, workspaceId));
    expect(plans).toHaveLength(DEMO_PLANS.length);
    expect(plans.filter((p) => p.private)).toHaveLength(1);
    const goals = await db.select().from(growthGoals).where(eq(growthGoals.workspaceId, workspaceId));
    expect(goals).toHaveLength(DEMO_PLANS.flatMap((p) => p.goals).length);
    expect(goals.every((g) => g.competencyId)).toBe(true);
    expect(goals.filter((g) => g.challengeType === 'feature' && g.challengeId).length).toBeGreaterThanOrEqual(4);
  });

  it('has six sessions: past ones held with agenda, actions, journal and notes, one upcoming carrying open actions', async () => {
    const { db } = await testApp();
    const sessions = await db.select().from(coachingSessions).where(eq(coachingSessions.workspaceId, workspaceId));
    expect(sessions).toHaveLength(6);
    expect(sessions.filter((s) => s.status === 'held')).toHaveLength(5);
    const upcoming = sessions.find((s) => s.status === 'scheduled')!;
    expect(upcoming.scheduledAt.getTime()).toBeGreaterThan(Date.now());
    const ids = sessions.map((s) => s.id);
    const items = await db.select().from(coachingSessionItems).where(inArray(coachingSessionItems.sessionId, ids));
    expect(items.filter((i) => i.sessionId === upcoming.id && i.carriedFromId)).toHaveLength(1);
    expect((await db.select().from(coachingJournal).where(inArray(coachingJournal.sessionId, ids))).length).toBeGreaterThanOrEqual(9);
    const notes = await db.select().from(coachingNotes).where(inArray(coachingNotes.sessionId, ids));
    expect(notes.filter((n) => n.kind === 'private')).toHaveLength(1);
    expect(notes.filter((n) => n.kind === 'shared')).toHaveLength(5);
    expect(notes.every((n) => n.authorId === people.get('maya'))).toBe(true);
  });

  it('has a learning log', async () => {
    const { db } = await testApp();
    const rows = await db.select().from(learningEntries).where(and(eq(learningEntries.workspaceId, workspaceId)));
    expect(rows).toHaveLength(DEMO_LEARNING.length);
    expect(new Set(rows.map((r) => r.type)).size).toBeGreaterThanOrEqual(5);
  });

  it('gives the PMs signals and insights drawn from their demo work', async () => {
    const signals = async (person: string) => {
      const res = await admin.get(`${w}/coaching/signals?personId=${people.get(person)}`);
      expect(res.statusCode).toBe(200);
      return Object.fromEntries(res.json<CoachingSignalsResponse>().signals.map((s) => [s.key, s]));
    };
    const diego = await signals('diego');
    expect(diego.interviews!.count).toBeGreaterThanOrEqual(1);
    expect(diego.experiments).toMatchObject({ count: 2, quality: { count: 1 } });
    expect(diego.requirements!.count).toBeGreaterThanOrEqual(1);
    expect(diego['feedback-triage']!.count).toBeGreaterThan(5);
    const priya = await signals('priya');
    expect(priya.interviews!.count).toBe(2);
    expect(priya.requirements).toMatchObject({ count: 1, quality: { count: 1 } });
    const insights = async (person: string) =>
      (await admin.get(`${w}/coaching/insights?personId=${people.get(person)}`)).json<CoachingInsightsResponse>().items;
    const tom = await insights('tom');
    expect(tom.find((i) => i.key === 'requirements-no-metric')!.links.map((l) => l.label)).toContain('Staff roles and permissions');
    expect(tom.find((i) => i.key === 'interviews-quiet')).toBeDefined();
    const aiko = await insights('aiko');
    expect(aiko.find((i) => i.key === 'requirements-no-evidence')!.links.map((l) => l.label)).toContain('Fast wish lists with hundreds of items');
  });
});
