import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

const base = '/api/v1/workspaces/:workspaceId/products/:productId/strategy';

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  // The matrix's product is fresh, so version 0 creates its strategy.
  [`PUT ${base}`]: { sections: { vision: 'Matrix vision' }, version: 0 },
  // A fresh product has an empty draft: allowed callers get 400 (nothing to publish), a PM 403.
  [`POST ${base}/publish`]: { note: 'Matrix publish' },
  [`POST ${base}/proposals`]: { section: 'vision', text: 'Matrix proposal', rationale: 'Because' },
  [`POST ${base}/proposals/:proposalId/comments`]: { body: 'Matrix comment' },
  [`POST ${base}/proposals/:proposalId/decision`]: { accept: false, comment: 'Not now' },
};

/**
 * A pending proposal on a fresh product's strategy, made by the admin. The product of the path is a
 * different fresh one, so callers who get through are told the proposal is not found (404, not the workspace).
 */
const makeProposal: MatrixParam = async ({ admin, w }) => {
  const product = (await admin.post(`${w}/products`, { name: 'Strategy target' })).json<{ id: string }>();
  const made = (await admin.post(`${w}/products/${product.id}/strategy/proposals`, { section: 'vision', text: 'Target proposal', rationale: 'Target' })).json<{ id: string }>();
  return { ':proposalId': made.id };
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':proposalId': makeProposal,
  ':versionRef': async () => ({ ':versionRef': '1' }),
  ':fromRef': async () => ({ ':fromRef': '1' }),
  ':toRef': async () => ({ ':toRef': 'draft' }),
};
