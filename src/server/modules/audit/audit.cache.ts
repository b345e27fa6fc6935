import type { Db } from '../../db/client.js';
import { changeMarker } from './audit.repository.js';

/**
 * A small cache of serialised answers, on both databases (decision 0008). An answer is served again while
 * its workspace's change marker is the one it was read under: every write appends a change entry to the
 * audit log in its own transaction, so a write by this instance or by another one sharing the PostgreSQL
 * database makes the next read load afresh. Read entries (coaching reads) do not move the marker. The
 * marker is one index lookup.
 *
 * Not covered: a change that records no audit entry (better-auth's own account updates, i.e. an owner's
 * name), which the TTL bounds, as it bounds answers that depend on the clock. Bounded in entries.
 */
export function markerCache({ maxEntries, ttlMs }: { maxEntries: number; ttlMs: number }) {
  const entries = new Map<string, { marker: string; until: number; json: Promise<string> }>();

  /** The answer for `key` (which must name the workspace, the audience and the query), cached or from `load`. */
  return async function cached(db: Db, workspaceId: string, key: string, load: () => Promise<string>): Promise<string> {
    const marker = await changeMarker(db, workspaceId);
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.marker === marker && hit.until > now) {
      // Most recently used last: the first key is the one to evict.
      entries.delete(key);
      entries.set(key, hit);
      return hit.json;
    }
    // Concurrent readers of the same answer share one load.
    const entry = { marker, until: now + ttlMs, json: load() };
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    entry.json.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return entry.json;
  };
}
