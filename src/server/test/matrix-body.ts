import type { TestClient } from './helpers.js';

/** A permission-matrix body made per call: `admin` creates what the body must name, in workspace path `w`. */
export type MatrixBody = (ctx: { admin: TestClient; w: string }) => Promise<unknown>;
