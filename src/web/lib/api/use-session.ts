import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLES, type Role } from '../../../shared/roles.js';
import { ApiError, api } from './client';
import type { MeT } from './types';

export const setupQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: () => api<{ needsSetup: boolean }>('/api/v1/setup'),
  staleTime: 60_000,
});

/** The signed-in account and its workspaces, or null when signed out. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<MeT | null> => {
    // Ask better-auth first: it answers 200 with null when signed out, so a signed-out visit
    // does not log a failed request in the browser console.
    const session = await api<{ user?: unknown } | null>('/api/auth/get-session');
    if (!session?.user) return null;
    try {
      return await api<MeT>('/api/v1/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 30_000,
});

export function useMe() {
  return useQuery(meQuery);
}

/** Narrows the role string of /me to a known role (unknown roles read as viewer). */
export function toRole(role: string | undefined): Role {
  return (ROLES as readonly string[]).includes(role ?? '') ? (role as Role) : 'viewer';
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api('/api/auth/sign-in/email', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me'] }),
  });
}

export function useSignUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; email: string; password: string }) => api('/api/auth/sign-up/email', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me'] }),
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/auth/sign-out', { method: 'POST', body: {} }),
    onSuccess: () => {
      // Stop polling at once; the rest of the cache is dropped after leaving the workspace pages.
      void qc.cancelQueries();
      qc.setQueryData(meQuery.queryKey, null);
    },
  });
}

export function useRunSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; email: string; password: string; workspaceName: string; loadDemo: boolean }) =>
      api<{ workspaceId: string; demoWorkspaceId: string | null }>('/api/v1/setup', { method: 'POST', body: input }),
    onSuccess: async () => {
      qc.setQueryData(setupQuery.queryKey, { needsSetup: false });
      await qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
