import { randomUUID } from 'node:crypto';
import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

/*
 * Requests made by the admin land in no component, so a PM (who owns none) is refused their ownership-
 * bound decision (403), as the matrix expects of records a PM does not own.
 */

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/requests': (async () => ({ title: `Matrix request ${randomUUID().slice(0, 8)}`, requesterType: 'internal', urgency: 'low' })) satisfies MatrixBody,
  'PATCH /api/v1/workspaces/:workspaceId/requests/:requestId': { title: 'Edited request', version: 1 },
  'POST /api/v1/workspaces/:workspaceId/requests/:requestId/decision': { action: 'decline', rationale: 'Not now: the matrix says so' },
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':requestId': async ({ admin, w }) => ({
    ':requestId': (await admin.post(`${w}/requests`, { title: `Target request ${randomUUID().slice(0, 8)}`, requesterType: 'customer', contact: 'Matrix contact' })).json<{ id: string }>().id,
  }),
};
