import type { Assessment, AssessmentArtifacts, AssessmentList, CreateAssessment } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordRead } from '../audit/audit.service.js';
import { canCoach, canSeePerson } from '../coaching/coaching.access.js';
import { defaultFrameworkId, personLevel } from '../frameworks/frameworks.lookup.js';
import { notify } from '../notifications/notifications.service.js';
import { assessmentName, requireSideWriter, visibleAssessment } from './assessments.guard.js';
import { periodDates } from './assessments.math.js';
import { mayDelete, presentAssessment } from './assessments.presenter.js';
import {
  claimCoach,
  competenciesWithExpectations,
  deleteAssessmentRow,
  findAssessmentForPeriod,
  findAssessmentRow,
  findFramework,
  insertAssessment,
  listAssessmentRows,
  markSideSubmitted,
  memberBasics,
  memberUserIds,
  personArtifactRows,
  ratingRows,
  type AssessmentFull,
  type Side,
} from './assessments.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** The person, when they are a member the actor may see the coaching profile of; 404 otherwise. */
export async function visiblePerson(db: Db, actor: WorkspaceActor, personId: string): Promise<{ id: string; name: string; role: string }> {
  if (!canSeePerson(actor, personId)) throw notFound('Person');
  const person = (await memberBasics(db, actor.workspaceId, [personId])).get(personId);
  if (!person) throw notFound('Person');
  return person;
}

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
};

const duplicate = (personName: string, period: string, frameworkName: string) =>
  new AppError('conflict', `${personName} already has a ${period} assessment on “${frameworkName}”; open that one, or pick another period`, 'period');

const userIdsOf = async (db: Db, workspaceId: string, memberIds: (string | null)[]): Promise<string[]> => {
  const ids = memberIds.filter((id): id is string => Boolean(id));
  if (!ids.length) return [];
  return memberUserIds(db, workspaceId, ids);
};

/**
 * Opens an assessment of a person for a period. A lead or admin opening one for someone else becomes
 * its coach (unless they name another lead or admin as `coachId`); a PM may open their own, naming a
 * coach or leaving the coach side to the first lead who rates it.
 */
export async function createAssessment({ db, actor, personId, input }: Ctx & { personId: string; input: CreateAssessment }): Promise<Assessment> {
  authorize(actor, 'coaching.write');
  const person = await visiblePerson(db, actor, personId);
  if (input.coachId) {
    const coach = (await memberBasics(db, actor.workspaceId, [input.coachId])).get(input.coachId);
    if (!coach) throw invalid('coachId', 'is not a member of this workspace');
    if (input.coachId === personId) throw invalid('coachId', 'must be someone other than the person assessed');
    if (coach.role !== 'lead' && coach.role !== 'admin') throw invalid('coachId', `${coach.name} is a ${coach.role}; a coach is a lead or an admin`);
  }
  const coachId = input.coachId ?? (canCoach(actor, personId) ? actor.memberId : null);
  const frameworkId = input.frameworkId ?? (await defaultFrameworkId(db, actor.workspaceId));
  const framework = await findFramework(db, actor.workspaceId, frameworkId);
  if (!framework) throw invalid('frameworkId', 'is not a competency framework of this workspace');
  const period = input.period.trim();
  const dates = periodDates(period);
  const periodStart = input.periodStart ?? dates?.start ?? null;
  const periodEnd = input.periodEnd ?? dates?.end ?? null;
  if (periodStart && periodEnd && periodEnd < periodStart) throw invalid('periodEnd', `must be on or after periodStart (${periodStart})`);
  const level = await personLevel(db, actor.workspaceId, personId);
  const id = newId();
  try {
    await db.transaction(async (tx) => {
      if (await findAssessmentForPeriod(tx, { workspaceId: actor.workspaceId, personId, frameworkId, period })) throw duplicate(person.name, period, framework.name);
      await insertAssessment(tx, { id, workspaceId: actor.workspaceId, personId, coachId, frameworkId, period, periodStart, periodEnd, levelId: level?.levelId ?? null });
      await recordAudit(tx, actor, {
        workspaceId: actor.workspaceId,
        action: 'assessment.create',
        entityType: 'assessment',
        entityId: id,
        summary: `Opened the ${period} assessment of ${person.name} on “${framework.name}”`,
      });
      const tell = await userIdsOf(tx, actor.workspaceId, [personId === actor.memberId ? null : personId, coachId === actor.memberId ? null : coachId]);
      if (tell.length) {
        await notify(tx, {
          workspaceId: actor.workspaceId,
          userIds: tell,
          kind: 'assessment.opened',
          title: `${period} assessment of ${person.name} opened`,
          body: `${actor.name} opened the ${period} assessment of ${person.name}: rate your side, with evidence, then submit it.`,
          link: `/w/${actor.workspaceId}/coaching/assessments/${id}`,
        });
      }
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(person.name, period, framework.name);
    throw e;
  }
  return presentAssessment((await findAssessmentRow(db, actor.workspaceId, id))!, actor);
}

/** One assessment's metadata (never its ratings). */
export async function getAssessment({ db, actor, assessmentId }: Ctx & { assessmentId: string }): Promise<Assessment> {
  authorize(actor, 'coaching.read');
  const a = await visibleAssessment(db, actor, assessmentId);
  await recordRead(db, actor, { workspaceId: actor.workspaceId, action: 'assessment.read', entityType: 'assessment', entityId: a.id, summary: `Read ${assessmentName(a)}` });
  return presentAssessment(a, actor);
}

/** A person's assessments, latest period first. */
export async function listPersonAssessments({ db, actor, personId }: Ctx & { personId: string }): Promise<AssessmentList> {
  authorize(actor, 'coaching.read');
  const person = await visiblePerson(db, actor, personId);
  const { rows, total } = await listAssessmentRows(db, actor.workspaceId, { personId, limit: 200, offset: 0 });
  await recordRead(db, actor, { workspaceId: actor.workspaceId, action: 'assessment.read', entityType: 'person', entityId: personId, summary: `Read the assessments of ${person.name}` });
  return { items: rows.map((a) => presentAssessment(a, actor)), total };
}

/** The assessments the actor may see: their own (and those they coach), or everyone's for leads and admins. */
export async function listAssessments({
  db,
  actor,
  query,
}: Ctx & { query: { personId?: string; period?: string; frameworkId?: string; limit: number; offset: number } }): Promise<AssessmentList> {
  authorize(actor, 'coaching.read');
  const everyone = actor.role === 'lead' || actor.role === 'admin';
  // Another person's id from a PM filters to nothing, like a person they may not see.
  if (query.personId && !canSeePerson(actor, query.personId)) return { items: [], total: 0 };
  const { rows, total } = await listAssessmentRows(db, actor.workspaceId, { ...query, involving: everyone ? undefined : actor.memberId });
  const visible = rows.filter((a) => canSeePerson(actor, a.personId));
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'assessment.read',
    entityType: 'assessment',
    entityId: null,
    summary: `Listed assessments${query.period ? ` of ${query.period}` : ''} (${visible.length})`,
  });
  return { items: visible.map((a) => presentAssessment(a, actor)), total: total - (rows.length - visible.length) };
}

/** Deletes an assessment with its ratings: its coach or an admin may, the person may not. */
export async function deleteAssessment({ db, actor, assessmentId }: Ctx & { assessmentId: string }): Promise<void> {
  authorize(actor, 'coaching.write');
  const a = await visibleAssessment(db, actor, assessmentId);
  if (!mayDelete(actor, a)) {
    throw invalid('assessmentId', actor.memberId === a.personId ? 'the person assessed cannot delete their assessment; ask its coach or an admin' : "only the assessment's coach or an admin may delete it");
  }
  await db.transaction(async (tx) => {
    await deleteAssessmentRow(tx, actor.workspaceId, a.id);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'assessment.delete', entityType: 'assessment', entityId: a.id, summary: `Deleted ${assessmentName(a)}` });
  });
}

/** The competencies still without a rating on this side. */
async function unratedOn(db: Db, a: AssessmentFull, side: Side): Promise<string[]> {
  const [comps, ratings] = await Promise.all([competenciesWithExpectations(db, a.workspaceId, a.frameworkId, null), ratingRows(db, a.workspaceId, [a.id], [side])]);
  const rated = new Set(ratings.filter((r) => r.rating !== null).map((r) => r.competencyId));
  return comps.filter((c) => !rated.has(c.id)).map((c) => c.name);
}

/**
 * Submits the actor's side. Final: a submitted side is what the other party and the team view read,
 * so it is not reopened (a correction is a note in the next period's evidence). Every competency
 * must be rated first.
 */
export async function submitAssessmentSide({ db, actor, assessmentId, side }: Ctx & { assessmentId: string; side: Side }): Promise<Assessment> {
  authorize(actor, 'coaching.write');
  const a = await visibleAssessment(db, actor, assessmentId);
  const how = requireSideWriter(actor, a, side);
  const missing = await unratedOn(db, a, side);
  if (missing.length) {
    const names = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ', …' : '');
    throw invalid('side', `rate every competency before submitting: ${missing.length} left (${names})`);
  }
  await db.transaction(async (tx) => {
    if (how === 'claim' && !(await claimCoach(tx, actor.workspaceId, a.id, actor.memberId))) throw invalid('side', 'another lead took the coach side a moment ago');
    if (!(await markSideSubmitted(tx, actor.workspaceId, a.id, side))) throw new AppError('conflict', `The ${side} side was already submitted; a submitted side is final`, 'side');
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'assessment.submit',
      entityType: 'assessment',
      entityId: a.id,
      summary: `Submitted the ${side} side of ${assessmentName(a)}`,
    });
    const other = side === 'self' ? a.coachId : a.personId;
    const tell = await userIdsOf(tx, actor.workspaceId, [other === actor.memberId ? null : other]);
    if (tell.length) {
      await notify(tx, {
        workspaceId: actor.workspaceId,
        userIds: tell,
        kind: 'assessment.submitted',
        title: side === 'self' ? `${a.personName} submitted their ${a.period} self-assessment` : `Your coach submitted the ${a.period} coach assessment`,
        body: 'Both sides can now be compared where both are submitted.',
        link: `/w/${actor.workspaceId}/coaching/assessments/${a.id}`,
      });
    }
  });
  return presentAssessment((await findAssessmentRow(db, actor.workspaceId, a.id))!, actor);
}

/** The person's recent work to pick evidence from: interviews, experiments, features, requirements, opportunities. */
export async function listPersonArtifacts({ db, actor, personId, q }: Ctx & { personId: string; q?: string }): Promise<AssessmentArtifacts> {
  authorize(actor, 'coaching.read');
  await visiblePerson(db, actor, personId);
  return { items: await personArtifactRows(db, actor.workspaceId, personId, q || undefined, 50) };
}
