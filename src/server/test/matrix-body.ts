import type { TestClient } from './helpers.js';

/** A permission-matrix body made per call: `admin` creates what the body must name, in workspace path `w`. */
export type MatrixBody = (ctx: { admin: TestClient; w: string }) => Promise<unknown>;

/**
 * Makes the records a path parameter names (and any it nests under): returns each parameter it filled,
 * e.g. `{ ':ladderId': …, ':levelId': … }`. `memberOf(role)` gives a fresh member of that role.
 */
export type MatrixParam = (ctx: { admin: TestClient; w: string; memberOf: (role: 'pm' | 'lead' | 'contributor' | 'viewer') => Promise<string> }) => Promise<Record<string, string>>;
