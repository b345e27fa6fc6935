import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, RepresentExport, WorkspaceExport } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import { decisions, features, jobs, reportShareLinks, requests } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { addMember, workspaceFixture, type Fixture, type TestClient } from '../../test/helpers.js';
import { seedCustomer, seedFeedback } from '../opportunities/discovery.fixtures.js';

const created = (res: { statusCode: number; body: string; json: <T>() => T }): string => {
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
};
const ok = <R extends { statusCode: number; body: string }>(res: R): R => {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res;
};
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The export with every ref replaced by what it names, so two exports of the same content compare
 * equal whatever their ids. Refs also sit inside snapshots (status-update facts, audit changes), so
 * every string that is a known ref is replaced, wherever it is.
 */
function normalize(doc: WorkspaceExport) {
  const names = new Map<string, string>();
  for (const p of doc.people) names.set(p.ref, `person:${p.email}`);
  for (const p of doc.products) {
    names.set(p.ref, `product:${p.name}`);
    for (const c of p.components) names.set(c.ref, `component:${p.name}/${c.name}`);
  }
  const d = doc.discovery!;
  for (const c of d.customers) {
    names.set(c.ref, `customer:${c.name}`);
    for (const x of c.contacts) names.set(x.ref, `contact:${x.name}`);
  }
  for (const x of d.interviews) names.set(x.ref, `interview:${x.title}`);
  for (const x of d.feedback) names.set(x.ref, `feedback:${x.text}`);
  for (const x of d.opportunities) names.set(x.ref, `opportunity:${x.title}`);
  for (const x of d.experiments) names.set(x.ref, `experiment:${x.hypothesis}`);
  const r = doc.roadmap!;
  for (const x of r.pillars) names.set(x.ref, `pillar:${x.name}`);
  for (const x of r.features) names.set(x.ref, `feature:${x.title}`);
  const s = doc.represent!;
  for (const x of s.rationaleTemplates) names.set(x.ref, `rationale:${x.title}`);
  for (const x of s.requests) names.set(x.ref, `request:${x.title}`);
  for (const x of s.decisions) names.set(x.ref, `decision:${x.title}/${x.action}/${x.decidedAt}`);
  for (const x of s.statusUpdates) names.set(x.ref, `update:${x.period}/${x.summary}`);
  for (const x of s.reports) names.set(x.ref, `report:${x.audience}/${x.title}`);
  const byName = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(byName);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, byName(v)]));
    return typeof value === 'string' ? (names.get(value) ?? value) : value;
  };
  const { exportedAt: _at, audit, ...rest } = doc;
  const self = audit.find((a) => a.entityType === 'workspace')?.entityRef;
  return byName({ ...rest, audit: audit.map((a) => (a.entityType === 'workspace' || a.entityRef === self ? { ...a, entityRef: 'workspace:self' } : a)) });
}

interface Source {
  f: Fixture;
  db: Db;
  pm: TestClient & { memberId: string };
  productId: string;
  checkout: string;
  search: string;
  acme: string;
  feedback: string;
  interview: string;
  feature: { pay: string; cart: string };
  pillar: string;
  template: string;
  request: { sso: string; samlToo: string; offline: string; darkMode: string; csv: string };
  decline: string;
  reportIds: { exec: string; customer: string };
  shareToken: string;
  /** An interview id a decision still names as evidence, of a record since deleted. */
  stale: string;
}

/** A workspace with requests in every state, a decision log, a status update and two reports, made through the routes. */
async function representWorkspace(): Promise<Source> {
  const f = await workspaceFixture('Represent source');
  const db = f.app.db;
  const pm = await addMember(f, 'pm', 'Pia PM');
  const productId = created(await f.admin.post(`${f.w}/products`, { name: 'Shop' }));
  const checkout = created(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Checkout', ownerId: pm.memberId }));
  const search = created(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Search' }));
  const acme = await seedCustomer(f, { name: 'Acme', arr: '120000' });
  const globex = await seedCustomer(f, { name: 'Globex', arr: '5000' });
  const feedback = await seedFeedback(f, { text: 'We need SSO before we roll out', customerId: acme, capturedAt: new Date('2025-02-01T10:00:00Z') });
  const interview = created(await f.admin.post(`${f.w}/interviews`, { title: 'Acme security review', date: '2027-01-12' }));
  const pillar = created(await f.admin.post(`${f.w}/pillars`, { productId, name: 'Enterprise', targetShare: 40 }));
  const feature = {
    pay: created(await f.admin.post(`${f.w}/features`, { componentId: checkout, title: 'One-page pay', status: 'in_progress', public: true })),
    cart: created(await f.admin.post(`${f.w}/features`, { componentId: checkout, title: 'Saved carts', status: 'planned' })),
  };
  // The defaults are seeded on the first read; one more template refers to the pillar.
  ok(await f.admin.get(`${f.w}/rationales`));
  const template = created(await f.admin.post(`${f.w}/rationales`, { title: 'Not for enterprise yet', body: 'After the SSO rework.', pillarId: pillar, active: true, position: 20 }));

  const ask = async (body: object) => created(await f.admin.post(`${f.w}/requests`, body));
  const request = {
    sso: await ask({ title: 'SSO with Okta', description: 'For the security team', requesterType: 'customer', contact: { name: 'Carl Customer', email: 'carl@example.com' }, customerIds: [globex, acme], urgency: 'high', desiredDate: '2027-03-01', componentId: checkout }),
    samlToo: await ask({ title: 'SAML login', requesterType: 'executive', requesterId: pm.memberId, productId }),
    offline: await ask({ title: 'Offline mode', requesterType: 'partner', contact: 'Pat Partner', componentId: search }),
    darkMode: await ask({ title: 'Dark mode', requesterType: 'internal', urgency: 'low', componentId: checkout }),
    csv: await ask({ title: 'CSV export', requesterType: 'internal', requesterId: pm.memberId }),
  };
  const decide = async (id: string, body: object) => ok(await f.admin.post(`${f.w}/requests/${id}/decision`, body));
  await decide(request.sso, {
    action: 'accept',
    featureId: feature.pay,
    pillarId: pillar,
    evidence: [
      { type: 'feedback', id: feedback, label: 'Acme asked' },
      { type: 'interview', id: interview },
    ],
  });
  await decide(request.samlToo, { action: 'merge', intoId: request.sso });
  await decide(request.offline, { action: 'defer', revisitOn: future(90) });
  await decide(request.darkMode, { action: 'decline', rationaleId: template, rationale: 'Enterprise first this year.', evidence: [{ type: 'feature', id: feature.cart }] });
  const [declined] = await db.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.workspaceId, f.workspaceId), eq(decisions.action, 'decline')));
  // A decision whose evidence names an objective (the file holds no OKRs) and an interview since deleted:
  // both links are left out of the export, the feature link is kept.
  const stale = newId();
  await db.insert(decisions).values({
    id: newId(),
    workspaceId: f.workspaceId,
    requestId: null,
    title: 'Gift cards',
    action: 'decline',
    rationale: 'Not now.',
    evidence: [
      { type: 'objective', id: newId(), label: 'Grow enterprise' },
      { type: 'interview', id: stale },
      { type: 'feature', id: feature.cart, label: 'Saved carts' },
    ],
    decidedAt: new Date('2020-12-01T10:00:00Z'),
  });

  // A shipped feature and the decline give the status draft facts that name records by id.
  const pay = ok(await f.admin.get(`${f.w}/features/${feature.pay}`)).json<{ version: number }>();
  ok(await f.admin.patch(`${f.w}/features/${feature.pay}`, { status: 'shipped', version: pay.version }));
  const draft = ok(await pm.get(`${f.w}/updates/draft?componentId=${checkout}`)).json<{ period: string; facts: object }>();
  created(await pm.post(`${f.w}/updates`, { componentId: checkout, period: draft.period, health: 'at_risk', summary: 'SSO shipped, dark mode declined', risks: '- Okta limits', facts: draft.facts }));
  created(await f.admin.post(`${f.w}/updates`, { componentId: search, period: '2026-03', health: 'on_track', summary: 'Quiet month' }));

  const exec = created(await f.admin.post(`${f.w}/reports`, { productId, audience: 'executive' }));
  ok(await f.admin.post(`${f.w}/reports/${exec}/publish`, { version: 1 }));
  const customer = created(await f.admin.post(`${f.w}/reports`, { productId, audience: 'customer', title: 'What we shipped' }));
  const link = await f.admin.post(`${f.w}/reports/${exec}/share-links`, { expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
  expect(link.statusCode).toBe(201);
  const shareToken = link.json<{ url: string }>().url.split('/').pop()!;
  return { f, db, pm, productId, checkout, search, acme, feedback, interview, feature, pillar, template, request, decline: declined!.id, reportIds: { exec, customer }, shareToken, stale };
}

describe('workspace export and import: the represent section', () => {
  let s: Source;
  let docA: WorkspaceExport;
  beforeAll(async () => {
    s = await representWorkspace();
    const res = await s.f.admin.get(`${s.f.w}/export`);
    expect(res.statusCode).toBe(200);
    docA = res.json<WorkspaceExport>();
  });

  it('exports the public flag, requests in every state, the decision log, updates and reports', async () => {
    const { f, feature, request, pm, checkout, search, productId, acme, pillar, template, feedback, interview } = s;
    expect(docA.roadmap!.features.map((x) => [x.title, x.public])).toEqual([
      ['One-page pay', true],
      ['Saved carts', false],
    ]);
    const r = docA.represent!;
    expect(r.rationaleTemplates.at(-1)).toMatchObject({ ref: template, title: 'Not for enterprise yet', pillarRef: pillar, active: true, position: 20 });
    expect(r.rationaleTemplates.length).toBeGreaterThan(1);

    expect(r.requests.map((q) => [q.title, q.status])).toEqual([
      ['SSO with Okta', 'accepted'],
      ['SAML login', 'merged'],
      ['Offline mode', 'deferred'],
      ['Dark mode', 'declined'],
      ['CSV export', 'new'],
    ]);
    const globex = docA.discovery!.customers.find((c) => c.name === 'Globex')!.ref;
    expect(r.requests[0]).toMatchObject({
      ref: request.sso,
      description: 'For the security team',
      requesterType: 'customer',
      requesterRef: null,
      contactName: 'Carl Customer',
      contactEmail: 'carl@example.com',
      // In the order of discovery.customers (Acme first), whatever the order they were named in.
      customerRefs: [acme, globex],
      urgency: 'high',
      desiredDate: '2027-03-01',
      productRef: productId,
      componentRef: checkout,
      featureRef: feature.pay,
      mergedIntoRef: null,
      decidedAt: expect.any(String),
      version: 2,
    });
    expect(r.requests[1]).toMatchObject({ requesterType: 'executive', requesterRef: pm.memberId, mergedIntoRef: request.sso, productRef: productId, componentRef: null });
    expect(r.requests[2]).toMatchObject({ contactName: 'Pat Partner', contactEmail: null, revisitOn: future(90), componentRef: search });
    expect(r.requests[4]).toMatchObject({ status: 'new', requesterRef: pm.memberId, decidedByRef: null, decidedAt: null });

    // The log, oldest first: the inserted decision is dated before the others.
    expect(r.decisions.map((d) => [d.title, d.action])).toEqual([
      ['Gift cards', 'decline'],
      ['SSO with Okta', 'accept'],
      ['SAML login', 'merge'],
      ['Offline mode', 'defer'],
      ['Dark mode', 'decline'],
    ]);
    expect(r.decisions[0]!.evidence).toEqual([{ type: 'feature', ref: feature.cart, label: 'Saved carts' }]);
    expect(r.decisions[1]).toMatchObject({
      requestRef: request.sso,
      featureRef: feature.pay,
      pillarRef: pillar,
      evidence: [
        { type: 'feedback', ref: feedback, label: 'Acme asked' },
        { type: 'interview', ref: interview },
      ],
      componentRef: checkout,
      decidedByRef: docA.people.find((p) => p.role === 'admin')!.ref,
    });
    expect(r.decisions[2]).toMatchObject({ requestRef: request.samlToo, intoRequestRef: request.sso });
    expect(r.decisions[3]).toMatchObject({ revisitOn: future(90) });
    expect(r.decisions[4]).toMatchObject({ ref: s.decline, rationaleTemplateRef: template, rationale: 'Enterprise first this year.', pillarRef: pillar });

    expect(r.statusUpdates.map((u) => [u.componentRef, u.health, u.authorRef])).toEqual([
      [checkout, 'at_risk', pm.memberId],
      [search, 'on_track', docA.people.find((p) => p.role === 'admin')!.ref],
    ]);
    const facts = r.statusUpdates[0]!.facts as { shipped: { id: string }[]; declines: { id: string }[] };
    expect(facts.shipped.map((x) => x.id)).toEqual([feature.pay]);
    expect(facts.declines.map((x) => x.id)).toEqual([s.decline]);
    expect(r.statusUpdates[1]!.facts).toEqual({});

    expect(r.reports.map((x) => [x.audience, x.status, x.publishedAt !== null])).toEqual([
      ['executive', 'published', true],
      ['customer', 'draft', false],
    ]);
    const exec = ok(await f.admin.get(`${f.w}/reports/${s.reportIds.exec}`)).json<Report>();
    expect(r.reports[0]).toMatchObject({ ref: s.reportIds.exec, productRef: productId, title: exec.title, from: exec.from, to: exec.to, content: exec.content, version: 2 });

    // Share links are secrets and the outbox is delivery state: neither is in the file.
    const text = JSON.stringify(docA);
    const [link] = await s.db.select().from(reportShareLinks).where(eq(reportShareLinks.reportId, s.reportIds.exec));
    expect(link).toBeDefined();
    // (The link's id may appear in the audit entry about it: the id is not the secret, the token is.)
    expect(s.shareToken.length).toBeGreaterThan(20);
    expect(text.includes(s.shareToken)).toBe(false);
    expect(text.includes(link!.tokenHash)).toBe(false);
    expect(Object.keys(r)).toEqual(['rationaleTemplates', 'requests', 'decisions', 'statusUpdates', 'reports']);
  });

  it('imports into a new workspace with new ids and exports the same document again', async () => {
    const { f, db } = s;
    const res = await f.admin.post('/api/v1/workspaces/import', docA);
    expect(res.statusCode).toBe(201);
    const { workspaceId } = res.json<{ workspaceId: string }>();
    const w2 = `/api/v1/workspaces/${workspaceId}`;
    const docB = ok(await f.admin.get(`${w2}/export`)).json<WorkspaceExport>();

    expect(docB.audit.at(-1)).toMatchObject({ action: 'workspace.import', entityRef: workspaceId });
    expect(normalize({ ...docB, audit: docB.audit.slice(0, -1) })).toEqual(normalize(docA));

    // Nothing in the copy points into the source: every record of A has a new id in B, in facts and audit changes too.
    const ra = docA.represent!;
    const refsA = [s.f.workspaceId, ...docA.people.map((p) => p.ref), ...[...ra.rationaleTemplates, ...ra.requests, ...ra.decisions, ...ra.statusUpdates, ...ra.reports, ...docA.roadmap!.features].map((x) => x.ref)];
    const textB = JSON.stringify(docB);
    expect(refsA.filter((ref) => textB.includes(ref))).toEqual([]);
    const accepted = docB.audit.find((a) => a.action === 'request.accept')!;
    expect(accepted.changes!.decisionId).toBe(docB.represent!.decisions.find((d) => d.action === 'accept')!.ref);

    // The copy works through the routes: the request with everyone who asked, the report, the log.
    const rb = docB.represent!;
    const sso = ok(await f.admin.get(`${w2}/requests/${rb.requests[0]!.ref}`)).json<{ requesters: unknown[]; feature: { title: string }; decisions: { action: string }[]; customers: { name: string }[] }>();
    expect(sso.requesters).toHaveLength(2);
    expect(sso.feature.title).toBe('One-page pay');
    expect(sso.customers.map((c) => c.name)).toEqual(expect.arrayContaining(['Acme', 'Globex']));
    expect(ok(await f.admin.get(`${w2}/reports/${rb.reports[0]!.ref}`)).json<Report>().content).toEqual(ra.reports[0]!.content);
    expect(ok(await f.admin.get(`${w2}/decisions`)).json<{ total: number }>().total).toBe(5);
    expect(ok(await f.admin.get(`${w2}/updates`)).json<{ total: number }>().total).toBe(2);
    expect(await db.select().from(reportShareLinks).where(eq(reportShareLinks.workspaceId, workspaceId))).toEqual([]);
    const [pub] = await db.select({ public: features.public }).from(features).where(and(eq(features.workspaceId, workspaceId), eq(features.title, 'One-page pay')));
    expect(pub!.public).toBe(true);

    // The deferred request comes back into triage in the copy too.
    const revisits = await db.select({ payload: jobs.payload, runAt: jobs.runAt }).from(jobs).where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.kind, 'request.revisit')));
    expect(revisits).toEqual([{ payload: { workspaceId, requestId: rb.requests[2]!.ref, revisitOn: future(90) }, runAt: new Date(`${future(90)}T08:00:00.000Z`) }]);
  });

  it('imports a document written before issue 7: no represent section, no public flag', async () => {
    const { represent: _r, ...old } = structuredClone(docA);
    for (const x of old.roadmap!.features) delete (x as { public?: boolean }).public;
    const res = await s.f.admin.post('/api/v1/workspaces/import', old);
    expect(res.statusCode).toBe(201);
    const { workspaceId } = res.json<{ workspaceId: string }>();
    const doc = ok(await s.f.admin.get(`/api/v1/workspaces/${workspaceId}/export`)).json<WorkspaceExport>();
    expect(doc.roadmap!.features.map((x) => x.public)).toEqual([false, false]);
    expect(doc.represent).toEqual({ rationaleTemplates: [], requests: [], decisions: [], statusUpdates: [], reports: [] });
    expect(await s.db.select().from(requests).where(eq(requests.workspaceId, workspaceId))).toEqual([]);
  });

  describe('refuses a document whose represent references do not hold, with 422, creating nothing', () => {
    const broken = (change: (r: RepresentExport) => void): WorkspaceExport => {
      const doc = structuredClone(docA);
      change(doc.represent!);
      return doc;
    };
    const cases: [string, (r: RepresentExport) => void, string, string][] = [
      ['a request of an unknown customer', (r) => (r.requests[0]!.customerRefs = ['nobody']), 'represent.requests.0.customerRefs', 'nobody is not one of the customers (discovery.customers)'],
      ['a request by a stranger', (r) => (r.requests[4]!.requesterRef = 'stranger'), 'represent.requests.4.requesterRef', 'stranger is not one of the people'],
      ['a request merged into nothing', (r) => (r.requests[1]!.mergedIntoRef = 'gone'), 'represent.requests.1.mergedIntoRef', 'gone is not one of the requests (represent.requests)'],
      ['a request accepted into an unknown feature', (r) => (r.requests[0]!.featureRef = 'vapour'), 'represent.requests.0.featureRef', 'vapour is not one of the features (roadmap.features)'],
      ['a request in a component of another product', (r) => (r.requests[0]!.productRef = null), 'represent.requests.0.componentRef', "is not a component of the request's product"],
      ['a merge cycle', (r) => (r.requests[0]!.mergedIntoRef = r.requests[1]!.ref), 'represent.requests.0.mergedIntoRef', 'closes the merge cycle'],
      ['a decision on an unknown request', (r) => (r.decisions[1]!.requestRef = 'lost'), 'represent.decisions.1.requestRef', 'lost is not one of the requests (represent.requests)'],
      ['a decision from an unknown template', (r) => (r.decisions[4]!.rationaleTemplateRef = 'why'), 'represent.decisions.4.rationaleTemplateRef', 'why is not one of the rationale templates (represent.rationaleTemplates)'],
      ['evidence of an unknown interview', (r) => (r.decisions[1]!.evidence[1]!.ref = 'unheard'), 'represent.decisions.1.evidence.1.ref', 'unheard is not one of the interviews (discovery.interviews)'],
      ['a decision under an unknown pillar', (r) => (r.decisions[1]!.pillarRef = 'column'), 'represent.decisions.1.pillarRef', 'column is not one of the pillars (roadmap.pillars)'],
      ['a template under an unknown pillar', (r) => (r.rationaleTemplates[0]!.pillarRef = 'column'), 'represent.rationaleTemplates.0.pillarRef', 'column is not one of the pillars (roadmap.pillars)'],
      ['an update of an unknown component', (r) => (r.statusUpdates[0]!.componentRef = 'nowhere'), 'represent.statusUpdates.0.componentRef', 'nowhere is not one of the components'],
      ['two updates of one component and period', (r) => r.statusUpdates.push({ ...r.statusUpdates[0]!, ref: 'again' }), 'represent.statusUpdates.2.period', 'appears twice'],
      ['a report of an unknown product', (r) => (r.reports[1]!.productRef = 'nothing'), 'represent.reports.1.productRef', 'nothing is not one of the products'],
      ['a report ref that is a request ref', (r) => (r.reports[0]!.ref = r.requests[0]!.ref), 'represent.reports.0.ref', 'appears twice'],
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

    it('answers 400 to evidence of a kind the file cannot hold and to a report that is not a compiled one', async () => {
      const objective = await s.f.admin.post(
        '/api/v1/workspaces/import',
        broken((r) => (r.decisions[1]!.evidence[0]!.type = 'objective' as 'feedback')),
      );
      expect(objective.statusCode).toBe(400);
      expect(objective.json<{ field: string }>().field).toBe('represent.decisions.1.evidence.0.type');
      const content = await s.f.admin.post(
        '/api/v1/workspaces/import',
        broken((r) => (r.reports[0]!.content = { title: 'Hand-written' })),
      );
      expect(content.statusCode).toBe(400);
      expect(content.json<{ field: string }>().field).toBe('represent.reports.0.content');
    });
  });
});
