import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can, type Action, type PolicyResource } from '../../shared/policy.js';
import type { Role } from '../../shared/roles.js';
import { meQuery, toRole } from './api/use-session';
import { useMembers } from '../features/members/use-members';

/** The workspace in the URL, the caller's role and member record, and a policy check bound to them. */
export function useCurrentWorkspace() {
  const params = useParams({ strict: false });
  const workspaceId = params.workspaceId ?? '';
  const me = useQuery(meQuery).data ?? null;
  const entry = me?.workspaces.find((w) => w.id === workspaceId);
  const role: Role = toRole(entry?.role);
  const members = useMembers(workspaceId);
  const member = members.data?.items.find((m) => m.userId === me?.user.id);
  const memberId = member?.id ?? '';

  return {
    workspaceId,
    workspaceName: entry?.name ?? '',
    me,
    role,
    member,
    memberId,
    /** True when the caller may take the action (PM ownership included). */
    can: (action: Action, resource?: PolicyResource) => can({ role, memberId }, action, resource),
  };
}
