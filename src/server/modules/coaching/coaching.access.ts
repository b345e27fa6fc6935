import type { WorkspaceActor } from '../../lib/actor.js';

/**
 * Who may see which coaching record. Coaching is private to coach and coachee (PRODUCT.md, roles), and
 * no role loosens it: the policy's role check only lets a caller try, these rules decide per record.
 * A record the caller may not see answers 404, exactly like a record that does not exist, so its
 * existence does not leak. Every coaching module asks these functions; none decides on its own.
 *
 * - A person's coaching profile (submitted assessments, shared growth plans, learning, signals and
 *   insights) is seen by the person, by leads (a lead coaches any PM) and by admins.
 * - A session (agenda, actions, reasoning journal, shared notes) is seen by its coach and coachee only.
 * - A private note is seen by its author only: not the other participant, not an admin.
 * - A draft side of an assessment is seen by its author only (the person for the self side, the
 *   assessment's coach for the coach side); once submitted, by whoever sees the person's profile.
 * - A private growth plan is seen by its person and its coach only.
 */
export type CoachingRelation = 'self' | 'coach' | 'admin';

/** How the actor relates to the person's coaching profile; null when they may not see it. */
export function coachingRelation(actor: Pick<WorkspaceActor, 'memberId' | 'role'>, personId: string): CoachingRelation | null {
  if (actor.memberId === personId) return 'self';
  if (actor.role === 'lead') return 'coach';
  if (actor.role === 'admin') return 'admin';
  return null;
}

/** Whether the actor may see the person's coaching profile. */
export function canSeePerson(actor: Pick<WorkspaceActor, 'memberId' | 'role'>, personId: string): boolean {
  return coachingRelation(actor, personId) !== null;
}

/** Whether the actor may coach the person: write coach-side ratings, open sessions, set plans. */
export function canCoach(actor: Pick<WorkspaceActor, 'memberId' | 'role'>, personId: string): boolean {
  return actor.memberId !== personId && (actor.role === 'lead' || actor.role === 'admin');
}

/** Whether the actor takes part in the session (as its coach or its coachee). */
export function isParticipant(actor: Pick<WorkspaceActor, 'memberId'>, session: { coachId: string; coacheeId: string }): boolean {
  return actor.memberId === session.coachId || actor.memberId === session.coacheeId;
}

/** Whether the actor may read the note: shared ones by the participants, private ones by the author. */
export function canSeeNote(
  actor: Pick<WorkspaceActor, 'memberId'>,
  session: { coachId: string; coacheeId: string },
  note: { kind: string; authorId: string },
): boolean {
  if (note.kind === 'private') return note.authorId === actor.memberId;
  return isParticipant(actor, session);
}

/** Whether the actor may see one side of an assessment (its ratings and evidence). */
export function canSeeAssessmentSide(
  actor: Pick<WorkspaceActor, 'memberId' | 'role'>,
  assessment: { personId: string; coachId: string | null; selfStatus: string; coachStatus: string },
  side: 'self' | 'coach',
): boolean {
  const status = side === 'self' ? assessment.selfStatus : assessment.coachStatus;
  if (status === 'submitted') return canSeePerson(actor, assessment.personId);
  return side === 'self' ? actor.memberId === assessment.personId : actor.memberId === assessment.coachId;
}

/** Whether the actor may see the growth plan. */
export function canSeePlan(actor: Pick<WorkspaceActor, 'memberId' | 'role'>, plan: { personId: string; coachId: string | null; private: boolean }): boolean {
  if (plan.private) return actor.memberId === plan.personId || actor.memberId === plan.coachId;
  return canSeePerson(actor, plan.personId);
}
