import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AssessmentList,
  CoachingInsightsResponse,
  CoachingSessionList,
  CoachingSignalsResponse,
  GrowthPlanList,
  LearningList,
  PersonLevel,
} from '../../../../shared/contracts.js';
import { api, isApiError, wsPath } from '../../../lib/api/client';
import type { DayRange } from './periods';

const personKey = (workspaceId: string, personId: string) => ['coaching-person', workspaceId, personId] as const;
const id = encodeURIComponent;
/** A 404 (someone the caller may not see) is an answer, not a hiccup: never retried. */
const retry = (failures: number, error: unknown) => !(isApiError(error) && error.status < 500) && failures < 2;

/** The person's signals over a range, with the previous period of the same length. */
export function useCoachingSignals(workspaceId: string, personId: string, range: DayRange, enabled = true) {
  return useQuery({
    queryKey: [...personKey(workspaceId, personId), 'signals', range.from, range.to],
    queryFn: () => api<CoachingSignalsResponse>(wsPath(workspaceId, `/coaching/signals?personId=${id(personId)}&from=${range.from}&to=${range.to}`)),
    enabled: enabled && Boolean(personId) && range.from <= range.to,
    placeholderData: keepPreviousData,
    retry,
  });
}

/** The person's coaching insights (last 90 days). */
export function useCoachingInsights(workspaceId: string, personId: string) {
  return useQuery({
    queryKey: [...personKey(workspaceId, personId), 'insights'],
    queryFn: () => api<CoachingInsightsResponse>(wsPath(workspaceId, `/coaching/insights?personId=${id(personId)}`)),
    enabled: Boolean(personId),
    retry,
  });
}

/** Where the person stands on the ladder. */
export function usePersonLevel(workspaceId: string, personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...personKey(workspaceId, personId), 'level'],
    queryFn: () => api<PersonLevel>(wsPath(workspaceId, `/people/${id(personId)}/level`)),
    enabled: enabled && Boolean(personId),
    retry,
  });
}

/** The person's assessments, latest period first. */
export function usePersonAssessments(workspaceId: string, personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...personKey(workspaceId, personId), 'assessments'],
    queryFn: () => api<AssessmentList>(wsPath(workspaceId, `/people/${id(personId)}/assessments`)),
    enabled,
    retry,
  });
}

/** Sessions the caller has with the person (a session is seen by its coach and coachee only). */
export function usePersonSessions(workspaceId: string, personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...personKey(workspaceId, personId), 'sessions'],
    queryFn: () => api<CoachingSessionList>(wsPath(workspaceId, `/coaching-sessions?personId=${id(personId)}&limit=100`)),
    enabled,
    retry,
  });
}

/** The person's growth plans the caller may see. */
export function usePersonPlans(workspaceId: string, personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...personKey(workspaceId, personId), 'plans'],
    queryFn: () => api<GrowthPlanList>(wsPath(workspaceId, `/growth-plans?personId=${id(personId)}`)),
    enabled,
    retry,
  });
}

/** The person's learning log, newest first. */
export function usePersonLearning(workspaceId: string, personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...personKey(workspaceId, personId), 'learning'],
    queryFn: () => api<LearningList>(wsPath(workspaceId, `/learning?personId=${id(personId)}&limit=20`)),
    enabled,
    retry,
  });
}
