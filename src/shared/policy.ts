import type { Role } from './roles.js';

/**
 * The one policy table: every action Sextant knows and the roles that may take it.
 * Ownership rules (a PM edits only the components they own) are in `can()` below.
 * The server enforces it; the web reads the same table to hide what a member cannot do.
 */
export const POLICY = {
  'workspace.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'workspace.update': ['admin'],
  'member.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'member.update': ['admin'],
  'member.remove': ['admin'],
  'member.leave': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'profile.update-own': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'invitation.read': ['admin'],
  'invitation.create': ['admin'],
  'invitation.revoke': ['admin'],
  'product.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'product.create': ['admin', 'lead'],
  'product.update': ['admin', 'lead'],
  'product.delete': ['admin', 'lead'],
  'component.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'component.create': ['admin', 'lead'],
  // pm passes the role check; ownership decides (see `can`).
  'component.update': ['admin', 'lead', 'pm'],
  'component.delete': ['admin', 'lead'],
  'audit.read': ['admin'],
  'notification.read-own': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'workspace.export': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;

/** Actions where a PM is allowed only on what they own. */
const OWNED_BY_PM: ReadonlySet<Action> = new Set<Action>(['component.update']);

export interface PolicySubject {
  role: Role;
  memberId: string;
}

export interface PolicyResource {
  /** Member ids that own the resource (a component's owner PM). */
  ownerIds?: readonly (string | null | undefined)[];
}

/** True when the role may take the action at all, before ownership is known. */
export function roleAllows(role: Role, action: Action): boolean {
  return (POLICY[action] as readonly Role[]).includes(role);
}

/** Decides an action from the role and, for PMs, ownership of the resource. */
export function can(subject: PolicySubject, action: Action, resource?: PolicyResource): boolean {
  if (!roleAllows(subject.role, action)) return false;
  if (subject.role === 'pm' && OWNED_BY_PM.has(action)) {
    return Boolean(resource?.ownerIds?.includes(subject.memberId));
  }
  return true;
}
