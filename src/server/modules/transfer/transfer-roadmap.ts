import type { DiscoveryExport, RoadmapExport, WorkspaceExport } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import { findCycle, isAcyclic, type Edge } from '../dependencies/dependencies.graph.js';
import { insertRoadmapImport, readRoadmapRows, type RoadmapImportRows } from './transfer-roadmap.repository.js';

const iso = (d: Date) => d.toISOString();
type RoadmapRows = Awaited<ReturnType<typeof readRoadmapRows>>;

/** Saved-view filter keys that hold ids, and the kind of record each points at. */
const FILTER_LISTS = { componentIds: 'components', ownerIds: 'people', releaseIds: 'releases', pillarIds: 'pillars' } as const;
type RefKind = 'people' | 'products' | 'components' | 'releases' | 'pillars';

/** Ranks of the records the roadmap section points at, so every list in it has a stable order. */
export interface ExportOrder {
  /** Position of a person, product or component in the export (they are listed in a stable order). */
  rank: (ref: string) => number;
  /** The ids of each kind the export lists. */
  known: Record<Exclude<RefKind, 'releases' | 'pillars'>, Set<string>>;
  discovery: DiscoveryExport;
}

/** The roadmap section of an export. */
export async function exportRoadmap(db: Db, workspaceId: string, order: ExportOrder): Promise<RoadmapExport> {
  const r = await readRoadmapRows(db, workspaceId);
  const releaseRows = sortReleases(r.releases, order.rank);
  const featureRows = sortFeatures(r.features, order.rank);
  const featureRank = rankMap(featureRows.map((f) => f.id));
  const releaseIds = new Set(releaseRows.map((x) => x.id));
  const pillarRows = [...r.pillars].sort((a, b) => order.rank(a.productId) - order.rank(b.productId) || a.position - b.position || a.name.localeCompare(b.name));
  const pillarIds = new Set(pillarRows.map((p) => p.id));
  const opportunityRank = rankMap(order.discovery.opportunities.map((x) => x.ref));
  return {
    releases: releaseRows.map((x) => ({
      ref: x.id,
      productRef: x.productId,
      name: x.name,
      date: x.date,
      status: x.status as RoadmapExport['releases'][number]['status'],
      description: x.description,
      notes: x.notes,
      componentRefs: r.releaseComponents
        .filter((c) => c.releaseId === x.id)
        .map((c) => c.componentId)
        .sort(by(order.rank)),
      createdAt: iso(x.createdAt),
      updatedAt: iso(x.updatedAt),
      version: x.version,
    })),
    pillars: pillarRows.map((p) => ({
      ref: p.id,
      productRef: p.productId,
      name: p.name,
      description: p.description,
      targetShare: p.targetShare,
      status: p.status as RoadmapExport['pillars'][number]['status'],
      position: p.position,
      opportunityRefs: r.opportunityPillars
        .filter((o) => o.pillarId === p.id && opportunityRank.has(o.id))
        .map((o) => o.id)
        .sort((a, b) => opportunityRank.get(a)! - opportunityRank.get(b)!),
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
      version: p.version,
    })),
    features: exportFeatures(r, featureRows, order, pillarIds),
    dependencies: [...r.dependencies]
      .sort((a, b) => (featureRank.get(a.featureId) ?? 0) - (featureRank.get(b.featureId) ?? 0) || (featureRank.get(a.dependsOnId) ?? 0) - (featureRank.get(b.dependsOnId) ?? 0))
      .map((d) => ({ featureRef: d.featureId, dependsOnRef: d.dependsOnId, note: d.note, createdByRef: d.createdById, createdAt: iso(d.createdAt) })),
    frameworks: r.frameworks.map((f) => ({
      kind: f.kind as RoadmapExport['frameworks'][number]['kind'],
      name: f.name,
      enabled: f.enabled,
      isDefault: f.isDefault,
      config: f.config,
      position: f.position,
      createdAt: iso(f.createdAt),
      updatedAt: iso(f.updatedAt),
    })),
    capacities: [...r.capacities]
      .sort((a, b) => order.rank(a.componentId) - order.rank(b.componentId) || a.quarter.localeCompare(b.quarter))
      .map((c) => ({ componentRef: c.componentId, quarter: c.quarter, capacity: c.capacity, updatedAt: iso(c.updatedAt) })),
    settings: r.settings
      ? { capacityUnit: r.settings.capacityUnit as 'points' | 'person_weeks', internalFields: r.settings.internalFields as NonNullable<RoadmapExport['settings']>['internalFields'], version: r.settings.version }
      : null,
    views: sortViews(r.views, order.rank).map((v) => ({
      ref: v.id,
      ownerRef: v.ownerId,
      name: v.name,
      shared: v.shared,
      // Refs are the exporting workspace's ids; ids of records since deleted are left out.
      filters: remapFilters(v.filters, (kind, id) => (kind === 'releases' ? releaseIds : kind === 'pillars' ? pillarIds : order.known[kind]).has(id) ? id : null),
      createdAt: iso(v.createdAt),
      updatedAt: iso(v.updatedAt),
      version: v.version,
    })),
  };
}

/** Features with their requirements, revisions, evidence (feedback, then opportunities) and experiments. */
function exportFeatures(r: RoadmapRows, featureRows: RoadmapRows['features'], order: ExportOrder, pillarIds: Set<string>): RoadmapExport['features'] {
  const feedbackRank = rankMap(order.discovery.feedback.map((x) => x.ref));
  const opportunityRank = rankMap(order.discovery.opportunities.map((x) => x.ref));
  const experimentRank = rankMap(order.discovery.experiments.map((x) => x.ref));
  const requirements = new Map(r.requirements.map((q) => [q.featureId, q]));
  // Feedback first (in the discovery section's order), then opportunities.
  const evidenceRank = (e: RoadmapRows['evidence'][number]) => (e.feedbackId ? (feedbackRank.get(e.feedbackId) ?? 0) : feedbackRank.size + (opportunityRank.get(e.opportunityId ?? '') ?? 0));
  const revisions = groupBy(r.revisions, (x) => x.featureId);
  const evidence = groupBy(r.evidence, (x) => x.featureId);
  const experiments = groupBy(r.experiments, (x) => x.featureId);
  return featureRows.map((f) => {
    const q = requirements.get(f.id);
    return {
      ref: f.id,
      componentRef: f.componentId,
      title: f.title,
      description: f.description,
      ownerRef: f.ownerId,
      status: f.status as RoadmapExport['features'][number]['status'],
      effort: f.effort,
      horizon: f.horizon as RoadmapExport['features'][number]['horizon'],
      startDate: f.startDate,
      endDate: f.endDate,
      releaseRef: f.releaseId,
      pillarId: f.pillarId && pillarIds.has(f.pillarId) ? f.pillarId : null,
      boardRank: f.boardRank,
      internal: f.internal,
      public: f.public,
      scoreInputs: f.scoreInputs,
      requirements: q ? { body: q.body, revision: q.revision, updatedByRef: q.updatedById, createdAt: iso(q.createdAt), updatedAt: iso(q.updatedAt) } : null,
      revisions: (revisions.get(f.id) ?? []).map((x) => ({ revision: x.revision, body: x.body, authorRef: x.authorId, createdAt: iso(x.createdAt) })),
      evidence: [...(evidence.get(f.id) ?? [])]
        .sort((a, b) => evidenceRank(a) - evidenceRank(b))
        .map((e) => ({ feedbackRef: e.feedbackId, opportunityRef: e.opportunityId, quoteStart: e.quoteStart, quoteEnd: e.quoteEnd, importance: e.importance, createdByRef: e.createdById, createdAt: iso(e.createdAt) })),
      experimentRefs: (experiments.get(f.id) ?? []).map((x) => x.experimentId).sort((a, b) => (experimentRank.get(a) ?? 0) - (experimentRank.get(b) ?? 0)),
      createdAt: iso(f.createdAt),
      updatedAt: iso(f.updatedAt),
      version: f.version,
    };
  });
}

/**
 * Rows made in one transaction share created_at; ties are broken by what the rows point at (ranked by
 * the export) and by content, never by ids, so an imported copy lists them in the same order.
 */
function sortFeatures(rows: RoadmapRows['features'], rank: (ref: string) => number): RoadmapRows['features'] {
  return [...rows].sort(
    (a, b) =>
      a.createdAt.getTime() - b.createdAt.getTime() ||
      rank(a.componentId) - rank(b.componentId) ||
      a.boardRank - b.boardRank ||
      a.title.localeCompare(b.title) ||
      a.description.localeCompare(b.description),
  );
}

function sortReleases(rows: RoadmapRows['releases'], rank: (ref: string) => number): RoadmapRows['releases'] {
  return [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || rank(a.productId) - rank(b.productId) || a.name.localeCompare(b.name) || (a.date ?? '').localeCompare(b.date ?? ''));
}

function sortViews(rows: RoadmapRows['views'], rank: (ref: string) => number): RoadmapRows['views'] {
  return [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || rank(a.ownerId) - rank(b.ownerId) || a.name.localeCompare(b.name));
}

/**
 * A copy of saved-view filters with every id in `productId`, `componentIds`, `ownerIds` and `releaseIds`
 * passed through `map` (by the kind of record it names); ids it maps to null are dropped. The filters
 * are soft references (the roadmap ignores ids it does not know), so a stale one is left out rather
 * than refused.
 */
export function remapFilters(filters: Record<string, unknown>, map: (kind: RefKind, ref: string) => string | null): Record<string, unknown> {
  const out: Record<string, unknown> = { ...filters };
  if ('productId' in out) {
    const product = typeof out.productId === 'string' ? map('products', out.productId) : null;
    if (product) out.productId = product;
    else delete out.productId;
  }
  for (const [key, kind] of Object.entries(FILTER_LISTS)) {
    const list = out[key];
    if (!Array.isArray(list)) continue;
    out[key] = list.flatMap((ref) => {
      const id = typeof ref === 'string' ? map(kind, ref) : null;
      return id ? [id] : [];
    });
  }
  return out;
}

/** The refs of each kind a document defines, for checking references by kind. */
export interface RefSets {
  people: Set<string>;
  products: Set<string>;
  components: Set<string>;
  /** Product ref of each component ref. */
  productOf: Map<string, string>;
  feedback: Set<string>;
  opportunities: Set<string>;
  experiments: Set<string>;
  releases: Set<string>;
  pillars: Set<string>;
  features: Set<string>;
}

export function refSets(doc: WorkspaceExport): RefSets {
  const productOf = new Map(doc.products.flatMap((p) => p.components.map((c) => [c.ref, p.ref] as const)));
  return {
    people: new Set(doc.people.map((p) => p.ref)),
    products: new Set(doc.products.map((p) => p.ref)),
    components: new Set(productOf.keys()),
    productOf,
    feedback: new Set(doc.discovery?.feedback.map((x) => x.ref)),
    opportunities: new Set(doc.discovery?.opportunities.map((x) => x.ref)),
    experiments: new Set(doc.discovery?.experiments.map((x) => x.ref)),
    releases: new Set(doc.roadmap?.releases.map((x) => x.ref)),
    pillars: new Set(doc.roadmap?.pillars.map((x) => x.ref)),
    features: new Set(doc.roadmap?.features.map((x) => x.ref)),
  };
}

/** Every ref the roadmap section defines. */
export function roadmapRefs(doc: RoadmapExport): string[] {
  return [...doc.releases.map((x) => x.ref), ...doc.pillars.map((x) => x.ref), ...doc.features.map((x) => x.ref), ...doc.views.map((x) => x.ref)];
}

/** Writes the roadmap section into the new workspace; every ref it defines already has its new id. */
export async function importRoadmap(db: Db, doc: RoadmapExport, ctx: { workspaceId: string; sets: RefSets; mapRef: (ref: string | null) => string | null }): Promise<void> {
  await insertRoadmapImport(db, roadmapRows(doc, ctx));
}

function roadmapRows(doc: RoadmapExport, { workspaceId, sets, mapRef }: { workspaceId: string; sets: RefSets; mapRef: (ref: string | null) => string | null }): RoadmapImportRows {
  const must = (ref: string) => mapRef(ref)!;
  const featureRows = doc.features.map((f) => ({
    id: must(f.ref),
    workspaceId,
    componentId: must(f.componentRef),
    title: f.title,
    description: f.description,
    ownerId: mapRef(f.ownerRef),
    status: f.status,
    effort: f.effort,
    horizon: f.horizon,
    startDate: f.startDate,
    endDate: f.endDate,
    releaseId: mapRef(f.releaseRef),
    // A pillar the file does not define imports as no pillar.
    pillarId: f.pillarId && sets.pillars.has(f.pillarId) ? mapRef(f.pillarId) : null,
    boardRank: f.boardRank,
    internal: f.internal,
    public: f.public,
    scoreInputs: f.scoreInputs,
    version: f.version,
    createdAt: new Date(f.createdAt),
    updatedAt: new Date(f.updatedAt),
  }));
  return {
    pillars: doc.pillars.map((p) => ({
      id: must(p.ref),
      workspaceId,
      productId: must(p.productRef),
      name: p.name,
      description: p.description,
      targetShare: p.targetShare,
      status: p.status,
      position: p.position,
      version: p.version,
      createdAt: new Date(p.createdAt),
      updatedAt: new Date(p.updatedAt),
    })),
    opportunityPillars: doc.pillars.flatMap((p) =>
      p.opportunityRefs.flatMap((o) => (sets.opportunities.has(o) ? [{ opportunityId: must(o), pillarId: must(p.ref) }] : [])),
    ),
    releases: doc.releases.map((x) => ({
      id: must(x.ref),
      workspaceId,
      productId: must(x.productRef),
      name: x.name,
      date: x.date,
      status: x.status,
      description: x.description,
      notes: x.notes,
      version: x.version,
      createdAt: new Date(x.createdAt),
      updatedAt: new Date(x.updatedAt),
    })),
    releaseComponents: doc.releases.flatMap((x) => x.componentRefs.map((c) => ({ workspaceId, releaseId: must(x.ref), componentId: must(c) }))),
    features: featureRows,
    requirements: doc.features.flatMap((f) =>
      f.requirements
        ? [{ featureId: must(f.ref), workspaceId, body: f.requirements.body, revision: f.requirements.revision, updatedById: mapRef(f.requirements.updatedByRef), createdAt: new Date(f.requirements.createdAt), updatedAt: new Date(f.requirements.updatedAt) }]
        : [],
    ),
    revisions: doc.features.flatMap((f) => f.revisions.map((x) => ({ id: newId(), workspaceId, featureId: must(f.ref), revision: x.revision, body: x.body, authorId: mapRef(x.authorRef), createdAt: new Date(x.createdAt) }))),
    evidence: doc.features.flatMap((f) =>
      f.evidence.map((e) => ({
        id: newId(),
        workspaceId,
        featureId: must(f.ref),
        feedbackId: mapRef(e.feedbackRef),
        opportunityId: mapRef(e.opportunityRef),
        quoteStart: e.quoteStart,
        quoteEnd: e.quoteEnd,
        importance: e.importance,
        createdById: mapRef(e.createdByRef),
        createdAt: new Date(e.createdAt),
      })),
    ),
    experiments: doc.features.flatMap((f) => f.experimentRefs.map((x) => ({ workspaceId, featureId: must(f.ref), experimentId: must(x) }))),
    dependencies: doc.dependencies.map((d) => ({ id: newId(), workspaceId, featureId: must(d.featureRef), dependsOnId: must(d.dependsOnRef), note: d.note, createdById: mapRef(d.createdByRef), createdAt: new Date(d.createdAt) })),
    frameworks: doc.frameworks.map((f) => ({ id: newId(), workspaceId, kind: f.kind, name: f.name, enabled: f.enabled, isDefault: f.isDefault, config: f.config, position: f.position, createdAt: new Date(f.createdAt), updatedAt: new Date(f.updatedAt) })),
    capacities: doc.capacities.map((c) => ({ workspaceId, componentId: must(c.componentRef), quarter: c.quarter, capacity: c.capacity, updatedAt: new Date(c.updatedAt) })),
    settings: doc.settings ? [{ workspaceId, ...doc.settings }] : [],
    views: doc.views.map((v) => ({
      id: must(v.ref),
      workspaceId,
      ownerId: must(v.ownerRef),
      name: v.name,
      shared: v.shared,
      filters: remapFilters(v.filters, (kind, ref) => (sets[kind].has(ref) ? mapRef(ref) : null)),
      version: v.version,
      createdAt: new Date(v.createdAt),
      updatedAt: new Date(v.updatedAt),
    })),
  };
}

/** A reference of the roadmap section that does not hold, as [path, message], or null. */
export function roadmapProblem(doc: RoadmapExport, sets: RefSets, definedElsewhere: Set<string>): [string, string] | null {
  return duplicateRef(doc, definedElsewhere) ?? pillarProblem(doc, sets) ?? releaseProblem(doc, sets) ?? featureProblem(doc, sets) ?? dependencyProblem(doc, sets) ?? otherProblem(doc, sets);
}

type Problem = [string, string] | null;
const KIND_NAMES: Record<keyof Omit<RefSets, 'productOf'>, string> = {
  people: 'the people',
  products: 'the products',
  components: 'the components',
  feedback: 'the feedback items (discovery.feedback)',
  opportunities: 'the opportunities (discovery.opportunities)',
  experiments: 'the experiments (discovery.experiments)',
  releases: 'the releases (roadmap.releases)',
  pillars: 'the pillars (roadmap.pillars)',
  features: 'the features (roadmap.features)',
};

/** A ref that must name a record of this kind (null passes: the field is optional). */
function mustBe(sets: RefSets, kind: keyof typeof KIND_NAMES, path: string, ref: string | null): Problem {
  return ref !== null && !sets[kind].has(ref) ? [path, `${ref} is not one of ${KIND_NAMES[kind]}`] : null;
}

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

function duplicateRef(doc: RoadmapExport, definedElsewhere: Set<string>): Problem {
  const seen = new Set(definedElsewhere);
  const lists = [
    ['releases', doc.releases],
    ['pillars', doc.pillars],
    ['features', doc.features],
    ['views', doc.views],
  ] as const;
  for (const [name, list] of lists) {
    for (const [i, x] of list.entries()) {
      if (seen.has(x.ref)) return [`roadmap.${name}.${i}.ref`, `${x.ref} appears twice`];
      seen.add(x.ref);
    }
  }
  return null;
}

/** A pillar must belong to a product of the file, with a name unique in it; opportunity refs are soft (unknown ones are dropped). */
function pillarProblem(doc: RoadmapExport, sets: RefSets): Problem {
  for (const [i, p] of doc.pillars.entries()) {
    const bad = mustBe(sets, 'products', `roadmap.pillars.${i}.productRef`, p.productRef);
    if (bad) return bad;
  }
  const twice = repeated(doc.pillars, (p) => `${p.productRef}: ${p.name.toLowerCase()}`);
  return twice ? [`roadmap.pillars.${twice[0]}.name`, `${twice[1]} appears twice`] : null;
}

function releaseProblem(doc: RoadmapExport, sets: RefSets): Problem {
  for (const [i, x] of doc.releases.entries()) {
    const at = `roadmap.releases.${i}`;
    const bad = mustBe(sets, 'products', `${at}.productRef`, x.productRef) ?? first(x.componentRefs.map((c) => mustBe(sets, 'components', `${at}.componentRefs`, c)));
    if (bad) return bad;
    const stranger = x.componentRefs.find((c) => sets.productOf.get(c) !== x.productRef);
    if (stranger) return [`${at}.componentRefs`, `${stranger} is not a component of the release's product`];
    const twice = repeated(x.componentRefs, (c) => c);
    if (twice) return [`${at}.componentRefs`, `${twice[1]} appears twice`];
  }
  return null;
}

function featureProblem(doc: RoadmapExport, sets: RefSets): Problem {
  const productOfRelease = new Map(doc.releases.map((x) => [x.ref, x.productRef]));
  for (const [i, f] of doc.features.entries()) {
    const at = `roadmap.features.${i}`;
    const bad = first([
      mustBe(sets, 'components', `${at}.componentRef`, f.componentRef),
      mustBe(sets, 'people', `${at}.ownerRef`, f.ownerRef),
      mustBe(sets, 'releases', `${at}.releaseRef`, f.releaseRef),
      mustBe(sets, 'people', `${at}.requirements.updatedByRef`, f.requirements?.updatedByRef ?? null),
      ...f.revisions.map((x, j) => mustBe(sets, 'people', `${at}.revisions.${j}.authorRef`, x.authorRef)),
      ...f.evidence.flatMap((e, j) => [
        mustBe(sets, 'feedback', `${at}.evidence.${j}.feedbackRef`, e.feedbackRef),
        mustBe(sets, 'opportunities', `${at}.evidence.${j}.opportunityRef`, e.opportunityRef),
        mustBe(sets, 'people', `${at}.evidence.${j}.createdByRef`, e.createdByRef),
      ]),
      ...f.experimentRefs.map((x) => mustBe(sets, 'experiments', `${at}.experimentRefs`, x)),
    ]);
    if (bad) return bad;
    if (f.releaseRef && productOfRelease.get(f.releaseRef) !== sets.productOf.get(f.componentRef)) return [`${at}.releaseRef`, `${f.releaseRef} is a release of another product than the feature's component`];
    const twiceRevision = repeated(f.revisions, (x) => String(x.revision));
    if (twiceRevision) return [`${at}.revisions.${twiceRevision[0]}.revision`, `revision ${twiceRevision[1]} appears twice`];
    const twiceEvidence = repeated(f.evidence, (e) => e.feedbackRef ?? `opportunity:${e.opportunityRef}`);
    if (twiceEvidence) return [`${at}.evidence.${twiceEvidence[0]}`, `${twiceEvidence[1]} is linked twice`];
    const twiceExperiment = repeated(f.experimentRefs, (x) => x);
    if (twiceExperiment) return [`${at}.experimentRefs`, `${twiceExperiment[1]} appears twice`];
  }
  return null;
}

/** Dependencies must join known features, once per pair, and (as every write keeps them) form no cycle. */
function dependencyProblem(doc: RoadmapExport, sets: RefSets): Problem {
  for (const [i, d] of doc.dependencies.entries()) {
    const at = `roadmap.dependencies.${i}`;
    const bad = first([mustBe(sets, 'features', `${at}.featureRef`, d.featureRef), mustBe(sets, 'features', `${at}.dependsOnRef`, d.dependsOnRef), mustBe(sets, 'people', `${at}.createdByRef`, d.createdByRef)]);
    if (bad) return bad;
  }
  const twice = repeated(doc.dependencies, (d) => `${d.featureRef} → ${d.dependsOnRef}`);
  if (twice) return [`roadmap.dependencies.${twice[0]}`, `${twice[1]} appears twice`];
  const edges: Edge[] = doc.dependencies.map((d) => ({ featureId: d.featureRef, dependsOnId: d.dependsOnRef }));
  if (isAcyclic(edges) && !edges.some((e) => e.featureId === e.dependsOnId)) return null;
  // Only a broken file gets here: find the edge that closes the cycle, adding the edges one by one.
  for (const [i, e] of edges.entries()) {
    const cycle = findCycle(edges.slice(0, i), e.featureId, e.dependsOnId);
    if (cycle) return [`roadmap.dependencies.${i}`, `closes the cycle ${cycle.join(' → ')}`];
  }
  return null;
}

function otherProblem(doc: RoadmapExport, sets: RefSets): Problem {
  const bad = first([
    ...doc.capacities.map((c, i) => mustBe(sets, 'components', `roadmap.capacities.${i}.componentRef`, c.componentRef)),
    ...doc.views.map((v, i) => mustBe(sets, 'people', `roadmap.views.${i}.ownerRef`, v.ownerRef)),
  ]);
  if (bad) return bad;
  const twice = repeated(doc.capacities, (c) => `${c.componentRef} in ${c.quarter}`);
  return twice ? [`roadmap.capacities.${twice[0]}`, `${twice[1]} appears twice`] : null;
}

function rankMap(refs: string[]): Map<string, number> {
  return new Map(refs.map((ref, i) => [ref, i]));
}

function by(rank: (ref: string) => number) {
  return (a: string, b: string) => rank(a) - rank(b);
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}
