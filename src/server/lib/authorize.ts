import { can, type Action, type PolicyResource } from '../../shared/policy.js';
import type { WorkspaceActor } from './actor.js';
import { forbidden } from './app-error.js';

/** The first step of every service operation: throws 403 unless the policy allows the action. */
export function authorize(actor: WorkspaceActor, action: Action, resource?: PolicyResource): void {
  if (!can({ role: actor.role, memberId: actor.memberId }, action, resource)) {
    throw forbidden(`Your role (${actor.role}) may not ${action.replace('.', ' ').replace('-', ' ')}`);
  }
}
