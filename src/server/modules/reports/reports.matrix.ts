import type { TestClient } from '../../test/helpers.js';
import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

const makeReport = async (admin: TestClient, w: string) => {
  const productId = (await admin.post(`${w}/products`, { name: `Report target ${Math.random().toString(36).slice(2, 8)}` })).json<{ id: string }>().id;
  return (await admin.post(`${w}/reports`, { productId, audience: 'executive' })).json<{ id: string }>().id;
};

const makeLink = async (admin: TestClient, w: string) => {
  const reportId = await makeReport(admin, w);
  return (await admin.post(`${w}/reports/${reportId}/share-links`, { expiresAt: new Date(Date.now() + 86_400_000).toISOString() })).json<{ id: string }>().id;
};

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/reports': (async ({ admin, w }) => ({
    productId: (await admin.post(`${w}/products`, { name: `Report body ${Math.random().toString(36).slice(2, 8)}` })).json<{ id: string }>().id,
    audience: 'team',
  })) satisfies MatrixBody,
  'POST /api/v1/workspaces/:workspaceId/reports/:reportId/publish': { version: 1 },
  'POST /api/v1/workspaces/:workspaceId/reports/:reportId/share-links': (async () => ({ expiresAt: new Date(Date.now() + 86_400_000).toISOString() })) satisfies MatrixBody,
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':reportId': async ({ admin, w }) => ({ ':reportId': await makeReport(admin, w) }),
  ':linkId': async ({ admin, w }) => ({ ':linkId': await makeLink(admin, w) }),
};
