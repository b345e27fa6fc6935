import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

/** A fresh product, so every call's pillar has the whole 100 % to take from. */
const freshProduct = async ({ admin, w }: { admin: Parameters<MatrixBody>[0]['admin']; w: string }) =>
  (await admin.post(`${w}/products`, { name: 'Pillar target' })).json<{ id: string }>().id;

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/pillars': (async (ctx) => ({ productId: await freshProduct(ctx), name: 'Matrix pillar', targetShare: 40 })) satisfies MatrixBody,
  'PATCH /api/v1/workspaces/:workspaceId/pillars/:pillarId': { description: 'edited', version: 1 },
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':pillarId': async (ctx) => {
    const productId = await freshProduct(ctx);
    const pillar = (await ctx.admin.post(`${ctx.w}/pillars`, { productId, name: 'Target pillar', targetShare: 20 })).json<{ id: string }>();
    return { ':pillarId': pillar.id };
  },
};
