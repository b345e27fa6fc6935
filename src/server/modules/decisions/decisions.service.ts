import type { DecisionListQuery, DecisionList, WontDo, WontDoQuery } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { authorize } from '../../lib/authorize.js';
import { markerCache } from '../audit/audit.cache.js';
import { evidenceLabels, labelEvidence } from './decisions.evidence.js';
import { presentDecision } from './decisions.presenter.js';
import { askersOf, countDecisionRows, declinedRows, deferredRows, listDecisionRows, type RegistryRow } from './decisions.repository.js';

/*
 * The decision log and the won't-do registry, both read-only views over the decisions the requests
 * module writes when triage decides. Everyone who reads decisions (decision.read) sees them all.
 */

type Ctx = { db: Db; actor: WorkspaceActor };

/** How many deferred asks the registry lists at most. */
export const DEFERRED_MAX = 200;

const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);


/**
 * Totals of the filtered (not searched) log, behind the workspace's change marker: every decision is
 * written with an audit entry (decideRequest), so a new one counts at the next read. Counting every
 * row of a large log (50,000) on each page cost more than the page itself. A search's total is
 * counted each time: its matches are few, and caching every search typed would hold little.
 */
const cachedTotal = markerCache({ maxEntries: 256, ttlMs: 60_000 });

async function totalOf(db: Db, workspaceId: string, query: DecisionListQuery): Promise<number> {
  if (query.q) return countDecisionRows(db, workspaceId, query);
  // Every filter names the answer (a filter added later too); the page does not.
  const filters = Object.entries(query).filter(([name, value]) => name !== 'limit' && name !== 'offset' && value !== undefined);
  const key = JSON.stringify(['decisions.total', workspaceId, filters.sort(([a], [b]) => a.localeCompare(b))]);
  return Number(await cachedTotal(db, workspaceId, key, async () => String(await countDecisionRows(db, workspaceId, query))));
}

export async function listDecisions({ db, actor, query }: Ctx & { query: DecisionListQuery }): Promise<DecisionList> {
  authorize(actor, 'decision.read');
  const { rows, total: counted } = await listDecisionRows(db, actor.workspaceId, query);
  // A short first page is the whole result: no count needed.
  const total = rows.length === query.limit || (rows.length === 0 && query.offset > 0) ? (counted ?? (await totalOf(db, actor.workspaceId, query))) : query.offset + rows.length;
  const labels = await evidenceLabels(db, actor.workspaceId, rows.flatMap((r) => r.evidence));
  return { items: rows.map((r) => presentDecision(r, labels)), total };
}

const templateOf = (r: RegistryRow) => (r.templateId && r.templateTitle !== null ? { id: r.templateId, title: r.templateTitle } : null);

export async function wontDo({ db, actor, query }: Ctx & { query: WontDoQuery }): Promise<WontDo> {
  authorize(actor, 'decision.read');
  const declined = await declinedRows(db, actor.workspaceId, query);
  const deferred = await deferredRows(db, actor.workspaceId, query.q, DEFERRED_MAX);
  const askers = await askersOf(db, actor.workspaceId, [...declined.items, ...deferred].map((r) => r.requestId));
  const labels = await evidenceLabels(db, actor.workspaceId, declined.items.flatMap((r) => r.evidence));
  return {
    items: declined.items.map((r) => ({
      requestId: r.requestId,
      title: r.title,
      description: r.description,
      requesterType: r.requesterType,
      requesterCount: askers.get(r.requestId)?.count ?? 1,
      customers: askers.get(r.requestId)?.customers ?? [],
      rationale: r.rationale,
      template: templateOf(r),
      pillar: person(r.pillarId, r.pillarName),
      evidence: labelEvidence(r.evidence, labels),
      decidedBy: person(r.decidedById, r.deciderName),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    })),
    total: declined.total,
    deferred: deferred.map((r) => ({
      requestId: r.requestId,
      title: r.title,
      requesterCount: askers.get(r.requestId)?.count ?? 1,
      revisitOn: r.revisitOn,
      due: r.due,
      rationale: r.rationale,
      decidedBy: person(r.decidedById, r.deciderName),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    })),
  };
}
