import type { MatrixBody } from '../../test/matrix-body.js';

/** A fresh feature on the board of a fresh, unowned component: a PM must get 403 moving it. */
const moveBody: MatrixBody = async ({ admin, w }) => {
  const product = (await admin.post(`${w}/products`, { name: 'Matrix roadmap product' })).json<{ id: string }>();
  const component = (await admin.post(`${w}/products/${product.id}/components`, { name: 'Matrix roadmap component' })).json<{ id: string }>();
  const feature = (await admin.post(`${w}/features`, { componentId: component.id, title: 'Matrix card', horizon: 'later' })).json<{ id: string; version: number }>();
  return { featureId: feature.id, horizon: 'now', version: feature.version ?? 1 };
};

/**
 * Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url" (e.g.
 * "POST /api/v1/workspaces/:workspaceId/features"). A value is the body, or a MatrixBody function that
 * makes fresh records first and returns the body.
 *
 * :viewId is a private view of the admin: other callers who get through answer 404 (it is not theirs to
 * see), which the matrix counts as let through. A stale version (the settings, changed by an earlier
 * caller) answers 409, which counts too.
 */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/roadmap/move': moveBody,
  'POST /api/v1/workspaces/:workspaceId/roadmap/views': { name: 'Matrix view', filters: { view: 'horizon' } },
  'PATCH /api/v1/workspaces/:workspaceId/roadmap/views/:viewId': { name: 'Renamed view', version: 1 },
  'PUT /api/v1/workspaces/:workspaceId/roadmap/views/:viewId/shared': { shared: true, version: 1 },
  'PUT /api/v1/workspaces/:workspaceId/roadmap/settings': { capacityUnit: 'points', internalFields: ['effort', 'scores'], version: 1 },
};
