import { normaliseDomain, parseArr, type CustomerImportResult, type ImportRejection } from '../../../shared/contracts.js';
import { LIMITS } from '../../../shared/limits.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { authorize } from '../../lib/authorize.js';
import { csvInput, openCsv } from '../../lib/csv.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertCustomerBatch, listCustomerKeys, updateCustomerBatch, type ImportedCustomer } from './customers.repository.js';

const COLUMNS = ['name', 'domain', 'segment', 'arr', 'currency', 'plan', 'external_id'] as const;
const BATCH = 1_000;
const REJECTIONS_SHOWN = 1_000;

/** What we know of a customer while importing: as stored, then as the file leaves it. */
interface Known {
  id: string;
  isNew: boolean;
  name: string;
  domain: string | null;
  segment: string;
  plan: string;
  arr: string;
  currency: string;
  externalId: string | null;
}

type Parsed = Omit<Known, 'id' | 'isNew' | 'segment' | 'plan' | 'arr' | 'currency'> & { segment?: string; plan?: string; arr?: string; currency?: string };

/** Reads one row into fields, or says why it cannot be imported. Empty optional cells mean "leave as is". */
function parseRow(v: Record<string, string>): Parsed | string {
  const name = (v.name ?? '').trim();
  if (!name) return 'name is empty';
  if (name.length > LIMITS.nameMax) return `name is longer than ${LIMITS.nameMax} characters`;
  const rawDomain = (v.domain ?? '').trim();
  const domain = rawDomain ? normaliseDomain(rawDomain) : null;
  if (rawDomain && !domain) return `invalid domain "${rawDomain}"`;
  const rawArr = (v.arr ?? '').trim();
  const arr = rawArr ? parseArr(rawArr) : undefined;
  if (arr === null) return `invalid arr "${rawArr}" (a non-negative whole number)`;
  const currency = (v.currency ?? '').trim().toUpperCase() || undefined;
  if (currency && !/^[A-Z]{3}$/.test(currency)) return `invalid currency "${currency}" (a 3-letter ISO 4217 code)`;
  const externalId = (v.external_id ?? '').trim() || null;
  if (externalId && externalId.length > 200) return 'external_id is longer than 200 characters';
  const segment = (v.segment ?? '').trim() || undefined;
  const plan = (v.plan ?? '').trim() || undefined;
  if ((segment?.length ?? 0) > LIMITS.nameMax || (plan?.length ?? 0) > LIMITS.nameMax) return `segment and plan must be at most ${LIMITS.nameMax} characters`;
  return { name, domain, segment, plan, arr, currency, externalId };
}

const FIELDS = ['name', 'domain', 'segment', 'plan', 'arr', 'currency', 'externalId'] as const;

function toImported(k: Known, changed: Set<string>): ImportedCustomer {
  const pick = <T>(field: string, value: T) => (k.isNew || changed.has(field) ? value : null);
  return {
    id: k.id,
    name: k.name,
    domain: pick('domain', k.domain),
    segment: pick('segment', k.segment),
    plan: pick('plan', k.plan),
    arr: pick('arr', k.arr),
    currency: pick('currency', k.currency),
    external_id: pick('externalId', k.externalId),
  };
}

/**
 * Imports customers from a CSV file (columns name, domain, segment, arr, and optionally currency, plan,
 * external_id). A row matching a customer on external_id, else on domain, updates it, so importing the
 * same file twice creates nothing. Everything is written in one transaction with one audit entry.
 */
export async function importCustomersCsv({ db, actor, stream }: { db: Db; actor: WorkspaceActor; stream: unknown }): Promise<CustomerImportResult> {
  authorize(actor, 'customer.import');
  const table = await openCsv(csvInput(stream), { known: COLUMNS, required: ['name'], maxBytes: LIMITS.importLimitBytes });
  const existing = await listCustomerKeys(db, actor.workspaceId);
  const byExternal = new Map<string, Known>();
  const byDomain = new Map<string, Known>();
  for (const c of existing) {
    const k: Known = { ...c, arr: String(c.arr).replace(/\.0*$/, ''), isNew: false };
    if (k.externalId) byExternal.set(k.externalId, k);
    if (k.domain) byDomain.set(k.domain, k);
  }
  const touched = new Map<string, { known: Known; changed: Set<string> }>();
  const rejected: ImportRejection[] = [];
  let rejectedCount = 0;
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const reject = (line: number, reason: string) => {
    rejectedCount++;
    if (rejected.length < REJECTIONS_SHOWN) rejected.push({ line, reason });
  };

  for await (const row of table.rows) {
    if (row.error) {
      reject(row.line, row.error);
      continue;
    }
    const parsed = parseRow(row.values);
    if (typeof parsed === 'string') {
      reject(row.line, parsed);
      continue;
    }
    const match = (parsed.externalId ? byExternal.get(parsed.externalId) : undefined) ?? (parsed.domain ? byDomain.get(parsed.domain) : undefined);
    // The row must not take a domain or external id that identifies another customer.
    const domainOwner = parsed.domain ? byDomain.get(parsed.domain) : undefined;
    if (match && domainOwner && domainOwner !== match) {
      reject(row.line, `domain ${parsed.domain} belongs to another customer (“${domainOwner.name}”)`);
      continue;
    }
    const externalOwner = parsed.externalId ? byExternal.get(parsed.externalId) : undefined;
    if (match && externalOwner && externalOwner !== match) {
      reject(row.line, `external_id ${parsed.externalId} belongs to another customer (“${externalOwner.name}”)`);
      continue;
    }
    if (!match) {
      const known: Known = {
        id: newId(),
        isNew: true,
        name: parsed.name,
        domain: parsed.domain,
        segment: parsed.segment ?? '',
        plan: parsed.plan ?? '',
        arr: parsed.arr ?? '0',
        currency: parsed.currency ?? 'USD',
        externalId: parsed.externalId,
      };
      if (known.externalId) byExternal.set(known.externalId, known);
      if (known.domain) byDomain.set(known.domain, known);
      touched.set(known.id, { known, changed: new Set() });
      created++;
      continue;
    }
    const changed = touched.get(match.id)?.changed ?? new Set<string>();
    let any = false;
    for (const field of FIELDS) {
      const value = parsed[field];
      if (value === undefined || value === null || value === match[field]) continue;
      (match as unknown as Record<string, unknown>)[field] = value;
      changed.add(field);
      any = true;
    }
    if (match.externalId) byExternal.set(match.externalId, match);
    if (match.domain) byDomain.set(match.domain, match);
    if (any) {
      touched.set(match.id, { known: match, changed });
      updated++;
    } else unchanged++;
  }

  const all = [...touched.values()];
  const inserts = all.filter((t) => t.known.isNew).map((t) => toImported(t.known, t.changed));
  const updates = all.filter((t) => !t.known.isNew && t.changed.size).map((t) => toImported(t.known, t.changed));
  await db.transaction(async (tx) => {
    for (let i = 0; i < inserts.length; i += BATCH) await insertCustomerBatch(tx, actor.workspaceId, inserts.slice(i, i + BATCH));
    for (let i = 0; i < updates.length; i += BATCH) await updateCustomerBatch(tx, actor.workspaceId, updates.slice(i, i + BATCH));
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'customer.import',
      entityType: 'customer',
      entityId: null,
      summary: `Imported customers from CSV: ${created} created, ${updated} updated, ${unchanged} unchanged, ${rejectedCount} rejected`,
      changes: { created, updated, unchanged, rejected: rejectedCount, ignoredColumns: table.ignoredColumns },
    });
  });
  return { created, updated, unchanged, rejected, rejectedCount, ignoredColumns: table.ignoredColumns };
}
