import { createHash } from 'node:crypto';

/** Text as compared for re-imports: trimmed, runs of white space collapsed, lower-case. */
export const normaliseFeedbackText = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * What makes two feedback rows "the same" for a re-import: sha256 of the normalised text, the source,
 * the customer and the capture date (UTC day). Near-duplicates (a typo, a reworded sentence) differ
 * on purpose: they are imported and only suggested as duplicates.
 */
export function feedbackDedupeKey(f: { text: string; source: string; customerId: string | null | undefined; capturedAt: Date }): string {
  const day = f.capturedAt.toISOString().slice(0, 10);
  return createHash('sha256')
    .update([normaliseFeedbackText(f.text), f.source, f.customerId ?? '', day].join('\u0000'))
    .digest('hex');
}
