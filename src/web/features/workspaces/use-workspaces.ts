import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../../lib/api/client';
import type { ListOf, WorkspaceT } from '../../lib/api/types';

export function useWorkspaces() {
  return useQuery({ queryKey: ['workspaces'], queryFn: () => api<ListOf<WorkspaceT>>('/api/v1/workspaces') });
}

export function useWorkspace(workspaceId: string) {
  return useQuery({ queryKey: ['workspace', workspaceId], queryFn: () => api<WorkspaceT>(wsPath(workspaceId)) });
}

export function useCreateWorkspace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api<WorkspaceT>('/api/v1/workspaces', { method: 'POST', body: input }),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['me'] }), qc.invalidateQueries({ queryKey: ['workspaces'] })]);
    },
  });
}

export function useCreateDemo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string } = {}) => api<{ workspaceId: string }>('/api/v1/demo', { method: 'POST', body: input }),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['me'] }), qc.invalidateQueries({ queryKey: ['workspaces'] })]);
    },
  });
}

export function useRenameWorkspace(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; version: number }) => api<WorkspaceT>(wsPath(workspaceId), { method: 'PATCH', body: input }),
    onSuccess: (ws) => {
      qc.setQueryData(['workspace', workspaceId], ws);
      void qc.invalidateQueries({ queryKey: ['me'] });
      void qc.invalidateQueries({ queryKey: ['workspaces'] });
    },
    onError: () => qc.invalidateQueries({ queryKey: ['workspace', workspaceId] }),
  });
}

export function useLeaveWorkspace(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(wsPath(workspaceId, '/leave'), { method: 'POST', body: {} }),
    onSuccess: async () => {
      qc.removeQueries({ predicate: (q) => q.queryKey.includes(workspaceId) });
      await Promise.all([qc.invalidateQueries({ queryKey: ['me'] }), qc.invalidateQueries({ queryKey: ['workspaces'] })]);
    },
  });
}

/** Imports an exported workspace document as a new workspace (the caller becomes its admin). */
export function useImportWorkspace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (doc: unknown) =>
      api<{ workspaceId: string; people: number; products: number; components: number }>('/api/v1/workspaces/import', { method: 'POST', body: doc }),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['me'] }), qc.invalidateQueries({ queryKey: ['workspaces'] })]);
    },
  });
}
