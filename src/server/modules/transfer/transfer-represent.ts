import { EXPORT_DECISION_EVIDENCE_TYPES, type DiscoveryExport, type RepresentExport, type RoadmapExport } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import { scheduleRevisit } from '../outreach/outreach.service.js';
import type { RefSets } from './transfer-roadmap.js';
import { insertRepresentImport, readRepresentRows, type RepresentImportRows } from './transfer-represent.repository.js';

// The represent section (issue 7): rationale templates, requests with their customers, the decision log,
// status updates and reports. Not carried: report share links (a link is a bearer secret; a copy of the
// workspace must not open the source's links, and only a hash of the token is stored anyway) and the
// email outbox (delivery state). None of these tables holds private (coaching) data: requests, decisions,
// updates and reports are read by the whole workspace; a request's outside contact email is carried as
// discovery contacts' emails are.

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
type Rows = Awaited<ReturnType<typeof readRepresentRows>>;
type EvidenceType = (typeof EXPORT_DECISION_EVIDENCE_TYPES)[number];
type Problem = [string, string] | null;

/** What the represent section needs from the rest of the export to order and check its lists. */
export interface RepresentOrder {
  /** Position of a person, product or component in the export (they are listed in a stable order). */
  rank: (ref: string) => number;
  discovery: DiscoveryExport;
  roadmap: RoadmapExport;
}

/** The represent section of an export. */
export async function exportRepresent(db: Db, workspaceId: string, order: RepresentOrder): Promise<RepresentExport> {
  const r = await readRepresentRows(db, workspaceId);
  const { rank } = order;
  const customerRank = rankMap(order.discovery.customers.map((c) => c.ref));
  const requestRows = sortRequests(r.requests, rank);
  const requestRank = rankMap(requestRows.map((x) => x.id));
  const evidenceKnown = evidenceSets(order.discovery, order.roadmap);
  return {
    rationaleTemplates: [...r.rationaleTemplates]
      .sort((a, b) => a.position - b.position || a.title.toLowerCase().localeCompare(b.title.toLowerCase()) || a.title.localeCompare(b.title))
      .map((t) => ({
        ref: t.id,
        title: t.title,
        body: t.body,
        pillarRef: t.pillarId,
        active: t.active,
        position: t.position,
        createdAt: iso(t.createdAt),
        updatedAt: iso(t.updatedAt),
        version: t.version,
      })),
    requests: requestRows.map((q) => ({
      ref: q.id,
      title: q.title,
      description: q.description,
      requesterType: q.requesterType as RepresentExport['requests'][number]['requesterType'],
      requesterRef: q.requesterMemberId,
      contactName: q.contactName,
      contactEmail: q.contactEmail,
      customerRefs: r.requestCustomers
        .filter((c) => c.requestId === q.id)
        .map((c) => c.customerId)
        .sort((a, b) => (customerRank.get(a) ?? 0) - (customerRank.get(b) ?? 0)),
      urgency: q.urgency as RepresentExport['requests'][number]['urgency'],
      desiredDate: q.desiredDate,
      productRef: q.productId,
      componentRef: q.componentId,
      status: q.status as RepresentExport['requests'][number]['status'],
      featureRef: q.featureId,
      mergedIntoRef: q.mergedIntoId,
      revisitOn: q.revisitOn,
      submittedByRef: q.submittedById,
      decidedByRef: q.decidedById,
      decidedAt: isoOrNull(q.decidedAt),
      notifiedAt: isoOrNull(q.notifiedAt),
      createdAt: iso(q.createdAt),
      updatedAt: iso(q.updatedAt),
      version: q.version,
    })),
    decisions: sortDecisions(r.decisions, (id) => (id ? (requestRank.get(id) ?? -1) : -1)).map((d) => ({
      ref: d.id,
      requestRef: d.requestId,
      title: d.title,
      action: d.action as RepresentExport['decisions'][number]['action'],
      featureRef: d.featureId,
      intoRequestRef: d.intoRequestId,
      revisitOn: d.revisitOn,
      rationaleTemplateRef: d.rationaleTemplateId,
      rationale: d.rationale,
      pillarRef: d.pillarId,
      // Evidence is a soft link (no foreign key): links to records the file does not hold (objectives and
      // key results, or records since deleted) are left out rather than carried as dangling ids.
      evidence: d.evidence.flatMap((e) => (isCarried(e.type) && evidenceKnown[e.type].has(e.id) ? [{ type: e.type, ref: e.id, ...(e.label !== undefined ? { label: e.label } : {}) }] : [])),
      productRef: d.productId,
      componentRef: d.componentId,
      decidedByRef: d.decidedById,
      decidedAt: iso(d.decidedAt),
    })),
    statusUpdates: [...r.statusUpdates]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || rank(a.componentId) - rank(b.componentId) || a.period.localeCompare(b.period))
      .map((u) => ({
        ref: u.id,
        componentRef: u.componentId,
        periodKind: u.periodKind as RepresentExport['statusUpdates'][number]['periodKind'],
        period: u.period,
        health: u.health as RepresentExport['statusUpdates'][number]['health'],
        summary: u.summary,
        highlights: u.highlights,
        risks: u.risks,
        asks: u.asks,
        facts: u.facts,
        authorRef: u.authorId,
        createdAt: iso(u.createdAt),
        updatedAt: iso(u.updatedAt),
        version: u.version,
      })),
    reports: [...r.reports]
      .sort(
        (a, b) =>
          a.createdAt.getTime() - b.createdAt.getTime() ||
          rank(a.productId) - rank(b.productId) ||
          a.audience.localeCompare(b.audience) ||
          a.title.localeCompare(b.title) ||
          (a.fromDate ?? '').localeCompare(b.fromDate ?? '') ||
          (a.toDate ?? '').localeCompare(b.toDate ?? ''),
      )
      .map((x) => ({
        ref: x.id,
        productRef: x.productId,
        audience: x.audience as RepresentExport['reports'][number]['audience'],
        title: x.title,
        from: x.fromDate,
        to: x.toDate,
        // The snapshot as compiled: it names records by their titles, not by ids.
        content: x.content,
        status: x.status as RepresentExport['reports'][number]['status'],
        publishedAt: isoOrNull(x.publishedAt),
        createdByRef: x.createdById,
        createdAt: iso(x.createdAt),
        updatedAt: iso(x.updatedAt),
        version: x.version,
      })),
  };
}

/**
 * Requests made in one transaction share created_at; ties are broken by content and by what the rows
 * point at (ranked by the export), never by ids, so an imported copy lists them in the same order.
 */
function sortRequests(rows: Rows['requests'], rank: (ref: string) => number): Rows['requests'] {
  const r = (ref: string | null) => (ref ? rank(ref) : -1);
  return [...rows].sort(
    (a, b) =>
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.title.localeCompare(b.title) ||
      a.description.localeCompare(b.description) ||
      r(a.componentId) - r(b.componentId) ||
      r(a.requesterMemberId) - r(b.requesterMemberId) ||
      (a.contactName ?? '').localeCompare(b.contactName ?? '') ||
      (a.contactEmail ?? '').localeCompare(b.contactEmail ?? '') ||
      a.requesterType.localeCompare(b.requesterType),
  );
}

function sortDecisions(rows: Rows['decisions'], requestRank: (id: string | null) => number): Rows['decisions'] {
  return [...rows].sort(
    (a, b) =>
      a.decidedAt.getTime() - b.decidedAt.getTime() ||
      requestRank(a.requestId) - requestRank(b.requestId) ||
      a.action.localeCompare(b.action) ||
      a.title.localeCompare(b.title) ||
      a.rationale.localeCompare(b.rationale),
  );
}

const isCarried = (type: string): type is EvidenceType => (EXPORT_DECISION_EVIDENCE_TYPES as readonly string[]).includes(type);

/** The refs a decision's evidence may name, by kind. */
function evidenceSets(discovery: DiscoveryExport | undefined, roadmap: RoadmapExport | undefined): Record<EvidenceType, Set<string>> {
  return {
    feedback: new Set(discovery?.feedback.map((x) => x.ref)),
    opportunity: new Set(discovery?.opportunities.map((x) => x.ref)),
    interview: new Set(discovery?.interviews.map((x) => x.ref)),
    experiment: new Set(discovery?.experiments.map((x) => x.ref)),
    feature: new Set(roadmap?.features.map((x) => x.ref)),
  };
}

/** Every ref the represent section defines. */
export function representRefs(doc: RepresentExport): string[] {
  return [...doc.rationaleTemplates, ...doc.requests, ...doc.decisions, ...doc.statusUpdates, ...doc.reports].map((x) => x.ref);
}

/**
 * A copy of a JSON value in which every string that is a ref of the file is replaced by its new id
 * (`lookup` answers undefined for other strings, which are kept). For snapshots that hold ids: the
 * facts of a status update, the changes of an audit entry.
 */
export function remapRefs(value: unknown, lookup: (s: string) => string | undefined): unknown {
  if (typeof value === 'string') return lookup(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => remapRefs(v, lookup));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapRefs(v, lookup)]));
  return value;
}

/**
 * Writes the represent section into the new workspace; every ref it defines already has its new id.
 * Deferred requests get their revisit job again, so they come back into triage in the copy too.
 */
export async function importRepresent(
  db: Db,
  doc: RepresentExport,
  ctx: { workspaceId: string; mapRef: (ref: string | null) => string | null; lookup: (s: string) => string | undefined },
): Promise<void> {
  const rows = representRows(doc, ctx);
  await insertRepresentImport(db, rows);
  for (const q of rows.requests) {
    if (q.status === 'deferred' && q.revisitOn) await scheduleRevisit(db, { workspaceId: ctx.workspaceId, requestId: q.id, revisitOn: q.revisitOn });
  }
}

function representRows(
  doc: RepresentExport,
  { workspaceId, mapRef, lookup }: { workspaceId: string; mapRef: (ref: string | null) => string | null; lookup: (s: string) => string | undefined },
): RepresentImportRows {
  const must = (ref: string) => mapRef(ref)!;
  const date = (s: string | null) => (s ? new Date(s) : null);
  return {
    rationaleTemplates: doc.rationaleTemplates.map((t) => ({
      id: must(t.ref),
      workspaceId,
      title: t.title,
      body: t.body,
      pillarId: mapRef(t.pillarRef),
      active: t.active,
      position: t.position,
      version: t.version,
      createdAt: new Date(t.createdAt),
      updatedAt: new Date(t.updatedAt),
    })),
    requests: doc.requests.map((q) => ({
      id: must(q.ref),
      workspaceId,
      title: q.title,
      description: q.description,
      requesterType: q.requesterType,
      requesterMemberId: mapRef(q.requesterRef),
      contactName: q.contactName,
      contactEmail: q.contactEmail,
      urgency: q.urgency,
      desiredDate: q.desiredDate,
      productId: mapRef(q.productRef),
      componentId: mapRef(q.componentRef),
      status: q.status,
      featureId: mapRef(q.featureRef),
      mergedIntoId: mapRef(q.mergedIntoRef),
      revisitOn: q.revisitOn,
      submittedById: mapRef(q.submittedByRef),
      decidedById: mapRef(q.decidedByRef),
      decidedAt: date(q.decidedAt),
      notifiedAt: date(q.notifiedAt),
      version: q.version,
      createdAt: new Date(q.createdAt),
      updatedAt: new Date(q.updatedAt),
    })),
    requestCustomers: doc.requests.flatMap((q) => q.customerRefs.map((c) => ({ workspaceId, requestId: must(q.ref), customerId: must(c) }))),
    decisions: doc.decisions.map((d) => ({
      id: must(d.ref),
      workspaceId,
      requestId: mapRef(d.requestRef),
      title: d.title,
      action: d.action,
      featureId: mapRef(d.featureRef),
      intoRequestId: mapRef(d.intoRequestRef),
      revisitOn: d.revisitOn,
      rationaleTemplateId: mapRef(d.rationaleTemplateRef),
      rationale: d.rationale,
      pillarId: mapRef(d.pillarRef),
      evidence: d.evidence.map((e) => ({ type: e.type, id: must(e.ref), ...(e.label !== undefined ? { label: e.label } : {}) })),
      productId: mapRef(d.productRef),
      componentId: mapRef(d.componentRef),
      decidedById: mapRef(d.decidedByRef),
      decidedAt: new Date(d.decidedAt),
    })),
    statusUpdates: doc.statusUpdates.map((u) => ({
      id: must(u.ref),
      workspaceId,
      componentId: must(u.componentRef),
      periodKind: u.periodKind,
      period: u.period,
      health: u.health,
      summary: u.summary,
      highlights: u.highlights,
      risks: u.risks,
      asks: u.asks,
      // The facts name features and declines by id: those the file holds follow them to their new ids.
      facts: remapRefs(u.facts, lookup) as Record<string, unknown>,
      authorId: mapRef(u.authorRef),
      version: u.version,
      createdAt: new Date(u.createdAt),
      updatedAt: new Date(u.updatedAt),
    })),
    reports: doc.reports.map((x) => ({
      id: must(x.ref),
      workspaceId,
      productId: must(x.productRef),
      audience: x.audience,
      title: x.title,
      fromDate: x.from,
      toDate: x.to,
      content: x.content,
      status: x.status,
      publishedAt: date(x.publishedAt),
      createdById: mapRef(x.createdByRef),
      version: x.version,
      createdAt: new Date(x.createdAt),
      updatedAt: new Date(x.updatedAt),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Checking references
// ---------------------------------------------------------------------------------------------

interface Known extends Record<EvidenceType, Set<string>> {
  people: Set<string>;
  products: Set<string>;
  components: Set<string>;
  customers: Set<string>;
  pillars: Set<string>;
  requests: Set<string>;
  templates: Set<string>;
}

const KIND_NAMES: Record<keyof Known, string> = {
  people: 'the people',
  products: 'the products',
  components: 'the components',
  customers: 'the customers (discovery.customers)',
  feedback: 'the feedback items (discovery.feedback)',
  opportunity: 'the opportunities (discovery.opportunities)',
  interview: 'the interviews (discovery.interviews)',
  experiment: 'the experiments (discovery.experiments)',
  feature: 'the features (roadmap.features)',
  pillars: 'the pillars (roadmap.pillars)',
  requests: 'the requests (represent.requests)',
  templates: 'the rationale templates (represent.rationaleTemplates)',
};

/**
 * A reference of the represent section that does not hold, as [path, message], or null. Every ref is
 * strict (the section was written whole), so a dangling one refuses the file rather than importing as null.
 */
export function representProblem(doc: RepresentExport, sets: RefSets, discovery: DiscoveryExport | undefined, definedElsewhere: Set<string>): Problem {
  const known: Known = {
    people: sets.people,
    products: sets.products,
    components: sets.components,
    customers: new Set(discovery?.customers.map((c) => c.ref)),
    ...evidenceSets(discovery, undefined),
    feature: sets.features,
    pillars: sets.pillars,
    requests: new Set(doc.requests.map((x) => x.ref)),
    templates: new Set(doc.rationaleTemplates.map((x) => x.ref)),
  };
  const mustBe = (kind: keyof Known, path: string, ref: string | null): Problem => (ref !== null && !known[kind].has(ref) ? [path, `${ref} is not one of ${KIND_NAMES[kind]}`] : null);
  return duplicateRef(doc, definedElsewhere) ?? templateProblem(doc, mustBe) ?? requestProblem(doc, mustBe, sets) ?? decisionProblem(doc, mustBe) ?? updateProblem(doc, mustBe) ?? reportProblem(doc, mustBe);
}

type MustBe = (kind: keyof Known, path: string, ref: string | null) => Problem;
const first = (checks: Problem[]): Problem => checks.find((x) => x !== null) ?? null;

/** The first value that repeats in a list, with its index. */
function repeated<T>(list: T[], key: (x: T) => string): [number, string] | null {
  const seen = new Set<string>();
  for (const [i, x] of list.entries()) {
    const k = key(x);
    if (seen.has(k)) return [i, k];
    seen.add(k);
  }
  return null;
}

function duplicateRef(doc: RepresentExport, definedElsewhere: Set<string>): Problem {
  const seen = new Set(definedElsewhere);
  const lists = [
    ['rationaleTemplates', doc.rationaleTemplates],
    ['requests', doc.requests],
    ['decisions', doc.decisions],
    ['statusUpdates', doc.statusUpdates],
    ['reports', doc.reports],
  ] as const;
  for (const [name, list] of lists) {
    for (const [i, x] of list.entries()) {
      if (seen.has(x.ref)) return [`represent.${name}.${i}.ref`, `${x.ref} appears twice`];
      seen.add(x.ref);
    }
  }
  return null;
}

function templateProblem(doc: RepresentExport, mustBe: MustBe): Problem {
  const bad = first(doc.rationaleTemplates.map((t, i) => mustBe('pillars', `represent.rationaleTemplates.${i}.pillarRef`, t.pillarRef)));
  if (bad) return bad;
  const twice = repeated(doc.rationaleTemplates, (t) => t.title.toLowerCase());
  return twice ? [`represent.rationaleTemplates.${twice[0]}.title`, `${twice[1]} appears twice`] : null;
}

function requestProblem(doc: RepresentExport, mustBe: MustBe, sets: RefSets): Problem {
  for (const [i, q] of doc.requests.entries()) {
    const at = `represent.requests.${i}`;
    const bad = first([
      mustBe('people', `${at}.requesterRef`, q.requesterRef),
      ...q.customerRefs.map((c) => mustBe('customers', `${at}.customerRefs`, c)),
      mustBe('products', `${at}.productRef`, q.productRef),
      mustBe('components', `${at}.componentRef`, q.componentRef),
      mustBe('feature', `${at}.featureRef`, q.featureRef),
      mustBe('requests', `${at}.mergedIntoRef`, q.mergedIntoRef),
      mustBe('people', `${at}.submittedByRef`, q.submittedByRef),
      mustBe('people', `${at}.decidedByRef`, q.decidedByRef),
    ]);
    if (bad) return bad;
    if (q.componentRef && sets.productOf.get(q.componentRef) !== q.productRef) return [`${at}.componentRef`, `${q.componentRef} is not a component of the request's product`];
    const twice = repeated(q.customerRefs, (c) => c);
    if (twice) return [`${at}.customerRefs`, `${twice[1]} appears twice`];
  }
  // A merge chain ends at a request that was not merged; a cycle would leave nobody to decide.
  const into = new Map(doc.requests.map((q) => [q.ref, q.mergedIntoRef]));
  for (const [i, q] of doc.requests.entries()) {
    const chain = [q.ref];
    for (let next = q.mergedIntoRef; next; next = into.get(next) ?? null) {
      chain.push(next);
      if (next === q.ref) return [`represent.requests.${i}.mergedIntoRef`, `closes the merge cycle ${chain.join(' → ')}`];
      if (chain.length > doc.requests.length + 1) break;
    }
  }
  return null;
}

function decisionProblem(doc: RepresentExport, mustBe: MustBe): Problem {
  for (const [i, d] of doc.decisions.entries()) {
    const at = `represent.decisions.${i}`;
    const bad = first([
      mustBe('requests', `${at}.requestRef`, d.requestRef),
      mustBe('feature', `${at}.featureRef`, d.featureRef),
      mustBe('requests', `${at}.intoRequestRef`, d.intoRequestRef),
      mustBe('templates', `${at}.rationaleTemplateRef`, d.rationaleTemplateRef),
      mustBe('pillars', `${at}.pillarRef`, d.pillarRef),
      ...d.evidence.map((e, j) => mustBe(e.type, `${at}.evidence.${j}.ref`, e.ref)),
      mustBe('products', `${at}.productRef`, d.productRef),
      mustBe('components', `${at}.componentRef`, d.componentRef),
      mustBe('people', `${at}.decidedByRef`, d.decidedByRef),
    ]);
    if (bad) return bad;
  }
  return null;
}

function updateProblem(doc: RepresentExport, mustBe: MustBe): Problem {
  const bad = first(doc.statusUpdates.flatMap((u, i) => [mustBe('components', `represent.statusUpdates.${i}.componentRef`, u.componentRef), mustBe('people', `represent.statusUpdates.${i}.authorRef`, u.authorRef)]));
  if (bad) return bad;
  const twice = repeated(doc.statusUpdates, (u) => `${u.componentRef} in ${u.period}`);
  return twice ? [`represent.statusUpdates.${twice[0]}.period`, `${twice[1]} appears twice (one update per component and period)`] : null;
}

function reportProblem(doc: RepresentExport, mustBe: MustBe): Problem {
  return first(doc.reports.flatMap((x, i) => [mustBe('products', `represent.reports.${i}.productRef`, x.productRef), mustBe('people', `represent.reports.${i}.createdByRef`, x.createdByRef)]));
}

function rankMap(refs: string[]): Map<string, number> {
  return new Map(refs.map((ref, i) => [ref, i]));
}
