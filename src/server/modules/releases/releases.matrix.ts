import type { MatrixBody } from '../../test/matrix-body.js';

const W = '/api/v1/workspaces/:workspaceId';

/**
 * Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". A value is
 * the body, or a MatrixBody function that makes fresh records first and returns the body.
 * GET and PUT /capacity need a product in the query, which the matrix cannot send: callers who get
 * through answer 400 naming `productId`, which the matrix counts as let through.
 */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  [`POST ${W}/releases`]: (async ({ admin, w }) => {
    const product = (await admin.post(`${w}/products`, { name: 'Matrix release product' })).json<{ id: string }>();
    return { productId: product.id, name: 'Matrix release', date: '2027-03-31' };
  }) satisfies MatrixBody,
  [`PATCH ${W}/releases/:releaseId`]: { description: 'edited', version: 1 },
  [`PUT ${W}/capacity`]: { capacities: [] },
};
