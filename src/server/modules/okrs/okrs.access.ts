import { roleAllows, type Action } from '../../../shared/policy.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { forbidden, invalid } from '../../lib/app-error.js';
import { memberNames, type KeyResultFull, type ObjectiveFull } from './okrs.repository.js';

/*
 * Who may act on OKRs, shared by okrs.service.ts and key-results.service.ts: the role check made before
 * any record is loaded, the owners that decide a PM's ownership, and the member check for an owner field.
 */

export type Ctx = { db: Db; actor: WorkspaceActor };

/** The role check, before the records that decide a PM's ownership are loaded. */
export function requireRole(actor: WorkspaceActor, action: Action): void {
  if (!roleAllows(actor.role, action)) throw forbidden(`Your role (${actor.role}) may not ${action.replace('.', ' ').replace('-', ' ')}`);
}

export const objectiveOwners = (o: ObjectiveFull) => [o.ownerId, o.componentOwnerId];
export const keyResultOwners = (kr: KeyResultFull, o: ObjectiveFull) => [kr.ownerId, o.ownerId, o.componentOwnerId];

export async function assertMember(db: Db, workspaceId: string, memberId: string, field: string): Promise<string> {
  const name = (await memberNames(db, workspaceId, [memberId])).get(memberId);
  if (name === undefined) throw invalid(field, 'no such member of this workspace');
  return name;
}
