import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

/** A roadmap decision about a fresh feature in a component nobody owns: a PM must get 403, as the policy says. */
const unownedFeatureDecision: MatrixBody = async ({ admin, w }) => {
  const product = (await admin.post(`${w}/products`, { name: 'Matrix decision product' })).json<{ id: string }>();
  const component = (await admin.post(`${w}/products/${product.id}/components`, { name: 'Matrix decision component' })).json<{ id: string }>();
  const feature = (await admin.post(`${w}/features`, { componentId: component.id, title: 'Matrix decision feature' })).json<{ id: string }>();
  return { featureId: feature.id, rationale: 'Moved later: the matrix says so' };
};

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  'POST /api/v1/workspaces/:workspaceId/decisions': unownedFeatureDecision,
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam); :featureId is the matrix's own. */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {};
