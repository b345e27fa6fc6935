import { randomUUID } from 'node:crypto';
import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/rationales': (async () => ({ title: `Matrix rationale ${randomUUID().slice(0, 8)}`, body: 'Why not' })) satisfies MatrixBody,
  'PATCH /api/v1/workspaces/:workspaceId/rationales/:rationaleId': (async () => ({ title: `Renamed rationale ${randomUUID().slice(0, 8)}`, version: 1 })) satisfies MatrixBody,
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':rationaleId': async ({ admin, w }) => ({
    ':rationaleId': (await admin.post(`${w}/rationales`, { title: `Matrix target ${randomUUID().slice(0, 8)}` })).json<{ id: string }>().id,
  }),
};
