import { FEEDBACK_LIMITS, FEEDBACK_SOURCES, normaliseDomain, normaliseTags, type FeedbackImportResult, type ImportRejection } from '../../../shared/contracts.js';
import { LIMITS } from '../../../shared/limits.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { authorize } from '../../lib/authorize.js';
import { csvInput, openCsv } from '../../lib/csv.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { analyzeFeedback, findCustomersByKeys, insertFeedbackBatch, type ImportedFeedback } from './feedback-import.repository.js';
import { feedbackDedupeKey } from './feedback.dedupe.js';

const COLUMNS = ['text', 'source', 'customer', 'captured_at', 'tags'] as const;
const BATCH = 1_000;
const REJECTIONS_SHOWN = 1_000;
/** Rows imported past which the table's planner statistics are refreshed (see analyzeFeedback). */
const ANALYZE_AFTER = 5_000;
const SOURCES = new Set<string>(FEEDBACK_SOURCES);

export interface FeedbackImportProgress {
  /** Data rows read so far (accepted, duplicate or rejected). */
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

interface Pending {
  line: number;
  text: string;
  source: string;
  customer: string;
  capturedAt: Date;
  tags: string[];
}

/** `2024-03-01`, `2024-03-01 14:05[:09]` (UTC) or ISO 8601 with a zone; null when not a real moment. */
export function parseCapturedAt(raw: string): Date | null {
  const s = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!m) return null;
  const iso = m[4] ? `${s.replace(' ', 'T')}${m[7] ? '' : 'Z'}` : `${s}T00:00:00Z`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  // Date rolls 2024-02-30 over to March: compare the calendar day it kept with the one written.
  if (!m[7] && d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) return null;
  return d;
}

/** Why a row cannot be imported, or its fields. */
function parseRow(line: number, v: Record<string, string>, now: Date): Pending | string {
  const text = (v.text ?? '').trim();
  if (!text) return 'text is empty';
  if (text.length > FEEDBACK_LIMITS.textMax) return `text is longer than ${FEEDBACK_LIMITS.textMax} characters`;
  const rawSource = (v.source ?? '').trim();
  const source = rawSource.toLowerCase().replace(/[\s-]+/g, '_');
  if (!SOURCES.has(source)) return `unknown source "${rawSource}" (expected one of ${FEEDBACK_SOURCES.join(', ')})`;
  const rawDate = (v.captured_at ?? '').trim();
  const capturedAt = rawDate ? parseCapturedAt(rawDate) : now;
  if (!capturedAt) return `invalid date "${rawDate}" in captured_at (use YYYY-MM-DD or ISO 8601)`;
  const tags = normaliseTags((v.tags ?? '').split(';'));
  if (tags.length > FEEDBACK_LIMITS.tagsMax) return `more than ${FEEDBACK_LIMITS.tagsMax} tags`;
  const long = tags.find((t) => t.length > FEEDBACK_LIMITS.tagMax);
  if (long) return `tag "${long.slice(0, 20)}…" is longer than ${FEEDBACK_LIMITS.tagMax} characters`;
  return { line, text, source, customer: (v.customer ?? '').trim(), capturedAt, tags };
}

/**
 * Imports feedback from a CSV stream (columns text, source, and optionally customer — a name, domain or
 * external id —, captured_at, tags separated by `;`). Rows are parsed as they arrive and inserted in
 * batches of 1,000, one statement each; a bad row is reported with its line and never stops the others;
 * a row whose dedupe key (text, source, customer, day) is already there, or earlier in the file, is a
 * duplicate. Each batch commits on its own, so a rerun after a failure imports only what is missing.
 * `onProgress` is called after every batch. One audit entry sums the import up.
 */
export async function importFeedbackCsv({
  db,
  actor,
  stream,
  onProgress,
}: {
  db: Db;
  actor: WorkspaceActor;
  stream: unknown;
  onProgress?: (progress: FeedbackImportProgress) => void;
}): Promise<FeedbackImportResult> {
  authorize(actor, 'feedback.import');
  const table = await openCsv(csvInput(stream), { known: COLUMNS, required: ['text', 'source'], maxBytes: LIMITS.importLimitBytes });
  const now = new Date();
  const customerIds = new Map<string, string | null | 'ambiguous'>();
  const seen = new Set<string>();
  const rejected: ImportRejection[] = [];
  const counts = { rows: 0, imported: 0, duplicates: 0, rejected: 0 };
  const reject = (line: number, reason: string) => {
    counts.rejected++;
    if (rejected.length < REJECTIONS_SHOWN) rejected.push({ line, reason });
  };

  /** Resolves every customer value not seen before in one query: external id first, then domain, then name. */
  async function resolveCustomers(values: string[]) {
    const fresh = [...new Set(values.filter((v) => v && !customerIds.has(v)))];
    if (!fresh.length) return;
    const domains = fresh.map((v) => normaliseDomain(v)).filter((d): d is string => Boolean(d));
    const found = await findCustomersByKeys(db, actor.workspaceId, { raw: fresh, domains });
    for (const value of fresh) {
      const byExternal = found.find((c) => c.external_id === value);
      const domain = normaliseDomain(value);
      const byDomain = domain ? found.find((c) => c.domain === domain) : undefined;
      const byName = found.filter((c) => c.name.toLowerCase() === value.toLowerCase());
      customerIds.set(value, byExternal?.id ?? byDomain?.id ?? (byName.length > 1 ? 'ambiguous' : (byName[0]?.id ?? null)));
    }
  }

  async function flush(batch: Pending[]) {
    await resolveCustomers(batch.map((p) => p.customer));
    const rows: ImportedFeedback[] = [];
    for (const p of batch) {
      const customerId = p.customer ? customerIds.get(p.customer) : null;
      if (customerId === 'ambiguous') {
        reject(p.line, `customer "${p.customer}" matches several customers by name; use its domain or external id`);
        continue;
      }
      if (customerId === null && p.customer) {
        reject(p.line, `unknown customer "${p.customer}" (no customer has this name, domain or external id)`);
        continue;
      }
      const key = feedbackDedupeKey({ text: p.text, source: p.source, customerId, capturedAt: p.capturedAt });
      if (seen.has(key)) {
        counts.duplicates++;
        continue;
      }
      seen.add(key);
      rows.push({ id: newId(), text: p.text, source: p.source, customer_id: customerId ?? null, captured_at: p.capturedAt.toISOString(), tags: p.tags, dedupe_key: key });
    }
    const inserted = await insertFeedbackBatch(db, actor.workspaceId, actor.memberId, rows);
    counts.imported += inserted;
    counts.duplicates += rows.length - inserted;
    onProgress?.({ ...counts });
  }

  // Each batch commits on its own, so an import that fails part-way (a broken byte, a lost connection)
  // has already written rows: the audit entry is written either way, saying where it stopped.
  let failure: unknown = null;
  try {
    let batch: Pending[] = [];
    for await (const row of table.rows) {
      counts.rows++;
      const parsed = row.error ?? parseRow(row.line, row.values, now);
      if (typeof parsed === 'string') reject(row.line, parsed);
      else batch.push(parsed);
      if (batch.length >= BATCH) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
  } catch (error) {
    failure = error;
  }
  if (counts.imported >= ANALYZE_AFTER) await analyzeFeedback(db);
  if (failure === null || counts.imported > 0) {
    await db.transaction(async (tx) => {
      await recordAudit(tx, actor, {
        workspaceId: actor.workspaceId,
        action: 'feedback.import',
        entityType: 'feedback',
        entityId: null,
        summary:
          failure === null
            ? `Imported feedback from CSV: ${counts.imported} imported, ${counts.duplicates} duplicates skipped, ${counts.rejected} rejected`
            : `Feedback CSV import stopped after ${counts.rows} rows: ${counts.imported} imported before the failure (${failure instanceof Error ? failure.message : String(failure)})`,
        changes: { ...counts, ignoredColumns: table.ignoredColumns, ...(failure === null ? {} : { failed: true }) },
      });
    });
  }
  if (failure !== null) throw failure;
  return { imported: counts.imported, duplicates: counts.duplicates, rejected, rejectedCount: counts.rejected, ignoredColumns: table.ignoredColumns };
}
