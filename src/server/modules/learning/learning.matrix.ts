import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  // No personId: each caller logs their own learning.
  'POST /api/v1/workspaces/:workspaceId/learning': { resource: 'Matrix book', type: 'book', takeaway: 'Matrix takeaway', learnedOn: '2026-01-15' },
  'PATCH /api/v1/workspaces/:workspaceId/learning/:learningEntryId': { takeaway: 'Edited takeaway', version: 1 },
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  // A fresh PM's entry, logged by the admin as their coach.
  ':learningEntryId': async ({ admin, w, memberOf }) => {
    const personId = await memberOf('pm');
    const entry = (await admin.post(`${w}/learning`, { personId, resource: 'Target course', type: 'course', takeaway: 'Target takeaway', learnedOn: '2026-02-01' })).json<{ id: string }>();
    return { ':learningEntryId': entry.id };
  },
};
