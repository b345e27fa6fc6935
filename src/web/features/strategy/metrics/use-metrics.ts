import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMetric, Metric, MetricDetail, MetricImportResult, MetricList, MetricPointsWritten, UpdateMetric } from '../../../../shared/contracts.js';
import { ApiError, api, wsPath } from '../../../lib/api/client';

export const metricsKey = (workspaceId: string) => ['metrics', workspaceId] as const;

export function useMetrics(workspaceId: string, filters: { productId?: string | null; q?: string }) {
  const params = new URLSearchParams();
  if (filters.productId) params.set('productId', filters.productId);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  const qs = params.toString();
  return useQuery({
    queryKey: [...metricsKey(workspaceId), 'list', qs],
    queryFn: () => api<MetricList>(wsPath(workspaceId, `/metrics${qs ? `?${qs}` : ''}`)),
    placeholderData: keepPreviousData,
  });
}

export function useMetric(workspaceId: string, metricId: string, range: { from?: string; to?: string }) {
  const params = new URLSearchParams({ ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) }).toString();
  return useQuery({
    queryKey: [...metricsKey(workspaceId), metricId, params],
    queryFn: () => api<MetricDetail>(wsPath(workspaceId, `/metrics/${metricId}${params ? `?${params}` : ''}`)),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: metricsKey(workspaceId) });
    // Key results following a metric take its value.
    void qc.invalidateQueries({ queryKey: ['okrs', workspaceId] });
  };
}

export function useCreateMetric(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (body: CreateMetric) => api<Metric>(wsPath(workspaceId, '/metrics'), { method: 'POST', body }), onSuccess: invalidate });
}

export function useUpdateMetric(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ metricId, ...body }: UpdateMetric & { metricId: string }) => api<Metric>(wsPath(workspaceId, `/metrics/${metricId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteMetric(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (metricId: string) => api<void>(wsPath(workspaceId, `/metrics/${metricId}`), { method: 'DELETE' }), onSuccess: invalidate });
}

export function useAddPoint(workspaceId: string, metricId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (body: { value: number; at?: string }) => api<MetricPointsWritten>(wsPath(workspaceId, `/metrics/${metricId}/points`), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDeletePoint(workspaceId: string, metricId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (pointId: string) => api<void>(wsPath(workspaceId, `/metrics/${metricId}/points/${pointId}`), { method: 'DELETE' }), onSuccess: invalidate });
}

/** Sends a CSV file as the body (text/csv); the API client only speaks JSON. */
export function useImportPoints(workspaceId: string, metricId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: async (file: File) => {
      const res = await fetch(wsPath(workspaceId, `/metrics/${metricId}/points/import`), {
        method: 'POST',
        headers: { 'content-type': 'text/csv', accept: 'application/json' },
        credentials: 'same-origin',
        body: file,
      });
      const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string; field?: string };
      if (!res.ok) throw new ApiError(res.status, { code: data.code ?? String(res.status), message: data.message ?? `The import failed (${res.status}).`, field: data.field });
      return data as unknown as MetricImportResult;
    },
    onSuccess: invalidate,
  });
}

const compact = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A value with its unit: "42.5 %", "1,200 users", "€ 30" for currency symbols. */
export function formatMetricValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  const n = compact.format(value);
  if (!unit) return n;
  if (/^[$€£¥]$/.test(unit)) return `${unit}${n}`;
  return unit === '%' ? `${n} %` : `${n} ${unit}`;
}
