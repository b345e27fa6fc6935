import type { MatrixBody } from '../../test/matrix-body.js';

/**
 * Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url" (e.g.
 * "POST /api/v1/workspaces/:workspaceId/features"). A value is the body, or a MatrixBody function that
 * makes fresh records first and returns the body.
 */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  // No version: the set is replaced whatever it was, so every allowed caller gets a 200.
  'PUT /api/v1/workspaces/:workspaceId/prioritization/frameworks': {
    frameworks: [
      { kind: 'rice', name: 'RICE', isDefault: true, config: { bindings: { effort: { source: 'effort' } } } },
      { kind: 'ice', name: 'ICE' },
    ],
  },
  // The path's feature is fresh, so it is at version 1.
  'PUT /api/v1/workspaces/:workspaceId/features/:featureId/scores': { inputs: { rice: { reach: 100, impact: 1, confidence: 0.5 } }, version: 1 },
};
