import { ASSESSMENT_LIMITS, ASSESSMENT_LINK_TYPES_AVAILABLE, type AssessmentLink, type AssessmentRating, type AssessmentRatings, type PutAssessmentRatings } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { ArtifactLink } from '../../db/schema/index.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordRead } from '../audit/audit.service.js';
import { canSeeAssessmentSide } from '../coaching/coaching.access.js';
import { assessmentName, requireSideWriter, visibleAssessment } from './assessments.guard.js';
import { presentScale } from './assessments.presenter.js';
import { proposalTargets } from './assessments.proposals.repository.js';
import {
  claimCoach,
  competenciesWithExpectations,
  findFramework,
  linkTargets,
  ratingRows,
  touchAssessment,
  upsertRatings,
  type AssessmentFull,
  type LinkType,
  type RatingRow,
  type Side,
} from './assessments.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** Link types evidence may use: issue 5's, strategy proposals (issue 6), triage decisions and status updates (issue 7). */
const AVAILABLE = new Set<string>(ASSESSMENT_LINK_TYPES_AVAILABLE);
type TargetType = LinkType | 'proposal';

/** The records of one link type among `ids` in the workspace, with their labels. */
const targetsOf = (db: Db, workspaceId: string, type: TargetType, ids: readonly string[]) =>
  type === 'proposal' ? proposalTargets(db, workspaceId, ids) : linkTargets(db, workspaceId, type, ids);

/** Fresh titles for the links of these ratings: `${type}:${id}` → title; missing records are absent. */
async function labelLinks(db: Db, workspaceId: string, rows: readonly RatingRow[]): Promise<Map<string, string>> {
  const byType = new Map<TargetType, string[]>();
  for (const r of rows) for (const l of r.links) if (AVAILABLE.has(l.type)) byType.set(l.type as TargetType, [...(byType.get(l.type as TargetType) ?? []), l.id]);
  const out = new Map<string, string>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      for (const [id, label] of await targetsOf(db, workspaceId, type, ids)) out.set(`${type}:${id}`, label);
    }),
  );
  return out;
}

function presentRating(r: RatingRow, labels: Map<string, string>): AssessmentRating {
  return {
    rating: r.rating,
    importance: r.importance,
    evidence: r.evidence,
    links: r.links.map((l): AssessmentLink => {
      const label = labels.get(`${l.type}:${l.id}`);
      return { type: l.type, id: l.id, label: label ?? (l.label ? `${l.label} (deleted)` : '(deleted)'), exists: label !== undefined };
    }),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Both sides' ratings as this actor may see them: a side they may not see is withheld entirely. */
async function ratingsView(db: Db, actor: WorkspaceActor, a: AssessmentFull): Promise<AssessmentRatings> {
  const framework = (await findFramework(db, actor.workspaceId, a.frameworkId))!;
  const visible = { self: canSeeAssessmentSide(actor, a, 'self'), coach: canSeeAssessmentSide(actor, a, 'coach') };
  const sides = (['self', 'coach'] as const).filter((s) => visible[s]);
  const [comps, ratings] = await Promise.all([competenciesWithExpectations(db, actor.workspaceId, a.frameworkId, a.effectiveLevelId), ratingRows(db, actor.workspaceId, [a.id], sides)]);
  const labels = await labelLinks(db, actor.workspaceId, ratings);
  const byKey = new Map(ratings.map((r) => [`${r.rater}:${r.competencyId}`, r]));
  const side = (s: Side, competencyId: string) => {
    const r = byKey.get(`${s}:${competencyId}`);
    return r ? presentRating(r, labels) : null;
  };
  return {
    assessmentId: a.id,
    scale: presentScale(framework),
    sides: {
      self: { status: a.selfStatus as 'draft' | 'submitted', visible: visible.self },
      coach: { status: a.coachStatus as 'draft' | 'submitted', visible: visible.coach },
    },
    competencies: comps.map((c) => ({
      competencyId: c.id,
      key: c.key,
      name: c.name,
      area: c.area,
      description: c.description,
      descriptors: c.descriptors,
      expected: c.expected,
      self: side('self', c.id),
      coach: side('coach', c.id),
    })),
  };
}

/** The ratings of an assessment per competency, with the level's expectation. */
export async function getAssessmentRatings({ db, actor, assessmentId }: Ctx & { assessmentId: string }): Promise<AssessmentRatings> {
  authorize(actor, 'coaching.read');
  const a = await visibleAssessment(db, actor, assessmentId);
  const view = await ratingsView(db, actor, a);
  await recordRead(db, actor, { workspaceId: actor.workspaceId, action: 'assessment.read', entityType: 'assessment', entityId: a.id, summary: `Read the ratings of ${assessmentName(a)}` });
  return view;
}

/** Checks each link's type and that its record is in this workspace; returns them with their titles. */
async function checkLinks(db: Db, workspaceId: string, input: PutAssessmentRatings['ratings']): Promise<(ArtifactLink[] | undefined)[]> {
  const wanted = new Map<TargetType, Set<string>>();
  input.forEach((r, i) =>
    r.links?.forEach((l, j) => {
      if (!AVAILABLE.has(l.type)) throw invalid(`ratings.${i}.links.${j}.type`, `${l.type} links are not available yet: that module is still to come`);
      wanted.set(l.type as TargetType, (wanted.get(l.type as TargetType) ?? new Set()).add(l.id));
    }),
  );
  const found = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      for (const [id, label] of await targetsOf(db, workspaceId, type, [...ids])) found.set(`${type}:${id}`, label);
    }),
  );
  return input.map((r, i) => {
    if (!r.links) return undefined;
    const seen = new Set<string>();
    const out: ArtifactLink[] = [];
    r.links.forEach((l, j) => {
      const key = `${l.type}:${l.id}`;
      const label = found.get(key);
      if (label === undefined) {
        const what = l.type === 'requirements' ? 'a feature with a requirements document' : l.type === 'proposal' ? 'a strategy proposal' : l.type === 'update' ? 'a status update' : `a${/^[aeiou]/.test(l.type) ? 'n' : ''} ${l.type}`;
        throw invalid(`ratings.${i}.links.${j}.id`, `is not ${what} of this workspace`);
      }
      if (!seen.has(key)) out.push({ type: l.type, id: l.id, label });
      seen.add(key);
    });
    return out;
  });
}

/**
 * Saves the actor's side: upserts the listed competencies and leaves the others as they are. The self
 * side is the person's, the coach side the coach's; a submitted side is final (409). The audit entry
 * names the assessment and the count, never ratings or evidence.
 */
export async function putAssessmentRatings({ db, actor, assessmentId, input }: Ctx & { assessmentId: string; input: PutAssessmentRatings }): Promise<AssessmentRatings> {
  authorize(actor, 'coaching.write');
  const a = await visibleAssessment(db, actor, assessmentId);
  const how = requireSideWriter(actor, a, input.side);
  const framework = (await findFramework(db, actor.workspaceId, a.frameworkId))!;
  const comps = new Set((await competenciesWithExpectations(db, actor.workspaceId, a.frameworkId, null)).map((c) => c.id));
  const seen = new Set<string>();
  input.ratings.forEach((r, i) => {
    if (!comps.has(r.competencyId)) throw invalid(`ratings.${i}.competencyId`, `is not a competency of “${framework.name}”`);
    if (seen.has(r.competencyId)) throw invalid(`ratings.${i}.competencyId`, 'appears twice; send each competency once');
    seen.add(r.competencyId);
    if (r.rating !== null && (r.rating < framework.scaleMin || r.rating > framework.scaleMax)) {
      throw invalid(`ratings.${i}.rating`, `must be between ${framework.scaleMin} and ${framework.scaleMax} on the “${framework.name}” scale`);
    }
    if (r.importance !== undefined && r.importance !== null) {
      if (!framework.ratesImportance) throw invalid(`ratings.${i}.importance`, `“${framework.name}” does not rate importance; leave it out`);
      if (r.importance < ASSESSMENT_LIMITS.importanceMin || r.importance > ASSESSMENT_LIMITS.importanceMax) {
        throw invalid(`ratings.${i}.importance`, `must be between ${ASSESSMENT_LIMITS.importanceMin} and ${ASSESSMENT_LIMITS.importanceMax}`);
      }
    }
  });
  const links = await checkLinks(db, actor.workspaceId, input.ratings);
  await db.transaction(async (tx) => {
    if (how === 'claim' && !(await claimCoach(tx, actor.workspaceId, a.id, actor.memberId))) throw invalid('side', 'another lead took the coach side a moment ago');
    await upsertRatings(
      tx,
      input.ratings.map((r, i) => ({
        id: newId(),
        workspaceId: actor.workspaceId,
        assessmentId: a.id,
        competencyId: r.competencyId,
        rater: input.side,
        raterId: actor.memberId,
        rating: r.rating,
        importance: r.importance,
        evidence: r.evidence,
        links: links[i],
      })),
    );
    await touchAssessment(tx, actor.workspaceId, a.id);
    // Drafts are private to their author: the entry says what was saved, not what it says.
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'assessment.rate',
      entityType: 'assessment',
      entityId: a.id,
      summary: `Saved ${input.ratings.length} ${input.side} rating${input.ratings.length === 1 ? '' : 's'} on ${assessmentName(a)}${how === 'claim' ? ', becoming its coach' : ''}`,
    });
  });
  const after = how === 'claim' ? { ...a, coachId: actor.memberId, coachName: actor.name } : a;
  return ratingsView(db, actor, after);
}
