import { createHash } from 'node:crypto';

/**
 * What makes a feedback row a re-import: the same normalised text (trimmed, spaces collapsed,
 * lower-case), source, customer and capture day. Near-duplicates differ here and are only suggested.
 */
export function feedbackDedupeKey(f: { text: string; source: string; customerId: string | null; capturedAt: Date }): string {
  const normal = f.text.trim().replace(/\s+/g, ' ').toLowerCase();
  return createHash('sha256').update(`${normal}\u0000${f.source}\u0000${f.customerId ?? ''}\u0000${f.capturedAt.toISOString().slice(0, 10)}`).digest('hex');
}
