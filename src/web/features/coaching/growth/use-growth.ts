import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatedGoalCheckIn,
  GoalCheckIn,
  GrowthGoal,
  GrowthGoalStatus,
  GrowthPlan,
  GrowthPlanList,
  GrowthPlanStatus,
  ChallengeType,
} from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

export const growthKey = (workspaceId: string) => ['growth-plans', workspaceId] as const;
const planKey = (workspaceId: string, planId: string) => [...growthKey(workspaceId), 'item', planId] as const;
const checkInsKey = (workspaceId: string, goalId: string) => [...growthKey(workspaceId), 'check-ins', goalId] as const;

/** The growth plans the caller may see, optionally one person's. */
export function useGrowthPlans(workspaceId: string, personId: string | null) {
  return useQuery({
    queryKey: [...growthKey(workspaceId), 'list', personId],
    queryFn: () => api<GrowthPlanList>(wsPath(workspaceId, `/growth-plans${personId ? `?personId=${encodeURIComponent(personId)}` : ''}`)),
  });
}

export function useGrowthPlan(workspaceId: string, planId: string) {
  return useQuery({ queryKey: planKey(workspaceId, planId), queryFn: () => api<GrowthPlan>(wsPath(workspaceId, `/growth-plans/${planId}`)) });
}

export function useGoalCheckIns(workspaceId: string, goalId: string, enabled: boolean) {
  return useQuery({
    queryKey: checkInsKey(workspaceId, goalId),
    queryFn: () => api<{ items: GoalCheckIn[] }>(wsPath(workspaceId, `/growth-goals/${goalId}/check-ins`)),
    enabled,
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: growthKey(workspaceId) });
}

export interface PlanInput {
  title: string;
  summary: string;
  private: boolean;
}

export function useCreatePlan(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (body: PlanInput & { personId: string; coachId?: string }) => api<GrowthPlan>(wsPath(workspaceId, '/growth-plans'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdatePlan(workspaceId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ planId, ...body }: Partial<PlanInput> & { planId: string; status?: GrowthPlanStatus; version: number }) =>
      api<GrowthPlan>(wsPath(workspaceId, `/growth-plans/${planId}`), { method: 'PATCH', body }),
    onSuccess: (p) => qc.setQueryData(planKey(workspaceId, p.id), p),
    // Also on a 409: the page then shows the latest version.
    onSettled: invalidate,
  });
}

export function useDeletePlan(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (planId: string) => api<void>(wsPath(workspaceId, `/growth-plans/${planId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export interface GoalInput {
  title: string;
  description: string;
  competencyId: string | null;
  dueOn: string | null;
  status: GrowthGoalStatus;
  challenge: { type: ChallengeType; id: string } | null;
}

export function useCreateGoal(workspaceId: string, planId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (body: GoalInput) => api<GrowthGoal>(wsPath(workspaceId, `/growth-plans/${planId}/goals`), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateGoal(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ goalId, ...body }: Partial<GoalInput> & { goalId: string; version: number; position?: number }) =>
      api<GrowthGoal>(wsPath(workspaceId, `/growth-goals/${goalId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteGoal(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (goalId: string) => api<void>(wsPath(workspaceId, `/growth-goals/${goalId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export function useCreateCheckIn(workspaceId: string, goalId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (body: { note: string; progress?: number; status?: GrowthGoalStatus }) =>
      api<CreatedGoalCheckIn>(wsPath(workspaceId, `/growth-goals/${goalId}/check-ins`), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteCheckIn(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (checkInId: string) => api<void>(wsPath(workspaceId, `/goal-check-ins/${checkInId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}
