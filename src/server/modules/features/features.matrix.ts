import type { MatrixBody } from '../../test/matrix-body.js';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** A fresh component that nobody owns: a PM must get 403 creating in it, as the policy says. */
const unownedComponentBody: MatrixBody = async ({ admin, w }) => {
  const product = (await admin.post(`${w}/products`, { name: 'Matrix feature product' })).json<{ id: string }>();
  const component = (await admin.post(`${w}/products/${product.id}/components`, { name: 'Matrix feature component' })).json<{ id: string }>();
  return { componentId: component.id, title: 'Matrix feature' };
};

/**
 * Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url" (e.g.
 * "POST /api/v1/workspaces/:workspaceId/features"). A value is the body, or a MatrixBody function that
 * makes fresh records first and returns the body.
 *
 * Bodies that name unknown records (NO_SUCH_ID) answer 404 "… not found" once the caller is through
 * the permission checks, which the matrix counts as let through.
 */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/features': unownedComponentBody,
  'PATCH /api/v1/workspaces/:workspaceId/features/:featureId': { title: 'Edited', version: 1 },
  'POST /api/v1/workspaces/:workspaceId/features/:featureId/evidence': { feedbackId: NO_SUCH_ID },
  'POST /api/v1/workspaces/:workspaceId/features/:featureId/experiments': { experimentId: NO_SUCH_ID },
  'PUT /api/v1/workspaces/:workspaceId/features/:featureId/requirements': { body: '## Problem\n\nMatrix', revision: 0 },
};
