import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new UUID for a row. */
export const newId = (): string => randomUUID();

/** A random secret for tokens, URL-safe. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** SHA-256 of a secret, hex: what we store instead of the token. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** True for a syntactically valid UUID, checked before a lookup so a bad id answers 404, not 500. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_RE.test(value);
