import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RoadmapExport, WorkspaceExport } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import {
  capacities,
  dependencies,
  featureEvidence,
  featureExperiments,
  featureRequirementRevisions,
  featureRequirements,
  featureScores,
  features,
  members,
  opportunities,
  pillars,
  prioritizationFrameworks,
  releaseComponents,
  releases,
  roadmapSettings,
  savedViews,
} from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { addMember, workspaceFixture, type Fixture, type TestClient } from '../../test/helpers.js';
import { recordAudit } from '../audit/audit.service.js';
import { seedCustomer, seedFeedback } from '../opportunities/discovery.fixtures.js';
import { rescoreFeatures } from '../prioritization/prioritization.rescore.js';

const created = (res: { statusCode: number; body: string; json: <T>() => T }): string => {
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
};

/**
 * The export with every ref replaced by what it names (people by email, records by name or title), so
 * two exports of the same content compare equal whatever their ids. Refs also sit inside saved-view
 * filters, so every string that is a known ref is replaced, wherever it is.
 */
function normalize(doc: WorkspaceExport) {
  const names = new Map<string, string>();
  for (const p of doc.people) names.set(p.ref, `person:${p.email}`);
  for (const p of doc.products) {
    names.set(p.ref, `product:${p.name}`);
    for (const c of p.components) names.set(c.ref, `component:${p.name}/${c.name}`);
  }
  const d = doc.discovery!;
  for (const c of d.customers) names.set(c.ref, `customer:${c.name}`);
  for (const x of d.feedback) names.set(x.ref, `feedback:${x.text}`);
  for (const x of d.opportunities) names.set(x.ref, `opportunity:${x.title}`);
  for (const x of d.experiments) names.set(x.ref, `experiment:${x.hypothesis}`);
  const r = doc.roadmap!;
  for (const x of r.releases) names.set(x.ref, `release:${x.name}`);
  for (const x of r.pillars) names.set(x.ref, `pillar:${x.name}`);
  for (const x of r.features) names.set(x.ref, `feature:${x.title}`);
  for (const x of r.views) names.set(x.ref, `view:${x.name}`);
  const byName = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(byName);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, byName(v)]));
    return typeof value === 'string' ? (names.get(value) ?? value) : value;
  };
  const { exportedAt: _at, audit, ...rest } = doc;
  // The file names no workspace: entries about it (or its workspace-wide records) point at whichever holds them.
  const self = audit.find((a) => a.entityType === 'workspace')?.entityRef;
  return byName({ ...rest, audit: audit.map((a) => (a.entityType === 'workspace' || a.entityRef === self ? { ...a, entityRef: 'workspace:self' } : a)) });
}

interface Source {
  f: Fixture;
  db: Db;
  pm: TestClient & { memberId: string };
  pillar: { speed: string; trust: string };
  opportunity: string;
  productId: string;
  checkout: string;
  search: string;
  feature: { login: string; cart: string; pay: string };
  /** An id a saved view still names, of a record since deleted. */
  stale: string;
}

/**
 * A workspace with every kind of roadmap record. The issue-4 routes are built alongside this, so the
 * roadmap rows go straight into the tables; products and discovery records go through their routes.
 */
async function roadmapWorkspace(): Promise<Source> {
  const f = await workspaceFixture('Roadmap source');
  const db = f.app.db;
  const pm = await addMember(f, 'pm', 'Pia PM');
  const [admin] = await db.select().from(members).where(and(eq(members.workspaceId, f.workspaceId), eq(members.userId, f.admin.userId)));
  const productId = created(await f.admin.post(`${f.w}/products`, { name: 'Shop' }));
  const checkout = created(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Checkout', ownerId: pm.memberId }));
  const search = created(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Search' }));
  const acme = await seedCustomer(f, { name: 'Acme', arr: '120000' });
  const slow = await seedFeedback(f, { text: 'Paying takes forever on mobile', customerId: acme, capturedAt: new Date('2025-02-01T10:00:00Z') });
  const lost = await seedFeedback(f, { text: 'I lost my cart twice', capturedAt: new Date('2025-02-02T10:00:00Z') });
  const opportunity = created(await f.admin.post(`${f.w}/opportunities`, { title: 'Checkout is slow', componentIds: [checkout] }));
  const experiment = created(await f.admin.post(`${f.w}/experiments`, { hypothesis: 'One-page checkout converts better', type: 'ab_test', opportunityIds: [opportunity] }));

  const w = f.workspaceId;
  const spring = newId();
  const summer = newId();
  await db.insert(releases).values([
    { id: spring, workspaceId: w, productId, name: 'Spring', date: '2027-04-01', status: 'released', description: 'Faster pay', notes: '## Shipped\n- One-page pay', version: 3 },
    { id: summer, workspaceId: w, productId, name: 'Summer', date: null, description: '' },
  ]);
  await db.insert(releaseComponents).values([
    { workspaceId: w, releaseId: spring, componentId: search },
    { workspaceId: w, releaseId: spring, componentId: checkout },
  ]);
  const pillar = { speed: newId(), trust: newId() };
  await db.insert(pillars).values([
    { id: pillar.trust, workspaceId: w, productId, name: 'Trust', description: 'Never lose a cart', targetShare: 30, status: 'paused', position: 1, version: 2 },
    { id: pillar.speed, workspaceId: w, productId, name: 'Speed', targetShare: 45.5, position: 0 },
  ]);
  await db.update(opportunities).set({ pillarId: pillar.speed }).where(eq(opportunities.id, opportunity));
  const feature = { login: newId(), cart: newId(), pay: newId() };
  const at = new Date('2026-01-05T09:00:00Z');
  await db.insert(features).values([
    // Same created_at for all three, as rows made in one transaction: the export must still order them stably.
    { id: feature.pay, workspaceId: w, componentId: checkout, title: 'One-page pay', description: 'All on one page', ownerId: pm.memberId, status: 'shipped', effort: 5.5, horizon: 'now', startDate: '2027-01-04', endDate: '2027-03-26', releaseId: spring, pillarId: pillar.speed, boardRank: 1.5, scoreInputs: { rice: { reach: 800, impact: 2, confidence: 0.8 } }, version: 4, createdAt: at, updatedAt: at },
    { id: feature.cart, workspaceId: w, componentId: checkout, title: 'Saved carts', ownerId: pm.memberId, status: 'planned', effort: 3, horizon: 'next', boardRank: 2, internal: true, pillarId: pillar.trust, scoreInputs: { weighted: { urgency: 4 } }, createdAt: at, updatedAt: at },
    { id: feature.login, workspaceId: w, componentId: search, title: 'Search as you type', status: 'idea', boardRank: 1, createdAt: at, updatedAt: at },
  ]);
  await db.insert(featureRequirements).values({ featureId: feature.pay, workspaceId: w, body: '# Problem\nPaying is slow (v2)', revision: 2, updatedById: admin!.id });
  await db.insert(featureRequirementRevisions).values([
    { id: newId(), workspaceId: w, featureId: feature.pay, revision: 1, body: '# Problem\nPaying is slow', authorId: pm.memberId, createdAt: new Date('2026-01-06T00:00:00Z') },
    { id: newId(), workspaceId: w, featureId: feature.pay, revision: 2, body: '# Problem\nPaying is slow (v2)', authorId: admin!.id, createdAt: new Date('2026-01-07T00:00:00Z') },
  ]);
  await db.insert(featureEvidence).values([
    { id: newId(), workspaceId: w, featureId: feature.pay, opportunityId: opportunity, createdById: pm.memberId },
    { id: newId(), workspaceId: w, featureId: feature.pay, feedbackId: lost, createdById: pm.memberId },
    { id: newId(), workspaceId: w, featureId: feature.pay, feedbackId: slow, quoteStart: 0, quoteEnd: 6, importance: 4, createdById: pm.memberId },
    { id: newId(), workspaceId: w, featureId: feature.cart, feedbackId: lost, importance: 3 },
  ]);
  await db.insert(featureExperiments).values({ workspaceId: w, featureId: feature.pay, experimentId: experiment });
  await db.insert(dependencies).values([
    { id: newId(), workspaceId: w, featureId: feature.cart, dependsOnId: feature.pay, note: 'Same page', createdById: pm.memberId },
    { id: newId(), workspaceId: w, featureId: feature.login, dependsOnId: feature.cart, createdById: null },
  ]);
  await db.insert(prioritizationFrameworks).values([
    { id: newId(), workspaceId: w, kind: 'rice', name: 'RICE', isDefault: true, config: { bindings: { effort: { source: 'effort' } } }, position: 0 },
    { id: newId(), workspaceId: w, kind: 'ice', name: 'ICE', enabled: false, config: { bindings: {} }, position: 1 },
    {
      id: newId(),
      workspaceId: w,
      kind: 'weighted',
      name: 'Voices',
      config: {
        criteria: [
          { key: 'voices', name: 'voices', weight: 2, binding: { source: 'rollup', rollup: 'evidenceCount', scale: 'linear' } },
          { key: 'urgency', name: 'urgency', weight: 1, binding: { source: 'manual' } },
        ],
      },
      position: 2,
    },
  ]);
  await db.insert(capacities).values([
    { workspaceId: w, componentId: search, quarter: '2027-Q1', capacity: 12.5 },
    { workspaceId: w, componentId: checkout, quarter: '2027-Q2', capacity: 30 },
    { workspaceId: w, componentId: checkout, quarter: '2027-Q1', capacity: 20 },
  ]);
  await db.insert(roadmapSettings).values({ workspaceId: w, capacityUnit: 'person_weeks', internalFields: ['effort', 'description'], version: 3 });
  const stale = newId();
  await db.insert(savedViews).values([
    {
      id: newId(),
      workspaceId: w,
      ownerId: pm.memberId,
      name: 'My checkout',
      shared: true,
      // `stale` names a component that no longer exists: it is dropped, the rest is mapped.
      filters: { view: 'timeline', productId, componentIds: [checkout, stale], ownerIds: [pm.memberId], releaseIds: [spring], pillarIds: [stale, pillar.trust], statuses: ['planned'] },
    },
    { id: newId(), workspaceId: w, ownerId: admin!.id, name: 'Everything', filters: {} },
  ]);
  await recordAudit(db, null, { workspaceId: w, action: 'feature.create', entityType: 'feature', entityId: feature.pay, summary: 'Created “One-page pay”' });
  await recordAudit(db, null, { workspaceId: w, action: 'prioritization-frameworks.update', entityType: 'prioritization-frameworks', entityId: w, summary: 'Changed the frameworks' });
  return { f, db, pm, productId, checkout, search, feature, stale, pillar, opportunity };
}

const scoresOf = async (db: Db, workspaceId: string) => {
  const rows = await db
    .select({ title: features.title, framework: prioritizationFrameworks.name, score: featureScores.score })
    .from(featureScores)
    .innerJoin(features, eq(features.id, featureScores.featureId))
    .innerJoin(prioritizationFrameworks, eq(prioritizationFrameworks.id, featureScores.frameworkId))
    .where(eq(featureScores.workspaceId, workspaceId));
  return rows.map((r) => `${r.title} / ${r.framework}: ${r.score}`).sort();
};

describe('workspace export and import: the roadmap section', () => {
  let s: Source;
  let docA: WorkspaceExport;
  beforeAll(async () => {
    s = await roadmapWorkspace();
    const res = await s.f.admin.get(`${s.f.w}/export`);
    expect(res.statusCode).toBe(200);
    docA = res.json<WorkspaceExport>();
  });

  it('exports every roadmap record, with refs and in a stable order', () => {
    const r = docA.roadmap!;
    const { checkout, search, feature, pm, productId, pillar, opportunity } = s;
    expect(r.releases.map((x) => [x.name, x.componentRefs])).toEqual([
      ['Spring', [checkout, search]],
      ['Summer', []],
    ]);
    expect(r.releases[0]).toMatchObject({ productRef: productId, date: '2027-04-01', status: 'released', notes: '## Shipped\n- One-page pay', version: 3 });
    // Components in export order first (Checkout, then Search), then the board rank.
    expect(r.features.map((x) => x.title)).toEqual(['One-page pay', 'Saved carts', 'Search as you type']);
    // Pillars by position, with the opportunities that serve them; features name theirs.
    expect(r.pillars.map((p) => [p.ref, p.productRef, p.name, p.targetShare, p.status, p.position, p.opportunityRefs, p.version])).toEqual([
      [pillar.speed, productId, 'Speed', 45.5, 'active', 0, [opportunity], 1],
      [pillar.trust, productId, 'Trust', 30, 'paused', 1, [], 2],
    ]);
    expect(r.features.map((x) => x.pillarId)).toEqual([pillar.speed, pillar.trust, null]);
    const pay = r.features[0]!;
    expect(pay).toMatchObject({ ref: feature.pay, componentRef: checkout, ownerRef: pm.memberId, effort: 5.5, releaseRef: r.releases[0]!.ref, internal: false, version: 4 });
    expect(pay.requirements).toMatchObject({ body: '# Problem\nPaying is slow (v2)', revision: 2 });
    expect(pay.revisions.map((x) => [x.revision, x.authorRef])).toEqual([
      [1, pm.memberId],
      [2, pay.requirements!.updatedByRef],
    ]);
    // Feedback evidence first (in the order of discovery.feedback), then opportunities.
    const feedbackRefs = docA.discovery!.feedback.map((x) => x.ref);
    expect(pay.evidence.map((e) => [e.feedbackRef, e.opportunityRef, e.quoteStart, e.quoteEnd, e.importance])).toEqual([
      [feedbackRefs[0], null, 0, 6, 4],
      [feedbackRefs[1], null, null, null, 2],
      [null, docA.discovery!.opportunities[0]!.ref, null, null, 2],
    ]);
    expect(pay.experimentRefs).toEqual([docA.discovery!.experiments[0]!.ref]);
    expect(r.dependencies.map((d) => [d.featureRef, d.dependsOnRef, d.note])).toEqual([
      [feature.cart, feature.pay, 'Same page'],
      [feature.login, feature.cart, ''],
    ]);
    expect(r.frameworks.map((x) => [x.kind, x.name, x.enabled, x.isDefault, x.position])).toEqual([
      ['rice', 'RICE', true, true, 0],
      ['ice', 'ICE', false, false, 1],
      ['weighted', 'Voices', true, false, 2],
    ]);
    expect(r.capacities.map((c) => [c.componentRef, c.quarter, c.capacity])).toEqual([
      [checkout, '2027-Q1', 20],
      [checkout, '2027-Q2', 30],
      [search, '2027-Q1', 12.5],
    ]);
    expect(r.settings).toEqual({ capacityUnit: 'person_weeks', internalFields: ['effort', 'description'], version: 3 });
    const mine = r.views.find((v) => v.name === 'My checkout')!;
    expect(mine.filters).toEqual({ view: 'timeline', productId, componentIds: [checkout], ownerIds: [pm.memberId], releaseIds: [r.releases[0]!.ref], pillarIds: [pillar.trust], statuses: ['planned'] });
    expect(JSON.stringify(docA)).not.toContain('feature_scores');
  });

  it('imports into a new workspace with new ids, scores recomputed, and exports the same document again', async () => {
    const { f, db } = s;
    const res = await f.admin.post('/api/v1/workspaces/import', docA);
    expect(res.statusCode).toBe(201);
    const { workspaceId } = res.json<{ workspaceId: string }>();
    const docB = (await f.admin.get(`/api/v1/workspaces/${workspaceId}/export`)).json<WorkspaceExport>();

    expect(docB.audit.at(-1)).toMatchObject({ action: 'workspace.import', entityRef: workspaceId });
    expect(normalize({ ...docB, audit: docB.audit.slice(0, -1) })).toEqual(normalize(docA));
    // The audit entry about a feature follows it to its new id.
    const about = docB.audit.find((a) => a.action === 'feature.create')!;
    expect(about.entityRef).toBe(docB.roadmap!.features[0]!.ref);
    // …and one about the workspace-wide frameworks to the new workspace.
    expect(docB.audit.find((a) => a.action === 'prioritization-frameworks.update')!.entityRef).toBe(workspaceId);

    // Nothing in the copy points into the source: every record of A has a new id in B.
    const refsA = [s.f.workspaceId, ...[...docA.people, ...docA.products, ...docA.products.flatMap((p) => p.components), ...docA.roadmap!.releases, ...docA.roadmap!.pillars, ...docA.roadmap!.features, ...docA.roadmap!.views].map((x) => x.ref)];
    const textB = JSON.stringify(docB);
    expect(refsA.filter((ref) => textB.includes(ref))).toEqual([]);
    const views = await db.select().from(savedViews).where(eq(savedViews.workspaceId, workspaceId));
    const bComponents = docB.products[0]!.components.map((c) => c.ref);
    // Features and opportunities keep their pillars, under the pillars' new ids.
    const bPillars = docB.roadmap!.pillars.map((p) => p.ref);
    const linked = await db.select({ title: features.title, pillarId: features.pillarId }).from(features).where(eq(features.workspaceId, workspaceId));
    expect(Object.fromEntries(linked.map((x) => [x.title, x.pillarId]))).toEqual({ 'One-page pay': bPillars[0], 'Saved carts': bPillars[1], 'Search as you type': null });
    const [opp] = await db.select({ pillarId: opportunities.pillarId }).from(opportunities).where(eq(opportunities.workspaceId, workspaceId));
    expect(opp!.pillarId).toBe(bPillars[0]);
    expect(views.find((v) => v.name === 'My checkout')!.filters).toMatchObject({ productId: docB.products[0]!.ref, componentIds: [bComponents[0]] });

    // Scores are not in the file; the import computes them, the same as the source's.
    await rescoreFeatures(db, f.workspaceId);
    const scoresB = await scoresOf(db, workspaceId);
    expect(scoresB).toHaveLength(3 * 2);
    expect(scoresB).toEqual(await scoresOf(db, f.workspaceId));
    expect(scoresB.filter((x) => !x.endsWith(': null')).length).toBeGreaterThan(0);
  });

  it('imports a document written before the roadmap existed', async () => {
    const { roadmap: _r, ...old } = docA;
    const res = await s.f.admin.post('/api/v1/workspaces/import', old);
    expect(res.statusCode).toBe(201);
    const doc = (await s.f.admin.get(`/api/v1/workspaces/${res.json<{ workspaceId: string }>().workspaceId}/export`)).json<WorkspaceExport>();
    expect(doc.roadmap).toEqual({ releases: [], pillars: [], features: [], dependencies: [], frameworks: [], capacities: [], settings: null, views: [] });
  });

  it('imports a document written before pillars existed: pillar ids it does not define become no pillar', async () => {
    const { pillars: _p, ...roadmap } = docA.roadmap!;
    const old = { ...docA, roadmap };
    const res = await s.f.admin.post('/api/v1/workspaces/import', old);
    expect(res.statusCode).toBe(201);
    const { workspaceId } = res.json<{ workspaceId: string }>();
    const rows = await s.db.select({ pillarId: features.pillarId }).from(features).where(eq(features.workspaceId, workspaceId));
    expect(rows.map((x) => x.pillarId)).toEqual([null, null, null]);
    expect((await s.f.admin.get(`/api/v1/workspaces/${workspaceId}/export`)).json<WorkspaceExport>().roadmap!.pillars).toEqual([]);
  });

  describe('refuses a document whose roadmap references do not hold, with 422, creating nothing', () => {
    const broken = (change: (r: RoadmapExport) => void): WorkspaceExport => {
      const doc = structuredClone(docA);
      change(doc.roadmap!);
      return doc;
    };
    const cases: [string, (r: RoadmapExport) => void, string, string][] = [
      ['a feature in an unknown component', (r) => (r.features[1]!.componentRef = 'nowhere'), 'roadmap.features.1.componentRef', 'nowhere is not one of the components'],
      ['a dependency on an unknown feature', (r) => (r.dependencies[0]!.dependsOnRef = 'ghost'), 'roadmap.dependencies.0.dependsOnRef', 'ghost is not one of the features (roadmap.features)'],
      ['evidence of unknown feedback', (r) => (r.features[0]!.evidence[0]!.feedbackRef = 'unheard'), 'roadmap.features.0.evidence.0.feedbackRef', 'unheard is not one of the feedback items (discovery.feedback)'],
      ['a release of an unknown product', (r) => (r.releases[0]!.productRef = 'nothing'), 'roadmap.releases.0.productRef', 'nothing is not one of the products'],
      ['a saved view of a stranger', (r) => (r.views[0]!.ownerRef = 'stranger'), 'roadmap.views.0.ownerRef', 'stranger is not one of the people'],
      ['a capacity twice', (r) => r.capacities.push(r.capacities[0]!), 'roadmap.capacities.3', 'appears twice'],
      ['a pillar of an unknown product', (r) => (r.pillars[0]!.productRef = 'elsewhere'), 'roadmap.pillars.0.productRef', 'elsewhere is not one of the products'],
      ['a pillar name twice in a product', (r) => (r.pillars[1]!.name = 'SPEED'), 'roadmap.pillars.1.name', 'appears twice'],
      ['a feature ref twice', (r) => (r.features[2]!.ref = r.features[0]!.ref), 'roadmap.features.2.ref', 'appears twice'],
      [
        'a dependency cycle',
        (r) => r.dependencies.push({ featureRef: r.features[0]!.ref, dependsOnRef: r.features[2]!.ref, note: '', createdByRef: null, createdAt: new Date().toISOString() }),
        'roadmap.dependencies.2',
        'closes the cycle',
      ],
    ];
    it.each(cases)('%s', async (_what, change, field, message) => {
      const before = (await s.f.admin.get('/api/v1/workspaces')).json<{ total: number }>().total;
      const res = await s.f.admin.post('/api/v1/workspaces/import', broken(change));
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'unprocessable', field });
      expect(res.json<{ message: string }>().message).toContain(`${field}: `);
      expect(res.json<{ message: string }>().message).toContain(message);
      expect((await s.f.admin.get('/api/v1/workspaces')).json<{ total: number }>().total).toBe(before);
    });

    it('answers 400 to evidence that names neither feedback nor an opportunity', async () => {
      const res = await s.f.admin.post(
        '/api/v1/workspaces/import',
        broken((r) => (r.features[0]!.evidence[0]!.feedbackRef = null)),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json<{ field: string }>().field).toBe('roadmap.features.0.evidence.0.feedbackRef');
    });
  });
});
