import { z } from 'zod';
import { ErrorResponse } from '../../shared/contracts.js';

/** The error responses a route can give, for its OpenAPI document. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 422 | 429)[]) {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponse])) as Record<number, typeof ErrorResponse>;
}

/** The usual set for a workspace route. */
export const WORKSPACE_ERRORS = errorResponses(400, 401, 403, 404);
export const UPDATE_ERRORS = errorResponses(400, 401, 403, 404, 409);

export const NoContent = z.null().describe('No content');
