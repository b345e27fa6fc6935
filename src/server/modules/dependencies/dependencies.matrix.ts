import type { TestClient } from '../../test/helpers.js';
import type { MatrixBody } from '../../test/matrix-body.js';

/** Two fresh features in a fresh component owned by nobody, so a PM's ownership check refuses. */
async function twoFeatures(admin: TestClient, w: string): Promise<[string, string]> {
  const productId = (await admin.post(`${w}/products`, { name: 'Dependency target' })).json<{ id: string }>().id;
  const componentId = (await admin.post(`${w}/products/${productId}/components`, { name: 'Dependency component' })).json<{ id: string }>().id;
  const make = async (title: string) => (await admin.post(`${w}/features`, { componentId, title })).json<{ id: string }>().id;
  return [await make('Needs something'), await make('Is needed')];
}

/**
 * Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url" (e.g.
 * "POST /api/v1/workspaces/:workspaceId/features"). A value is the body, or a MatrixBody function that
 * makes fresh records first and returns the body.
 */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/dependencies': (async ({ admin, w }) => {
    const [featureId, dependsOnId] = await twoFeatures(admin, w);
    return { featureId, dependsOnId };
  }) satisfies MatrixBody,
  'POST /api/v1/workspaces/:workspaceId/dependencies/preview': (async ({ admin, w }) => {
    const [featureId] = await twoFeatures(admin, w);
    return { featureId, horizon: 'later' };
  }) satisfies MatrixBody,
};
