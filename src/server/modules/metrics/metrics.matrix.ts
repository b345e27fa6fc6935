import { randomUUID } from 'node:crypto';
import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

const makeMetric = async ({ admin, w }: { admin: Parameters<MatrixBody>[0]['admin']; w: string }) =>
  (await admin.post(`${w}/metrics`, { name: `Target metric ${randomUUID().slice(0, 8)}`, unit: '%' })).json<{ id: string }>().id;

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  // Names are unique per workspace: each call gets its own.
  'POST /api/v1/workspaces/:workspaceId/metrics': (async () => ({ name: `Matrix metric ${randomUUID().slice(0, 8)}` })) satisfies MatrixBody,
  'PATCH /api/v1/workspaces/:workspaceId/metrics/:metricId': { description: 'edited', version: 1 },
  'POST /api/v1/workspaces/:workspaceId/metrics/:metricId/points': { value: 42 },
  // The import reads a CSV body; the matrix sends JSON, which callers allowed through get 415 for.
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':metricId': async (ctx) => ({ ':metricId': await makeMetric(ctx) }),
  ':pointId': async (ctx) => {
    const metricId = await makeMetric(ctx);
    await ctx.admin.post(`${ctx.w}/metrics/${metricId}/points`, { value: 1, at: '2026-01-01T00:00:00Z' });
    const points = (await ctx.admin.get(`${ctx.w}/metrics/${metricId}/points`)).json<{ items: { id: string }[] }>();
    return { ':metricId': metricId, ':pointId': points.items[0]!.id };
  },
};
