import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { isParticipant } from '../coaching/coaching.access.js';
import { findSessionRow, memberNames, type SessionWithCounts } from './coaching-sessions.repository.js';
import type { Names } from './coaching-sessions.presenter.js';

/**
 * The session, when the actor takes part in it. Anyone else (an admin, another lead, another PM) gets
 * the same 404 as for a session that does not exist: that it exists is itself private.
 */
export async function participantSession(db: Db, actor: WorkspaceActor, sessionId: string, what = 'Coaching session'): Promise<SessionWithCounts> {
  const session = await findSessionRow(db, actor.workspaceId, sessionId);
  if (!session || !isParticipant(actor, session)) throw notFound(what);
  return session;
}

/** Names of the session's two participants (and any other members named). */
export function sessionNames(db: Db, workspaceId: string, session: { coachId: string; coacheeId: string }, others: readonly (string | null)[] = []): Promise<Names> {
  return memberNames(db, workspaceId, [session.coachId, session.coacheeId, ...others.filter((id): id is string => Boolean(id))]);
}

/** "the 1:1 of Lee Lead with Pia PM on 2027-01-10": how audit entries name a session, never its content. */
export function sessionLabel(session: { coachId: string; coacheeId: string; scheduledAt: Date }, names: Names): string {
  const name = (id: string) => names.get(id) ?? 'a former member';
  return `the 1:1 of ${name(session.coachId)} with ${name(session.coacheeId)} on ${session.scheduledAt.toISOString().slice(0, 10)}`;
}
