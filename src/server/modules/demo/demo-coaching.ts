import { and, eq, inArray, sql } from 'drizzle-orm';
import { PRODUCT_LEAD_COMPETENCIES } from '../../../shared/coaching.js';
import type { Db } from '../../db/client.js';
import {
  assessmentRatings,
  assessments,
  coachingJournal,
  coachingNotes,
  coachingSessionItems,
  coachingSessions,
  components,
  experiments,
  featureRequirementRevisions,
  featureRequirements,
  features,
  feedback,
  feedbackComponents,
  goalCheckIns,
  growthGoals,
  growthPlans,
  interviews,
  ladderLevels,
  learningEntries,
  personLevels,
  type ArtifactLink,
} from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { defaultFrameworkId, ensureCoachingDefaults, frameworkCompetencies } from '../frameworks/frameworks.lookup.js';
import { DEMO_EXPERIMENTS, DEMO_INTERVIEWS } from './demo-discovery.data.js';
import { DEMO_FEATURES } from './demo-roadmap.data.js';
import { quarterOf, quarterStart } from './demo-roadmap.js';
import {
  DEMO_COACH,
  DEMO_COACHEES,
  DEMO_EVIDENCE,
  DEMO_EVIDENCE_DEFAULT,
  DEMO_LEVELS,
  DEMO_RATINGS,
  DEMO_REQUIREMENTS_WORK,
  type DemoLink,
} from './demo-coaching.data.js';
import { DEMO_LEARNING, DEMO_PLANS, DEMO_SESSIONS } from './demo-coaching.growth.data.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

interface Ctx {
  db: Db;
  workspaceId: string;
  now: Date;
  member: (key: string) => string;
  daysAgo: (n: number) => Date;
}

/** The demo's records that coaching points at: ids by title (interviews, experiments) and by key (features). */
interface DemoRecords {
  interviews: Map<string, string>;
  experiments: Map<string, string>;
  features: Map<string, { id: string; title: string }>;
}

/** The workspace’s components by name. */
async function componentIdsByName(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: components.id, name: components.name }).from(components).where(eq(components.workspaceId, workspaceId));
  return new Map(rows.map((r) => [r.name, r.id]));
}

/**
 * Gives the PMs work their coaching signals can count, without adding records the other demo modules
 * count: who first triaged each item that left the inbox (its component's PM, a few days after
 * capture), and requirements written or revised by the PMs rather than the lead.
 */
async function attributeWork(c: Ctx): Promise<DemoRecords> {
  const { db, workspaceId, now } = c;
  await db.execute(sql`
    update ${feedback} f set triaged_by_id = co.owner_id,
      triaged_at = least(f.captured_at + (1 + abs(hashtext(f.id::text)) % 4) * interval '1 day', ${now.toISOString()}::timestamptz)
    from ${feedbackComponents} fc join ${components} co on co.id = fc.component_id
    where fc.feedback_id = f.id and f.workspace_id = ${workspaceId} and f.status <> 'new' and co.owner_id is not null and f.triaged_by_id is null`);

  const featureTitles = new Map(DEMO_FEATURES.map((f) => [f.key, f.title]));
  const featureRows = await db
    .select({ id: features.id, title: features.title })
    .from(features)
    .where(and(eq(features.workspaceId, workspaceId), inArray(features.title, [...featureTitles.values()])));
  const featureByTitle = new Map(featureRows.map((f) => [f.title, f.id]));
  const records: DemoRecords = {
    interviews: new Map(
      (
        await db
          .select({ id: interviews.id, title: interviews.title })
          .from(interviews)
          .where(and(eq(interviews.workspaceId, workspaceId), inArray(interviews.title, DEMO_INTERVIEWS.map((i) => i.title))))
      ).map((r) => [r.title, r.id]),
    ),
    experiments: new Map(
      (
        await db
          .select({ id: experiments.id, title: experiments.title })
          .from(experiments)
          .where(and(eq(experiments.workspaceId, workspaceId), inArray(experiments.title, DEMO_EXPERIMENTS.map((e) => e.title))))
      ).map((r) => [r.title, r.id]),
    ),
    features: new Map([...featureTitles].flatMap(([key, title]) => (featureByTitle.has(title) ? [[key, { id: featureByTitle.get(title)!, title }] as const] : []))),
  };

  for (const w of DEMO_REQUIREMENTS_WORK) {
    const feature = records.features.get(w.feature);
    if (!feature) continue;
    const at = c.daysAgo(w.daysAgo);
    const authorId = c.member(w.author);
    const [current] = await db.select().from(featureRequirements).where(eq(featureRequirements.featureId, feature.id));
    const body = w.body ?? `${current?.body ?? ''}${w.append ?? ''}`;
    const revision = (current?.revision ?? 0) + 1;
    if (current) await db.update(featureRequirements).set({ body, revision, updatedById: authorId, updatedAt: at }).where(eq(featureRequirements.featureId, feature.id));
    else await db.insert(featureRequirements).values({ featureId: feature.id, workspaceId, body, revision, updatedById: authorId, createdAt: at, updatedAt: at });
    await db.insert(featureRequirementRevisions).values({ id: newId(), workspaceId, featureId: feature.id, revision, body, authorId, createdAt: at });
  }
  return records;
}

/** Places the lead and the PMs on the default ladder at their levels; returns each person's level id. */
async function placePeople(c: Ctx): Promise<Map<string, string>> {
  const levels = await c.db
    .select({ id: ladderLevels.id, key: ladderLevels.key })
    .from(ladderLevels)
    .where(and(eq(ladderLevels.workspaceId, c.workspaceId), inArray(ladderLevels.key, Object.values(DEMO_LEVELS).map((l) => l.level))));
  const levelByKey = new Map(levels.map((l) => [l.key, l.id]));
  const placed = new Map<string, string>();
  const rows = Object.entries(DEMO_LEVELS).flatMap(([person, p]) => {
    const levelId = levelByKey.get(p.level);
    if (!levelId) return [];
    placed.set(person, levelId);
    return [{ memberId: c.member(person), workspaceId: c.workspaceId, levelId, since: iso(c.daysAgo(p.sinceDaysAgo)), note: p.note, updatedById: c.member(DEMO_COACH) }];
  });
  if (rows.length) await c.db.insert(personLevels).values(rows);
  return placed;
}

function linkOf(records: DemoRecords, l: DemoLink): ArtifactLink | null {
  if (l.type === 'interview') {
    const id = records.interviews.get(l.title);
    return id ? { type: 'interview', id, label: l.title } : null;
  }
  if (l.type === 'experiment') {
    const id = records.experiments.get(l.title);
    return id ? { type: 'experiment', id, label: l.title } : null;
  }
  const f = records.features.get(l.key);
  if (!f) return null;
  return l.type === 'requirements' ? { type: 'requirements', id: f.id, label: `${f.title} — requirements` } : { type: 'feature', id: f.id, label: f.title };
}

/** Two quarters of assessments for each PM, both sides submitted with evidence, the later one linking real work. */
async function seedAssessments(c: Ctx, records: DemoRecords, levels: Map<string, string>): Promise<number> {
  const frameworkId = await defaultFrameworkId(c.db, c.workspaceId);
  const competencyIds = new Map((await frameworkCompetencies(c.db, c.workspaceId, frameworkId)).map((x) => [x.key, x.id]));
  const q0 = quarterStart(c.now);
  const quarters = [2, 1].map((back) => {
    const start = new Date(Date.UTC(q0.getUTCFullYear(), q0.getUTCMonth() - 3 * back, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
    return { label: quarterOf(start), start, end };
  });
  const before = (d: Date) => new Date(Math.min(d.getTime(), c.now.getTime() - 3_600_000));
  let count = 0;
  for (const person of DEMO_COACHEES) {
    const personId = c.member(person);
    const coachId = c.member(DEMO_COACH);
    for (const [i, q] of quarters.entries()) {
      const later = i === 1;
      const id = newId();
      const selfAt = before(new Date(q.end.getTime() + 4 * DAY));
      const coachAt = before(new Date(q.end.getTime() + 7 * DAY));
      await c.db.insert(assessments).values({
        id,
        workspaceId: c.workspaceId,
        personId,
        coachId,
        frameworkId,
        period: q.label,
        periodStart: iso(q.start),
        periodEnd: iso(q.end),
        levelId: levels.get(person) ?? null,
        selfStatus: 'submitted',
        coachStatus: 'submitted',
        selfSubmittedAt: selfAt,
        coachSubmittedAt: coachAt,
        createdAt: new Date(q.end.getTime() - 10 * DAY),
        updatedAt: coachAt,
      });
      const [selfRatings, coachRatings] = later ? DEMO_RATINGS[person].later : DEMO_RATINGS[person].earlier;
      const rows = PRODUCT_LEAD_COMPETENCIES.flatMap((key, k) => {
        const competencyId = competencyIds.get(key);
        if (!competencyId) return [];
        const specific = later ? DEMO_EVIDENCE[person][key] : undefined;
        const fallback = DEMO_EVIDENCE_DEFAULT[key];
        const links = (specific?.links ?? []).map((l) => linkOf(records, l)).filter((l): l is ArtifactLink => l !== null);
        const base = { workspaceId: c.workspaceId, assessmentId: id, competencyId };
        return [
          { ...base, id: newId(), rater: 'self', raterId: personId, rating: selfRatings[k]!, evidence: specific?.self ?? fallback.self, links, updatedAt: selfAt },
          { ...base, id: newId(), rater: 'coach', raterId: coachId, rating: coachRatings[k]!, evidence: specific?.coach ?? fallback.coach, links, updatedAt: coachAt },
        ];
      });
      if (rows.length) await c.db.insert(assessmentRatings).values(rows);
      count += 1;
    }
  }
  return count;
}

/** Growth plans with goals on competencies, next bigger challenges on real records, and check-ins. */
async function seedPlans(c: Ctx, records: DemoRecords, competencyIds: Map<string, string>): Promise<number> {
  const componentIds = await componentIdsByName(c.db, c.workspaceId);
  for (const plan of DEMO_PLANS) {
    const planId = newId();
    const personId = c.member(plan.person);
    const coachId = c.member(DEMO_COACH);
    await c.db.insert(growthPlans).values({ id: planId, workspaceId: c.workspaceId, personId, coachId, title: plan.title, summary: plan.summary, private: plan.private, createdAt: c.daysAgo(60) });
    for (const [position, g] of plan.goals.entries()) {
      const goalId = newId();
      const challenge = g.challenge;
      const challengeId = !challenge
        ? null
        : challenge.type === 'feature'
          ? (records.features.get(challenge.key)?.id ?? null)
          : challenge.type === 'experiment'
            ? (records.experiments.get(challenge.title) ?? null)
            : (componentIds.get(challenge.name) ?? null);
      await c.db.insert(growthGoals).values({
        id: goalId,
        workspaceId: c.workspaceId,
        planId,
        competencyId: competencyIds.get(g.competency) ?? null,
        title: g.title,
        description: g.description,
        dueOn: iso(c.daysAgo(-g.dueInDays)),
        status: g.status,
        challengeType: challengeId ? challenge!.type : null,
        challengeId,
        position,
      });
      if (g.checkIns.length) {
        await c.db.insert(goalCheckIns).values(
          g.checkIns.map((k) => ({ id: newId(), workspaceId: c.workspaceId, goalId, authorId: k.by === 'coach' ? coachId : personId, note: k.note, progress: k.progress, status: g.status, createdAt: c.daysAgo(k.daysAgo) })),
        );
      }
    }
  }
  return DEMO_PLANS.length;
}

/** Six 1:1s: held ones with agenda, actions, the reasoning journal and notes, and one upcoming that carries open actions over. */
async function seedSessions(c: Ctx, competencyIds: Map<string, string>): Promise<number> {
  const coachId = c.member(DEMO_COACH);
  const openActions = new Map<string, { id: string; text: string; ownerId: string | null; dueOn: string | null }[]>();
  for (const s of [...DEMO_SESSIONS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const id = newId();
    const coacheeId = c.member(s.coachee);
    const day = c.daysAgo(s.daysAgo);
    const scheduledAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10));
    const held = s.daysAgo > 0;
    const heldAt = held ? new Date(scheduledAt.getTime() + 3_600_000) : null;
    await c.db.insert(coachingSessions).values({ id, workspaceId: c.workspaceId, coachId, coacheeId, scheduledAt, status: held ? 'held' : 'scheduled', heldAt, createdAt: new Date(scheduledAt.getTime() - 7 * DAY) });
    const carried = held ? [] : (openActions.get(s.coachee) ?? []);
    const items = [
      ...s.agenda.map((a, position) => ({ kind: 'agenda', text: a.text, done: a.done, position, ownerId: null, dueOn: null, carriedFromId: null })),
      ...s.actions.map((a, position) => ({ kind: 'action', text: a.text, done: a.done, position, ownerId: a.owner === 'coach' ? coachId : coacheeId, dueOn: iso(c.daysAgo(s.daysAgo - a.dueInDays)), carriedFromId: null })),
      ...carried.map((a, i) => ({ kind: 'action', text: a.text, done: false, position: s.actions.length + i, ownerId: a.ownerId, dueOn: a.dueOn, carriedFromId: a.id })),
    ].map((item) => ({ ...item, id: newId(), workspaceId: c.workspaceId, sessionId: id }));
    if (items.length) await c.db.insert(coachingSessionItems).values(items);
    openActions.set(
      s.coachee,
      items.filter((i) => i.kind === 'action' && !i.done).map((i) => ({ id: i.id, text: i.text, ownerId: i.ownerId, dueOn: i.dueOn })),
    );
    if (s.journal.length) {
      await c.db.insert(coachingJournal).values(
        s.journal.map((j, position) => ({ id: newId(), workspaceId: c.workspaceId, sessionId: id, coacheeId, competencyId: competencyIds.get(j.competency) ?? null, question: j.question, answer: j.answer, answeredAt: heldAt, position, createdAt: heldAt ?? scheduledAt })),
      );
    }
    const notes = [
      ...(s.shared ? [{ kind: 'shared', body: s.shared }] : []),
      ...(s.coachPrivate ? [{ kind: 'private', body: s.coachPrivate }] : []),
    ];
    if (notes.length) await c.db.insert(coachingNotes).values(notes.map((n) => ({ ...n, id: newId(), workspaceId: c.workspaceId, sessionId: id, authorId: coachId, createdAt: heldAt ?? scheduledAt })));
  }
  return DEMO_SESSIONS.length;
}

/**
 * Seeds the demo workspace's coaching: the default ladder and frameworks, the lead and PMs placed at
 * different levels, two quarters of assessments per PM, growth plans (one private), six 1:1s and a
 * learning log; and attributes demo work to the PMs so their coaching signals and insights say something.
 */
export async function seedDemoCoaching(
  db: Db,
  ctx: { workspaceId: string; memberIds: Map<string, string>; now?: Date },
): Promise<{ assessments: number; plans: number; sessions: number; learning: number }> {
  const now = ctx.now ?? new Date();
  const c: Ctx = {
    db,
    workspaceId: ctx.workspaceId,
    now,
    member: (key) => {
      const id = ctx.memberIds.get(key);
      if (!id) throw new Error(`demo coaching: no member ${key}`);
      return id;
    },
    daysAgo: (n) => new Date(now.getTime() - n * DAY),
  };
  await ensureCoachingDefaults(db, ctx.workspaceId);
  const records = await attributeWork(c);
  const levels = await placePeople(c);
  const assessmentCount = await seedAssessments(c, records, levels);
  const frameworkId = await defaultFrameworkId(db, ctx.workspaceId);
  const competencyIds = new Map((await frameworkCompetencies(db, ctx.workspaceId, frameworkId)).map((x) => [x.key, x.id]));
  const plans = await seedPlans(c, records, competencyIds);
  const sessions = await seedSessions(c, competencyIds);
  await db.insert(learningEntries).values(
    DEMO_LEARNING.map((l) => ({
      id: newId(),
      workspaceId: ctx.workspaceId,
      personId: c.member(l.person),
      resource: l.resource,
      url: l.url ?? null,
      type: l.type,
      competencyId: competencyIds.get(l.competency) ?? null,
      takeaway: l.takeaway,
      learnedOn: iso(c.daysAgo(l.daysAgo)),
      createdAt: c.daysAgo(l.daysAgo),
    })),
  );
  return { assessments: assessmentCount, plans, sessions, learning: DEMO_LEARNING.length };
}
