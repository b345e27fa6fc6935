import type { Db } from '../../db/client.js';
import { changeMarker } from './roadmap.repository.js';

/**
 * A small cache of roadmap answers (JSON text of thousands of cards), on both databases. An answer is
 * served again while its workspace's change marker is the one it was read under: every write appends
 * to the audit log in its own transaction (the rule the embedded read cache relies on too), so a write
 * by this instance or by another one sharing the PostgreSQL database makes the next read load afresh.
 * The marker is one index lookup; loading is a few thousand rows and their JSON.
 *
 * Not covered: a change that records no audit entry (better-auth's own account updates, i.e. an owner's
 * name), which the TTL bounds. Bounded in entries, because one answer can weigh a megabyte.
 */
const MAX_ENTRIES = 24;
const TTL_MS = 30_000;
const entries = new Map<string, { marker: string; until: number; json: Promise<string> }>();

/** The answer for `key` (which must name the workspace, audience and query), from the cache or `load`. */
export async function cachedRoadmap(db: Db, workspaceId: string, key: string, load: () => Promise<string>): Promise<string> {
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
  const entry = { marker, until: now + TTL_MS, json: load() };
  entries.delete(key);
  entries.set(key, entry);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entry.json.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return entry.json;
}
