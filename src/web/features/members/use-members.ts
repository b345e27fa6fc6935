import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../shared/roles.js';
import { api, wsPath } from '../../lib/api/client';
import type { CreatedInvitationT, InvitationT, ListOf, MemberT } from '../../lib/api/types';

export const membersKey = (workspaceId: string) => ['members', workspaceId] as const;
export const invitationsKey = (workspaceId: string) => ['invitations', workspaceId] as const;

export function useMembers(workspaceId: string) {
  return useQuery({ queryKey: membersKey(workspaceId), queryFn: () => api<ListOf<MemberT>>(wsPath(workspaceId, '/members')) });
}

export function useUpdateMember(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, ...body }: { memberId: string; role?: Role; title?: string; version: number }) =>
      api<MemberT>(wsPath(workspaceId, `/members/${memberId}`), { method: 'PATCH', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => api<void>(wsPath(workspaceId, `/members/${memberId}`), { method: 'DELETE' }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: membersKey(workspaceId) });
      void qc.invalidateQueries({ queryKey: ['products', workspaceId] });
    },
  });
}

export function useUpdateProfile(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; title?: string }) => api<MemberT>(wsPath(workspaceId, '/profile'), { method: 'PATCH', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: membersKey(workspaceId) });
      void qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export function useInvitations(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: invitationsKey(workspaceId),
    queryFn: () => api<ListOf<InvitationT>>(wsPath(workspaceId, '/invitations')),
    enabled,
  });
}

export function useCreateInvitation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) => api<CreatedInvitationT>(wsPath(workspaceId, '/invitations'), { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}

export function useRevokeInvitation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api<void>(wsPath(workspaceId, `/invitations/${invitationId}`), { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}
