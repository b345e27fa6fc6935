import type { Db } from '../../db/client.js';
import { DocumentFrequency } from './text/tfidf.js';
import { recentFeedbackTexts } from './insights.repository.js';

/** Document frequencies are counted on the most recent items: a sample big enough for stable IDF. */
const SAMPLE = 5_000;
// IDF only orders candidates, so minutes of staleness cost nothing visible; recounting on every
// request would cost a 5,000-row read. Per process, bounded.
const TTL_MS = 5 * 60_000;
const MAX_WORKSPACES = 200;
const cache = new Map<string, { until: number; df: Promise<DocumentFrequency> }>();

/** The workspace's document-frequency table, counted lazily and kept a few minutes. */
export function workspaceDocumentFrequency(db: Db, workspaceId: string): Promise<DocumentFrequency> {
  const now = Date.now();
  const hit = cache.get(workspaceId);
  if (hit && hit.until > now) return hit.df;
  if (cache.size >= MAX_WORKSPACES) cache.clear();
  const df = recentFeedbackTexts(db, workspaceId, SAMPLE).then((texts) => DocumentFrequency.fromDocuments(texts));
  const entry = { until: now + TTL_MS, df };
  cache.set(workspaceId, entry);
  df.catch(() => {
    if (cache.get(workspaceId) === entry) cache.delete(workspaceId);
  });
  return df;
}

/** Forgets a workspace's table, so the next read recounts (tests, and after bulk imports). */
export function forgetDocumentFrequency(workspaceId: string): void {
  cache.delete(workspaceId);
}
