import type { Assessment, AssessmentScale } from '../../../shared/contracts.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { canCoach } from '../coaching/coaching.access.js';
import type { AssessmentFull, FrameworkInfo, Side } from './assessments.repository.js';

type Who = Pick<WorkspaceActor, 'memberId' | 'role'>;

/** The sides the actor may still rate: their own draft side, or an unclaimed coach side they may take. */
export function ratableSides(actor: Who, a: Pick<AssessmentFull, 'personId' | 'coachId' | 'selfStatus' | 'coachStatus'>): Side[] {
  const sides: Side[] = [];
  if (a.selfStatus === 'draft' && actor.memberId === a.personId) sides.push('self');
  if (a.coachStatus === 'draft' && (actor.memberId === a.coachId || (a.coachId === null && canCoach(actor, a.personId)))) sides.push('coach');
  return sides;
}

/** The coach and admins may delete an assessment; the person may not (it records their coach's view too). */
export function mayDelete(actor: Who, a: Pick<AssessmentFull, 'personId' | 'coachId'>): boolean {
  return actor.memberId !== a.personId && (actor.memberId === a.coachId || actor.role === 'admin');
}

/** An assessment as the API shows it to this actor: metadata only, never ratings. */
export function presentAssessment(a: AssessmentFull, actor: Who): Assessment {
  return {
    id: a.id,
    personId: a.personId,
    person: { id: a.personId, name: a.personName },
    coachId: a.coachId,
    coach: a.coachId ? { id: a.coachId, name: a.coachName ?? 'Unknown' } : null,
    frameworkId: a.frameworkId,
    framework: { id: a.frameworkId, name: a.frameworkName, key: a.frameworkKey },
    period: a.period,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    levelId: a.effectiveLevelId,
    level: a.effectiveLevelId && a.levelTitle !== null ? { id: a.effectiveLevelId, title: a.levelTitle } : null,
    selfStatus: a.selfStatus as 'draft' | 'submitted',
    coachStatus: a.coachStatus as 'draft' | 'submitted',
    selfSubmittedAt: a.selfSubmittedAt?.toISOString() ?? null,
    coachSubmittedAt: a.coachSubmittedAt?.toISOString() ?? null,
    mySides: ratableSides(actor, a),
    canDelete: mayDelete(actor, a),
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** A framework's scale, with a label for every point (numbers where the framework has none). */
export function presentScale(f: FrameworkInfo): AssessmentScale {
  const labels: string[] = [];
  for (let v = f.scaleMin; v <= f.scaleMax; v++) labels.push(f.scaleLabels[v - f.scaleMin] ?? String(v));
  return { min: f.scaleMin, max: f.scaleMax, labels, ratesImportance: f.ratesImportance };
}
