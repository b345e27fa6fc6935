import { randomUUID } from 'node:crypto';
import type { TestClient } from '../../test/helpers.js';
import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

/*
 * Every component here is made by the admin and owned by nobody, so a PM's ownership-bound writes are
 * refused (403), as the matrix expects of records a PM does not own. Each body names a fresh component,
 * so a repeated call never meets the one-update-per-period rule.
 */

const makeComponent = async (admin: TestClient, w: string) => {
  const productId = (await admin.post(`${w}/products`, { name: `Updates ${randomUUID().slice(0, 6)}` })).json<{ id: string }>().id;
  return (await admin.post(`${w}/products/${productId}/components`, { name: 'Matrix component' })).json<{ id: string }>().id;
};

const makeUpdate = async (admin: TestClient, w: string) => {
  const componentId = await makeComponent(admin, w);
  return (await admin.post(`${w}/updates`, { componentId, period: '2026-W10', health: 'on_track', summary: 'Matrix update' })).json<{ id: string }>().id;
};

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/updates': (async ({ admin, w }) => ({
    componentId: await makeComponent(admin, w),
    period: '2026-03',
    health: 'at_risk',
    summary: 'Matrix summary',
  })) satisfies MatrixBody,
  'PATCH /api/v1/workspaces/:workspaceId/updates/:updateId': { summary: 'Edited summary', version: 1 },
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':updateId': async ({ admin, w }) => ({ ':updateId': await makeUpdate(admin, w) }),
};
