import { randomUUID } from 'node:crypto';
import type { TestClient } from '../../test/helpers.js';
import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

/*
 * Every record here is made by the admin and owned by the admin (objectives and key results default to
 * their creator's and their objective's owner), so a PM's ownership-bound actions are refused (403), as
 * the matrix expects of records a PM does not own.
 */

const adminMemberId = async (admin: TestClient, w: string) =>
  (await admin.get(`${w}/members`)).json<{ items: { id: string; role: string }[] }>().items.find((m) => m.role === 'admin')!.id;

const makePeriod = async (admin: TestClient, w: string) =>
  (await admin.post(`${w}/periods`, { name: `Matrix period ${randomUUID().slice(0, 8)}`, start: '2026-07-01', end: '2026-09-30' })).json<{ id: string }>().id;

const makeObjective = async (admin: TestClient, w: string) => {
  const periodId = await makePeriod(admin, w);
  const productId = (await admin.post(`${w}/products`, { name: `OKR target ${randomUUID().slice(0, 6)}` })).json<{ id: string }>().id;
  return (await admin.post(`${w}/objectives`, { title: 'Target objective', periodId, productId })).json<{ id: string }>().id;
};

const makeKeyResult = async (admin: TestClient, w: string) => {
  const objectiveId = await makeObjective(admin, w);
  return (await admin.post(`${w}/key-results`, { objectiveId, title: 'Target key result', start: 0, target: 100, direction: 'increase', type: 'number' })).json<{ id: string }>().id;
};

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/periods': (async () => ({ name: `Matrix ${randomUUID().slice(0, 8)}`, start: '2026-10-01', end: '2026-12-31' })) satisfies MatrixBody,
  'PATCH /api/v1/workspaces/:workspaceId/periods/:periodId': (async () => ({ name: `Renamed ${randomUUID().slice(0, 8)}`, version: 1 })) satisfies MatrixBody,
  // Owned by the admin, so a PM (who owns neither it nor a component) is refused.
  'POST /api/v1/workspaces/:workspaceId/objectives': (async ({ admin, w }) => {
    const periodId = await makePeriod(admin, w);
    const productId = (await admin.post(`${w}/products`, { name: `OKR body ${randomUUID().slice(0, 6)}` })).json<{ id: string }>().id;
    return { title: 'Matrix objective', periodId, productId, ownerId: await adminMemberId(admin, w) };
  }) satisfies MatrixBody,
  'PATCH /api/v1/workspaces/:workspaceId/objectives/:objectiveId': { title: 'Edited objective', version: 1 },
  'POST /api/v1/workspaces/:workspaceId/key-results': (async ({ admin, w }) => ({
    objectiveId: await makeObjective(admin, w),
    title: 'Matrix key result',
    start: 10,
    target: 2,
    direction: 'decrease',
    type: 'number',
  })) satisfies MatrixBody,
  'PATCH /api/v1/workspaces/:workspaceId/key-results/:keyResultId': { title: 'Edited key result', version: 1 },
  'PUT /api/v1/workspaces/:workspaceId/key-results/:keyResultId/features': { featureIds: [] },
  'POST /api/v1/workspaces/:workspaceId/key-results/:keyResultId/check-ins': { value: 40, confidence: 6, note: 'Matrix check-in' },
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':periodId': async ({ admin, w }) => ({ ':periodId': await makePeriod(admin, w) }),
  ':objectiveId': async ({ admin, w }) => ({ ':objectiveId': await makeObjective(admin, w) }),
  ':keyResultId': async ({ admin, w }) => ({ ':keyResultId': await makeKeyResult(admin, w) }),
};
