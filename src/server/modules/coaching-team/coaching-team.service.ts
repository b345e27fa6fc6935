import type { CoachingTeamPerson, CoachingTeamView } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { computeGaps, gapTotals, gapTrend } from '../assessments/assessments.math.js';
import { presentScale } from '../assessments/assessments.presenter.js';
import { competenciesWithExpectations, expectationsFor, findFramework } from '../assessments/assessments.repository.js';
import { markerCache } from '../audit/audit.cache.js';
import { recordRead } from '../audit/audit.service.js';
import { canSeePerson } from '../coaching/coaching.access.js';
import { defaultFrameworkId } from '../frameworks/frameworks.lookup.js';
import { cadenceDays, latestTwoAssessments, sessionCadence, teamPeople, type RankedAssessmentRow } from './coaching-team.repository.js';

const DAY_MS = 86_400_000;

/** Team views, one per coach and framework. */
const cachedTeamView = markerCache({ maxEntries: 64, ttlMs: 15_000 });

/** Whole days from `from` to `to`, rounded down. */
const daysBetween = (from: Date, to: Date): number => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

/**
 * The lead's view of the team: a heatmap of the latest submitted ratings against each person's level,
 * the coaching cadence from session dates, and whether the total gap closed since the assessment
 * before. Built from a handful of set-based queries; drafts and session notes never enter it.
 */
export async function getCoachingTeamView({ db, actor, frameworkId, now }: { db: Db; actor: WorkspaceActor; frameworkId?: string; now?: Date }): Promise<CoachingTeamView> {
  authorize(actor, 'coaching.team');
  // Served again until the workspace changes (its audit marker; read entries do not move it) or for
  // 15 s, which bounds how stale the cadence's "days since" can get. A test's fixed `now` is never cached.
  const view = now
    ? await loadTeamView(db, actor, frameworkId, now)
    : (JSON.parse(
        await cachedTeamView(db, actor.workspaceId, `${actor.workspaceId}:${actor.memberId}:${frameworkId ?? ''}`, async () =>
          JSON.stringify(await loadTeamView(db, actor, frameworkId, new Date())),
        ),
      ) as CoachingTeamView);
  await recordRead(db, actor, { workspaceId: actor.workspaceId, action: 'coaching.team', entityType: 'coaching-team', entityId: null, summary: 'Read the team coaching view' });
  return view;
}

async function loadTeamView(db: Db, actor: WorkspaceActor, frameworkId: string | undefined, now: Date): Promise<CoachingTeamView> {
  const fwId = frameworkId ?? (await defaultFrameworkId(db, actor.workspaceId));
  const framework = await findFramework(db, actor.workspaceId, fwId);
  if (!framework) throw invalid('frameworkId', 'is not a competency framework of this workspace');

  const [people, ranked, cadence, days, comps] = await Promise.all([
    teamPeople(db, actor.workspaceId),
    latestTwoAssessments(db, actor.workspaceId, fwId),
    sessionCadence(db, actor.workspaceId, now),
    cadenceDays(db, actor.workspaceId),
    competenciesWithExpectations(db, actor.workspaceId, fwId, null),
  ]);
  const visiblePeople = people.filter((p) => canSeePerson(actor, p.id));
  const levelIds = [...visiblePeople.map((p) => p.levelId), ...ranked.map((a) => a.levelId)].filter((id): id is string => id !== null);
  const expectations = await expectationsFor(db, actor.workspaceId, levelIds, fwId);
  const assessmentsOf = new Map<string, RankedAssessmentRow[]>();
  for (const a of ranked) assessmentsOf.set(a.personId, [...(assessmentsOf.get(a.personId) ?? []), a]);
  const cadenceOf = new Map(cadence.map((c) => [c.coacheeId, c]));
  const expected = (levelId: string | null, competencyId: string): number | null => (levelId ? (expectations.get(`${levelId}:${competencyId}`) ?? null) : null);

  /** The total shortfall of one assessment against the level it was measured at; null when nothing measured. */
  const totalGap = (a: RankedAssessmentRow | undefined): number | null => {
    if (!a) return null;
    const byKey = new Map(a.ratings.map((r) => [`${r.rater}:${r.competencyId}`, r]));
    const rows = comps.map((c) => {
      const self = byKey.get(`self:${c.id}`);
      const coach = byKey.get(`coach:${c.id}`);
      return { competencyId: c.id, expected: expected(a.levelId, c.id), self: self?.rating ?? null, coach: coach?.rating ?? null, selfImportance: self?.importance, coachImportance: coach?.importance };
    });
    const t = gapTotals(computeGaps(rows, framework.ratesImportance));
    return t.measured ? t.totalGap : null;
  };

  const present = (p: (typeof visiblePeople)[number]): CoachingTeamPerson => {
    const [latest, previous] = (assessmentsOf.get(p.id) ?? []).sort((x, y) => x.rank - y.rank);
    const byKey = new Map((latest?.ratings ?? []).map((r) => [`${r.rater}:${r.competencyId}`, r]));
    const levelId = p.levelId ?? latest?.levelId ?? null;
    const c = cadenceOf.get(p.id);
    const daysSinceLast = c?.lastAt ? daysBetween(c.lastAt, now) : null;
    const latestTotal = totalGap(latest);
    const previousTotal = totalGap(previous);
    return {
      personId: p.id,
      name: p.name,
      role: p.role,
      level: p.levelId && p.levelTitle !== null ? { id: p.levelId, title: p.levelTitle } : null,
      assessment: latest ? { id: latest.id, period: latest.period } : null,
      cells: comps.map((comp) => {
        const coach = byKey.get(`coach:${comp.id}`)?.rating ?? null;
        const self = byKey.get(`self:${comp.id}`)?.rating ?? null;
        const rating = coach ?? self;
        const exp = expected(levelId, comp.id);
        return { competencyId: comp.id, rating, source: coach !== null ? 'coach' : self !== null ? 'self' : null, expected: exp, delta: rating !== null && exp !== null ? rating - exp : null };
      }),
      cadence: {
        lastSessionAt: c?.lastAt?.toISOString() ?? null,
        nextSessionAt: c?.nextAt?.toISOString() ?? null,
        sessionsLast90Days: c?.recent ?? 0,
        daysSinceLast,
        overdue: daysSinceLast === null || daysSinceLast > days,
      },
      gaps: {
        trend: gapTrend(latestTotal, previousTotal),
        latestTotal,
        previousTotal,
        latestPeriod: latest?.period ?? null,
        previousPeriod: previous?.period ?? null,
      },
    };
  };

  return {
    framework: { id: framework.id, name: framework.name, key: framework.key },
    scale: presentScale(framework),
    cadenceDays: days,
    competencies: comps.map((c) => ({ competencyId: c.id, key: c.key, name: c.name, area: c.area })),
    people: visiblePeople.map(present),
  };
}
