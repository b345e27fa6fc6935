import type { CoachingSessionItem, CreateSessionItem, UpdateSessionItem } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { isParticipant } from '../coaching/coaching.access.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { presentItem } from './coaching-sessions.presenter.js';
import { deleteItemRow, findItemRow, findSessionRow, insertItems, nextItemPosition, updateItemRow, type ItemPatch } from './coaching-sessions.repository.js';
import { participantSession, sessionLabel, sessionNames } from './session-access.js';

type Ctx = { db: Db; actor: WorkspaceActor };

// Item texts are coaching content: audit entries name the session and the fields, never the words.

/** An action belongs to one of the two people in the room. */
function checkOwner(session: { coachId: string; coacheeId: string }, ownerId: string | null | undefined) {
  if (ownerId && ownerId !== session.coachId && ownerId !== session.coacheeId) throw invalid('ownerId', 'must be the coach or the coachee of this session');
}

/** The item and its session, when the actor takes part in the session; else 404 as if it did not exist. */
async function participantItem(db: Db, actor: WorkspaceActor, itemId: string) {
  const item = await findItemRow(db, actor.workspaceId, itemId);
  const session = item ? await findSessionRow(db, actor.workspaceId, item.sessionId) : undefined;
  if (!item || !session || !isParticipant(actor, session)) throw notFound('Session item');
  return { item, session };
}

const kindLabel = (kind: string) => (kind === 'action' ? 'an action item' : 'an agenda item');

/** Adds an agenda item or an action item at the end of its list. */
export async function createSessionItem({ db, actor, sessionId, input }: Ctx & { sessionId: string; input: CreateSessionItem }): Promise<CoachingSessionItem> {
  authorize(actor, 'coaching.write');
  return db.transaction(async (tx) => {
    const session = await participantSession(tx, actor, sessionId);
    checkOwner(session, input.ownerId);
    const id = newId();
    await insertItems(tx, [
      {
        id,
        workspaceId: actor.workspaceId,
        sessionId,
        kind: input.kind,
        text: input.text,
        ownerId: input.ownerId ?? null,
        dueOn: input.dueOn ?? null,
        position: await nextItemPosition(tx, sessionId, input.kind),
      },
    ]);
    const names = await sessionNames(tx, actor.workspaceId, session);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-session-item.create',
      entityType: 'coaching_session_item',
      entityId: id,
      summary: `Added ${kindLabel(input.kind)} to ${sessionLabel(session, names)}`,
    });
    return presentItem((await findItemRow(tx, actor.workspaceId, id))!, names);
  });
}

/** Edits an item or checks it off. Either participant may. */
export async function updateSessionItem({ db, actor, itemId, input }: Ctx & { itemId: string; input: UpdateSessionItem }): Promise<CoachingSessionItem> {
  authorize(actor, 'coaching.write');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const { item, session } = await participantItem(tx, actor, itemId);
    checkOwner(session, input.ownerId);
    const patch: ItemPatch = {};
    if (input.text !== undefined) patch.text = input.text;
    if (input.done !== undefined) patch.done = input.done;
    if (input.ownerId !== undefined) patch.ownerId = input.ownerId;
    if (input.dueOn !== undefined) patch.dueOn = input.dueOn;
    if (!(await updateItemRow(tx, { workspaceId: actor.workspaceId, id: itemId, version }, patch))) throw versionConflict('Session item');
    const names = await sessionNames(tx, actor.workspaceId, session, [input.ownerId ?? item.ownerId]);
    const fields = Object.keys(patch);
    const what = patch.done === true && fields.length === 1 ? 'Checked off' : patch.done === false && fields.length === 1 ? 'Reopened' : 'Edited';
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-session-item.update',
      entityType: 'coaching_session_item',
      entityId: itemId,
      summary: `${what} ${kindLabel(item.kind)} of ${sessionLabel(session, names)}${what === 'Edited' && fields.length ? ` (${fields.join(', ')})` : ''}`,
    });
    return presentItem((await findItemRow(tx, actor.workspaceId, itemId))!, names);
  });
}

/** Removes an item. Either participant may. */
export async function deleteSessionItem({ db, actor, itemId }: Ctx & { itemId: string }): Promise<void> {
  authorize(actor, 'coaching.write');
  await db.transaction(async (tx) => {
    const { item, session } = await participantItem(tx, actor, itemId);
    await deleteItemRow(tx, actor.workspaceId, itemId);
    const names = await sessionNames(tx, actor.workspaceId, session);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-session-item.delete',
      entityType: 'coaching_session_item',
      entityId: itemId,
      summary: `Removed ${kindLabel(item.kind)} from ${sessionLabel(session, names)}`,
    });
  });
}
