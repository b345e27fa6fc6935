import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

const ws = 'PUT /api/v1/workspaces/:workspaceId';
const unknownCompetency = '00000000-0000-4000-8000-000000000000';

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/people/:personId/assessments': { period: '2027-Q1' },
  // An unknown competency answers 400 naming ratings.0.competencyId to whoever got through (or 400
  // naming side to a lead who is not the coach): both mean the caller passed the permission check.
  [`${ws}/assessments/:assessmentId/ratings`]: { side: 'coach', ratings: [{ competencyId: unknownCompetency, rating: 3 }] },
  'POST /api/v1/workspaces/:workspaceId/assessments/:assessmentId/submit': { side: 'coach' },
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  // A fresh assessment of a fresh PM, opened by the admin (who becomes its coach).
  ':assessmentId': async ({ admin, w, memberOf }) => {
    const personId = await memberOf('pm');
    const res = await admin.post(`${w}/people/${personId}/assessments`, { period: '2027-Q1' });
    const id = res.json<{ id?: string }>().id;
    if (!id) throw new Error(`matrix: could not open an assessment: ${res.statusCode} ${res.body}`);
    return { ':assessmentId': id };
  },
};
