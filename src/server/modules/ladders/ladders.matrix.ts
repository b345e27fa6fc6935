import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

const W = '/api/v1/workspaces/:workspaceId';

/** The default ladder's first level, for a placement that names a real level. */
const placeAtFirstLevel: MatrixBody = async ({ admin, w }) => {
  const ladder = (await admin.get(`${w}/ladders`)).json<{ items: { id: string }[] }>().items[0]!;
  const level = (await admin.get(`${w}/ladders/${ladder.id}/levels`)).json<{ items: { id: string }[] }>().items[0]!;
  return { levelId: level.id, note: 'Matrix placement' };
};

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  [`POST ${W}/ladders`]: { name: 'Matrix ladder' },
  [`PATCH ${W}/ladders/:ladderId`]: { description: 'edited', version: 1 },
  [`POST ${W}/ladders/:ladderId/levels`]: { title: 'Matrix level', track: 'ic', rank: 5 },
  [`PATCH ${W}/ladders/:ladderId/levels/:levelId`]: { scope: 'edited', version: 1 },
  [`PUT ${W}/people/:personId/level`]: placeAtFirstLevel,
  // Settings move on with each change: send the version as it stands.
  [`PUT ${W}/coaching/settings`]: (async ({ admin, w }) => ({ cadenceDays: 14, version: (await admin.get(`${w}/coaching/settings`)).json<{ version: number }>().version })) as MatrixBody,
};

async function freshLadder(admin: Parameters<MatrixParam>[0]['admin'], w: string): Promise<string> {
  return (await admin.post(`${w}/ladders`, { name: 'Target ladder' })).json<{ id: string }>().id;
}

/**
 * Makers of the path parameters this module's routes introduce (see MatrixParam). `:levelId` comes
 * first so that a path naming both gets a level of the ladder it names.
 */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':levelId': async ({ admin, w }) => {
    const ladderId = await freshLadder(admin, w);
    const levelId = (await admin.post(`${w}/ladders/${ladderId}/levels`, { title: 'Target level', track: 'shared', rank: 1 })).json<{ id: string }>().id;
    return { ':ladderId': ladderId, ':levelId': levelId };
  },
  ':ladderId': async ({ admin, w }) => ({ ':ladderId': await freshLadder(admin, w) }),
};
