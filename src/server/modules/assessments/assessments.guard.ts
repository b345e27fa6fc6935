import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/app-error.js';
import { canCoach, canSeePerson } from '../coaching/coaching.access.js';
import { findAssessmentRow, type AssessmentFull, type Side } from './assessments.repository.js';

/**
 * The per-record checks every assessment operation shares. Seeing an assessment at all follows the
 * person's coaching profile (canSeePerson); a draft side's ratings follow canSeeAssessmentSide, which
 * the operations that return ratings ask per side.
 */

/** The assessment, when the actor may see it; 404 alike for a missing one and one they may not see. */
export async function visibleAssessment(db: Db, actor: WorkspaceActor, assessmentId: string): Promise<AssessmentFull> {
  const a = await findAssessmentRow(db, actor.workspaceId, assessmentId);
  if (!a || !canSeePerson(actor, a.personId)) throw notFound('Assessment');
  return a;
}

/** How the actor may write a side: as its author, or by claiming an unclaimed coach side. */
export type SideWrite = 'author' | 'claim';

/**
 * Checks the actor may write this side: the self side is the person's, the coach side the coach's (or,
 * while nobody has claimed it, any lead or admin who may coach the person). A submitted side is final.
 */
export function requireSideWriter(actor: WorkspaceActor, a: AssessmentFull, side: Side): SideWrite {
  let how: SideWrite | null = null;
  if (side === 'self') {
    if (actor.memberId !== a.personId) throw invalid('side', `only ${a.personName} rates the self side of their assessment`);
    how = 'author';
  } else if (actor.memberId === a.coachId) {
    how = 'author';
  } else if (a.coachId === null && canCoach(actor, a.personId)) {
    how = 'claim';
  } else {
    throw invalid('side', a.coachId ? `only the assessment's coach (${a.coachName ?? 'another member'}) rates the coach side` : 'the coach side is rated by a lead or admin, not by the person assessed');
  }
  const status = side === 'self' ? a.selfStatus : a.coachStatus;
  if (status === 'submitted') {
    const at = side === 'self' ? a.selfSubmittedAt : a.coachSubmittedAt;
    throw new AppError('conflict', `The ${side} side was submitted${at ? ` on ${at.toISOString().slice(0, 10)}` : ''}; a submitted side is final`, 'side');
  }
  return how;
}

/** “the 2027-Q1 assessment of Pia”: how audit entries name an assessment, never its content. */
export const assessmentName = (a: Pick<AssessmentFull, 'period' | 'personName'>): string => `the ${a.period} assessment of ${a.personName}`;
