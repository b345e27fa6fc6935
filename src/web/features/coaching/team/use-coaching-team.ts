import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CoachingTeamView } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

/** The lead's team view: heatmap, cadence and gaps closed, on one framework (the default when none). */
export function useCoachingTeam(workspaceId: string, frameworkId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['coaching-team', workspaceId, frameworkId],
    queryFn: () => api<CoachingTeamView>(wsPath(workspaceId, `/coaching/team${frameworkId ? `?frameworkId=${encodeURIComponent(frameworkId)}` : ''}`)),
    enabled: enabled && Boolean(workspaceId),
    placeholderData: keepPreviousData,
  });
}
