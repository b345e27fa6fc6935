import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CoachingSettings,
  Ladder,
  LadderLevel,
  LadderLevelList,
  LadderTrack,
  LadderVersionList,
  PersonLevel,
} from '../../../../shared/contracts.js';
import type { Role } from '../../../../shared/roles.js';
import { api, wsPath } from '../../../lib/api/client';

export const laddersKey = (workspaceId: string) => ['ladders', workspaceId] as const;
export const coachingSettingsKey = (workspaceId: string) => ['coaching-settings', workspaceId] as const;

/** The workspace's ladders, the default first. */
export function useLadders(workspaceId: string) {
  return useQuery({
    queryKey: [...laddersKey(workspaceId), 'list'],
    queryFn: () => api<{ items: Ladder[]; total: number }>(wsPath(workspaceId, '/ladders')),
    enabled: Boolean(workspaceId),
  });
}

/** A ladder's levels with the people at each, expectations on the default framework and, when allowed, bands. */
export function useLevels(workspaceId: string, ladderId: string | null) {
  return useQuery({
    queryKey: [...laddersKey(workspaceId), 'levels', ladderId],
    queryFn: () => api<LadderLevelList>(wsPath(workspaceId, `/ladders/${ladderId}/levels`)),
    enabled: Boolean(workspaceId && ladderId),
  });
}

export function useLadderVersions(workspaceId: string, ladderId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [...laddersKey(workspaceId), 'versions', ladderId],
    queryFn: () => api<LadderVersionList>(wsPath(workspaceId, `/ladders/${ladderId}/versions`)),
    enabled: Boolean(workspaceId && ladderId && enabled),
  });
}

/** One version with its snapshot and the changes from the one before. */
export function useLadderVersion(workspaceId: string, ladderId: string | null, version: number | null) {
  return useQuery({
    queryKey: [...laddersKey(workspaceId), 'versions', ladderId, version],
    queryFn: () => api<LadderVersionList>(wsPath(workspaceId, `/ladders/${ladderId}/versions?version=${version}`)),
    enabled: Boolean(workspaceId && ladderId && version),
    select: (d) => d.items[0] ?? null,
  });
}

function useInvalidateLadders(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: laddersKey(workspaceId) });
    // Coaching pages show a person's level and the level's expectations.
    void qc.invalidateQueries({ queryKey: ['person-level', workspaceId] });
  };
}

export interface SalaryInput {
  min?: number | null;
  mid?: number | null;
  max?: number | null;
  currency?: string;
  source?: string;
  effectiveOn?: string | null;
}

export interface LevelInput {
  title?: string;
  track?: LadderTrack;
  rank?: number;
  description?: string;
  scope?: string;
  salary?: SalaryInput | null;
  expectations?: { competencyId: string; expected: number }[];
}

export function useCreateLevel(workspaceId: string, ladderId: string | null) {
  const invalidate = useInvalidateLadders(workspaceId);
  return useMutation({
    mutationFn: (body: LevelInput & { title: string; track: LadderTrack; rank: number }) =>
      api<LadderLevel>(wsPath(workspaceId, `/ladders/${ladderId}/levels`), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateLevel(workspaceId: string, ladderId: string | null) {
  const invalidate = useInvalidateLadders(workspaceId);
  return useMutation({
    mutationFn: ({ levelId, ...body }: LevelInput & { levelId: string; version: number }) =>
      api<LadderLevel>(wsPath(workspaceId, `/ladders/${ladderId}/levels/${levelId}`), { method: 'PATCH', body }),
    // Also on a 409: the page then shows the latest version.
    onSettled: invalidate,
  });
}

export function useDeleteLevel(workspaceId: string, ladderId: string | null) {
  const invalidate = useInvalidateLadders(workspaceId);
  return useMutation({
    mutationFn: (levelId: string) => api<void>(wsPath(workspaceId, `/ladders/${ladderId}/levels/${levelId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

/** Places a person at a level, or takes them off the ladder (levelId null). */
export function usePlacePerson(workspaceId: string) {
  const invalidate = useInvalidateLadders(workspaceId);
  return useMutation({
    mutationFn: ({ personId, ...body }: { personId: string; levelId: string | null; since?: string | null; note?: string }) =>
      api<PersonLevel>(wsPath(workspaceId, `/people/${personId}/level`), { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useCoachingSettings(workspaceId: string) {
  return useQuery({
    queryKey: coachingSettingsKey(workspaceId),
    queryFn: () => api<CoachingSettings>(wsPath(workspaceId, '/coaching/settings')),
    enabled: Boolean(workspaceId),
  });
}

export function useUpdateCoachingSettings(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { salaryRoles?: Role[]; defaultFrameworkId?: string; cadenceDays?: number; version: number }) =>
      api<CoachingSettings>(wsPath(workspaceId, '/coaching/settings'), { method: 'PUT', body }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: coachingSettingsKey(workspaceId) });
      // Salary visibility and the default framework change what levels and frameworks show.
      void qc.invalidateQueries({ queryKey: laddersKey(workspaceId) });
      void qc.invalidateQueries({ queryKey: ['frameworks', workspaceId] });
    },
  });
}

/** Where one person stands (since and note included), for the placement form. */
export function usePersonLevel(workspaceId: string, personId: string | null) {
  return useQuery({
    queryKey: ['person-level', workspaceId, personId],
    queryFn: () => api<PersonLevel>(wsPath(workspaceId, `/people/${personId}/level`)),
    enabled: Boolean(workspaceId && personId),
  });
}
