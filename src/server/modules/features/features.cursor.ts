import { invalid } from '../../lib/app-error.js';
import { isUuid } from '../../lib/ids.js';

/** The position after which the next page of features starts: the last row's (updated_at, id). */
export interface FeatureCursor {
  /** updated_at as PostgreSQL printed it (microseconds kept: a JavaScript Date would drop them). */
  updatedAt: string;
  id: string;
}

// What `timestamptz::text` prints: 2027-01-04 10:11:12.123456+00 (fraction and offset minutes optional).
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** An opaque, URL-safe cursor for the row. */
export function encodeFeatureCursor(c: FeatureCursor): string {
  return Buffer.from(JSON.stringify([c.updatedAt, c.id]), 'utf8').toString('base64url');
}

/** Reads a cursor this list gave out; anything else is a 400 naming `cursor`. */
export function decodeFeatureCursor(raw: string): FeatureCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw badCursor();
  const [updatedAt, id] = parsed as unknown[];
  if (typeof updatedAt !== 'string' || !PG_TIMESTAMP.test(updatedAt) || !isUuid(id)) throw badCursor();
  return { updatedAt, id };
}

const badCursor = () => invalid('cursor', 'is not a cursor this list gave out; start again without it');
