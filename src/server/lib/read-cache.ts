/**
 * A read-through cache for hot reads on the embedded database, where Sextant is the only process
 * (the data-directory lock guarantees it) and every query queues behind the others.
 *
 * Invalidation is by one generation counter: every change records an audit entry, and recordAudit()
 * bumps the generation, so any write makes every cached read stale. On PGlite a transaction runs
 * alone, so a read cannot observe a half-done change and cache it under the new generation. Entries
 * also expire after a TTL, which bounds staleness for changes made outside our services (better-auth's
 * own account updates, which also invalidate through a database hook).
 *
 * Disabled on PostgreSQL: several instances may share the database there, and queries run in parallel.
 */
let enabled = false;
let generation = 0;
const entries = new Map<string, { generation: number; until: number; value: Promise<unknown> }>();
const MAX_ENTRIES = 5_000;

/** Turns the cache on (the embedded database) or off (PostgreSQL). */
export function setReadCache(on: boolean): void {
  enabled = on;
  entries.clear();
}

/** Makes every cached read stale; called by every write. */
export function invalidateReads(): void {
  generation++;
}

/** Returns the cached value for `key`, or loads, caches and returns it. */
export async function cachedRead<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  if (!enabled) return load();
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.generation === generation && hit.until > now) return hit.value as Promise<T>;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const value = load();
  const entry = { generation, until: now + ttlMs, value };
  entries.set(key, entry);
  // A failed load is not kept.
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}
