import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

const W = '/api/v1/workspaces/:workspaceId';

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  [`POST ${W}/frameworks`]: { name: 'Matrix framework' },
  [`PATCH ${W}/frameworks/:frameworkId`]: { description: 'edited', version: 1 },
  [`POST ${W}/frameworks/:frameworkId/competencies`]: { name: 'Matrix competency' },
  [`PATCH ${W}/competencies/:competencyId`]: { description: 'edited', version: 1 },
  [`POST ${W}/competencies/:competencyId/questions`]: { text: 'What would have to be true for this to work?', signals: ['experiments'] },
};

type Admin = Parameters<MatrixParam>[0]['admin'];
const freshFramework = async (admin: Admin, w: string) => (await admin.post(`${w}/frameworks`, { name: 'Target framework' })).json<{ id: string }>().id;
const freshCompetency = async (admin: Admin, w: string) =>
  (await admin.post(`${w}/frameworks/${await freshFramework(admin, w)}/competencies`, { name: 'Target competency' })).json<{ id: string }>().id;

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':frameworkId': async ({ admin, w }) => ({ ':frameworkId': await freshFramework(admin, w) }),
  ':competencyId': async ({ admin, w }) => ({ ':competencyId': await freshCompetency(admin, w) }),
  ':questionId': async ({ admin, w }) => {
    const competencyId = await freshCompetency(admin, w);
    const questionId = (await admin.post(`${w}/competencies/${competencyId}/questions`, { text: 'What did you learn from that?' })).json<{ id: string }>().id;
    return { ':questionId': questionId };
  },
};
