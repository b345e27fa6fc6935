import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail, RequestList } from '../../../shared/contracts.js';
import { testDatabase } from '../../test/database.js';
import { addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { decisionRows, insertTemplate, requestRowCount } from './requests.fixtures.js';

type Err = { code: string; message: string; field?: string };

async function auditActions(f: Fixture): Promise<string[]> {
  return (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: { action: string }[] }>().items.map((a) => a.action);
}

/** A product with two components, Search owned by `ownerId`, and a customer. */
async function setup(f: Fixture, ownerId: string | null = null) {
  const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
  const billing = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Billing' })).json<{ id: string }>().id;
  const search = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Search', ownerId })).json<{ id: string }>().id;
  const customerId = (await f.admin.post(`${f.w}/customers`, { name: `Acme ${randomUUID().slice(0, 4)}` })).json<{ id: string }>().id;
  return { productId, billing, search, customerId };
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('requests routes', () => {
  beforeAll(async () => void (await testApp()));

  it('takes requests from contributors up, checking every reference', async () => {
    const f = await workspaceFixture();
    const contributor = await addMember(f, 'contributor', 'Cora Contributor');
    const viewer = await addMember(f, 'viewer');
    const { productId, search, customerId } = await setup(f);

    const own = await contributor.post(`${f.w}/requests`, { title: 'Export to CSV', description: 'For finance', requesterType: 'internal', urgency: 'high', componentId: search });
    expect(own.statusCode).toBe(201);
    expect(own.json<RequestDetail>()).toMatchObject({
      status: 'new',
      urgency: 'high',
      requester: { id: contributor.memberId, name: 'Cora Contributor' },
      submittedBy: { id: contributor.memberId },
      product: { id: productId, name: 'Atlas' },
      component: { id: search, name: 'Search' },
      requesters: [{ member: { id: contributor.memberId }, viaMerged: false }],
      decisions: [],
      version: 1,
    });
    const outside = await contributor.post(`${f.w}/requests`, {
      title: 'SSO',
      requesterType: 'customer',
      contact: { name: 'Carl Customer', email: 'Carl@Example.com' },
      customerIds: [customerId, customerId],
      desiredDate: '2027-03-01',
    });
    expect(outside.statusCode).toBe(201);
    expect(outside.json<RequestDetail>()).toMatchObject({ requester: null, contact: { name: 'Carl Customer', email: 'carl@example.com' }, customers: [{ id: customerId }], customerIds: [customerId], desiredDate: '2027-03-01' });
    const plain = await f.admin.post(`${f.w}/requests`, { title: 'Reseller pricing', requesterType: 'partner', contact: 'Pat Partner' });
    expect(plain.json<RequestDetail>().contact).toEqual({ name: 'Pat Partner', email: null });

    const bad = async (body: object, field: string) => {
      const res = await contributor.post(`${f.w}/requests`, { title: 'Bad', requesterType: 'customer', contact: 'X', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<Err>().field).toBe(field);
    };
    await bad({ title: '' }, 'title');
    await bad({ requesterType: 'boss' }, 'requesterType');
    await bad({ requesterId: randomUUID() }, 'requesterId');
    await bad({ customerIds: [randomUUID()] }, 'customerIds');
    await bad({ componentId: randomUUID() }, 'componentId');
    await bad({ productId: randomUUID() }, 'productId');
    await bad({ desiredDate: '2027-02-30' }, 'desiredDate');
    const otherProduct = (await f.admin.post(`${f.w}/products`, { name: 'Other' })).json<{ id: string }>().id;
    await bad({ productId: otherProduct, componentId: search }, 'componentId');
    expect((await viewer.post(`${f.w}/requests`, { title: 'Viewer', requesterType: 'internal' })).statusCode).toBe(403);
    // Nobody named: the member who logs the ask stands as its requester.
    const logged = await contributor.post(`${f.w}/requests`, { title: 'Heard at a trade show', requesterType: 'customer' });
    expect(logged.statusCode).toBe(201);
    expect(logged.json<RequestDetail>().requesters.map((r) => r.member?.id)).toEqual([contributor.memberId]);
    expect(await requestRowCount((await testDatabase()).db, f.workspaceId)).toBe(4);

    // Another workspace's ids are unknown here.
    const g = await workspaceFixture();
    const foreign = await setup(g);
    const cross = await f.admin.post(`${f.w}/requests`, { title: 'Cross', requesterType: 'customer', customerIds: [foreign.customerId] });
    expect(cross.json<Err>().field).toBe('customerIds');
    expect((await g.admin.get(`${g.w}/requests/${own.json<RequestDetail>().id}`)).statusCode).toBe(404);
    expect((await g.admin.patch(`${g.w}/requests/${own.json<RequestDetail>().id}`, { title: 'Mine now', version: 1 })).statusCode).toBe(404);
    expect((await g.admin.delete(`${g.w}/requests/${own.json<RequestDetail>().id}`)).statusCode).toBe(404);
    expect((await g.admin.post(`${g.w}/requests/${own.json<RequestDetail>().id}/decision`, { action: 'decline', rationale: 'No' })).statusCode).toBe(404);

    expect(await auditActions(f)).toEqual(expect.arrayContaining(['request.create']));
  });

  it('lists with filters, counts and full-text search; edits with versions; deletes', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const contributor = await addMember(f, 'contributor');
    const { billing, search } = await setup(f);
    const make = async (title: string, extra: object = {}) => (await f.admin.post(`${f.w}/requests`, { title, requesterType: 'internal', ...extra })).json<RequestDetail>();
    const a = await make('Faster invoices', { componentId: billing, description: 'Invoices take minutes to render' });
    await make('Search synonyms', { componentId: search });
    await make('Partner API', { requesterType: 'partner', contact: 'Pat' });
    await f.admin.post(`${f.w}/requests/${a.id}/decision`, { action: 'decline', rationale: 'Not our focus this year' });

    const all = (await contributor.get(`${f.w}/requests`)).json<RequestList>();
    expect(all.total).toBe(3);
    expect(all.counts).toEqual({ new: 2, accepted: 0, merged: 0, deferred: 0, declined: 1 });
    expect(all.items.map((r) => r.title)).toEqual(['Partner API', 'Search synonyms', 'Faster invoices']);
    const declined = (await contributor.get(`${f.w}/requests?status=declined`)).json<RequestList>();
    expect(declined.items.map((r) => r.title)).toEqual(['Faster invoices']);
    expect(declined.counts.new).toBe(2);
    expect((await contributor.get(`${f.w}/requests?q=render`)).json<RequestList>().items.map((r) => r.title)).toEqual(['Faster invoices']);
    expect((await contributor.get(`${f.w}/requests?componentId=${search}`)).json<RequestList>().total).toBe(1);
    expect((await contributor.get(`${f.w}/requests?requesterType=partner`)).json<RequestList>().items[0]!.title).toBe('Partner API');
    const page = (await contributor.get(`${f.w}/requests?limit=1&offset=1`)).json<RequestList>();
    expect([page.items.length, page.total, page.items[0]!.title]).toEqual([1, 3, 'Search synonyms']);

    const url = `${f.w}/requests/${a.id}`;
    // The decision moved it to version 2.
    expect((await pm.patch(url, { title: 'Stale', version: 1 })).statusCode).toBe(409);
    const edited = await pm.patch(url, { title: 'Faster invoice rendering', urgency: 'low', componentId: search, version: 2 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<RequestDetail>()).toMatchObject({ title: 'Faster invoice rendering', urgency: 'low', component: { id: search }, version: 3 });
    expect((await pm.patch(url, { title: 'Stale', version: 2 })).statusCode).toBe(409);
    expect((await pm.patch(url, { title: 'No version' })).json<Err>().field).toBe('version');
    expect((await pm.patch(url, { componentId: randomUUID(), version: 3 })).json<Err>().field).toBe('componentId');
    expect((await contributor.patch(url, { title: 'Contributor', version: 3 })).statusCode).toBe(403);
    const cleared = await pm.patch(url, { productId: null, version: 3 });
    expect(cleared.json<RequestDetail>()).toMatchObject({ product: null, component: null });

    expect((await contributor.delete(url)).statusCode).toBe(403);
    expect((await pm.delete(url)).statusCode).toBe(204);
    expect((await pm.get(url)).statusCode).toBe(404);
    // Its decision stays in the log.
    expect((await decisionRows((await testDatabase()).db, f.workspaceId)).map((d) => d.title)).toEqual(['Faster invoices']);
    expect(await auditActions(f)).toEqual(expect.arrayContaining(['request.update', 'request.delete', 'request.decline']));
  });

  it('decides: contributors cannot, a PM only on components they own, the lead anywhere', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pia PM');
    const contributor = await addMember(f, 'contributor');
    const lead = await addMember(f, 'lead');
    const { billing, search } = await setup(f, pm.memberId);
    const mine = (await contributor.post(`${f.w}/requests`, { title: 'Typo tolerance', requesterType: 'internal', componentId: search })).json<RequestDetail>();
    const theirs = (await contributor.post(`${f.w}/requests`, { title: 'Refunds', requesterType: 'internal', componentId: billing })).json<RequestDetail>();
    const nowhere = (await contributor.post(`${f.w}/requests`, { title: 'Dark mode', requesterType: 'internal' })).json<RequestDetail>();
    const decline = { action: 'decline', rationale: 'Not now' };

    expect((await contributor.post(`${f.w}/requests/${mine.id}/decision`, decline)).statusCode).toBe(403);
    expect((await pm.post(`${f.w}/requests/${theirs.id}/decision`, decline)).statusCode).toBe(403);
    expect((await pm.post(`${f.w}/requests/${nowhere.id}/decision`, decline)).statusCode).toBe(403);
    expect((await pm.post(`${f.w}/requests/${randomUUID()}/decision`, decline)).statusCode).toBe(404);
    const ok = await pm.post(`${f.w}/requests/${mine.id}/decision`, decline);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<RequestDetail>()).toMatchObject({ status: 'declined', decidedBy: { id: pm.memberId, name: 'Pia PM' }, decisions: [{ action: 'decline', rationale: 'Not now', decidedBy: { id: pm.memberId } }] });
    expect((await lead.post(`${f.w}/requests/${theirs.id}/decision`, decline)).statusCode).toBe(200);
    expect((await f.admin.post(`${f.w}/requests/${nowhere.id}/decision`, decline)).statusCode).toBe(200);
    expect((await decisionRows((await testDatabase()).db, f.workspaceId)).length).toBe(3);
  });

  it('accepts into an existing feature, a new one, or one made from the request', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const { productId, billing, search } = await setup(f);
    const feature = (await f.admin.post(`${f.w}/features`, { componentId: billing, title: 'Invoice engine v2' })).json<{ id: string }>();
    const make = async (title: string, extra: object = {}) => (await lead.post(`${f.w}/requests`, { title, requesterType: 'executive', ...extra })).json<RequestDetail>();
    const decide = (id: string, body: object) => lead.post(`${f.w}/requests/${id}/decision`, body);

    const a = await make('Faster invoices');
    const linked = (await decide(a.id, { action: 'accept', featureId: feature.id, evidence: [{ type: 'feature', id: feature.id }] })).json<RequestDetail>();
    // The request takes the feature's component when it had none.
    expect(linked).toMatchObject({ status: 'accepted', featureId: feature.id, feature: { id: feature.id, title: 'Invoice engine v2' }, component: { id: billing }, product: { id: productId } });
    expect(linked.decisions[0]).toMatchObject({ action: 'accept', featureId: feature.id, evidence: [{ type: 'feature', id: feature.id }] });

    const b = await make('Saved searches', { componentId: search, description: 'Keep my filters' });
    const fromRequest = (await decide(b.id, { action: 'accept' })).json<RequestDetail>();
    expect(fromRequest.feature).toMatchObject({ title: 'Saved searches', status: 'idea' });
    const made = (await f.admin.get(`${f.w}/features/${fromRequest.featureId}`)).json<{ componentId: string; description: string }>();
    expect(made).toMatchObject({ componentId: search, description: 'Keep my filters' });

    const c = await make('Tax reports');
    expect((await decide(c.id, { action: 'accept' })).json<Err>().field).toBe('componentId');
    const created = (await decide(c.id, { action: 'accept', newFeature: { componentId: billing, title: 'Tax reporting' } })).json<RequestDetail>();
    expect(created.feature).toMatchObject({ title: 'Tax reporting' });

    const d = await make('Bad references');
    expect((await decide(d.id, { action: 'accept', featureId: randomUUID() })).json<Err>().field).toBe('featureId');
    expect((await decide(d.id, { action: 'accept', newFeature: { componentId: randomUUID(), title: 'X' } })).json<Err>().field).toBe('componentId');
    expect((await decide(d.id, { action: 'accept', featureId: feature.id, pillarId: randomUUID() })).json<Err>().field).toBe('pillarId');
    expect((await decide(d.id, { action: 'accept', featureId: feature.id, evidence: [{ type: 'feedback', id: randomUUID() }] })).json<Err>().field).toBe('evidence');
    expect((await decide(d.id, { action: 'ship' })).statusCode).toBe(400);
    const after = (await lead.get(`${f.w}/requests/${d.id}`)).json<RequestDetail>();
    expect([after.status, after.decisions.length, after.version]).toEqual(['new', 0, 1]);
    expect(await auditActions(f)).toEqual(expect.arrayContaining(['request.accept', 'feature.create']));
  });

  it('merges keep every requester, through chains, and merged requests cannot be decided', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const contributor = await addMember(f, 'contributor', 'Cora');
    const { customerId } = await setup(f);
    const make = async (title: string, body: object) => (await contributor.post(`${f.w}/requests`, { title, ...body })).json<RequestDetail>();
    const root = await make('Bulk edit', { requesterType: 'internal' });
    const middle = await make('Edit many at once', { requesterType: 'customer', contact: { name: 'Carl', email: 'carl@example.com' }, customerIds: [customerId] });
    const leaf = await make('Multi-select edits', { requesterType: 'partner', contact: 'Pat Partner' });
    const decide = (id: string, body: object) => lead.post(`${f.w}/requests/${id}/decision`, body);

    // leaf → middle, then middle → root: the root hears from all three.
    expect((await decide(leaf.id, { action: 'merge', intoId: middle.id })).json<RequestDetail>()).toMatchObject({ status: 'merged', mergedIntoId: middle.id, mergedInto: { id: middle.id } });
    expect((await decide(middle.id, { action: 'merge', intoId: root.id })).statusCode).toBe(200);
    const detail = (await lead.get(`${f.w}/requests/${root.id}`)).json<RequestDetail>();
    expect(detail.requesters.map((q) => [q.member?.name ?? q.contact?.name, q.viaMerged])).toEqual([
      ['Cora', false],
      ['Carl', true],
      ['Pat Partner', true],
    ]);
    expect(detail.requesters[1]!.customerIds).toEqual([customerId]);
    expect(detail.merged.map((m) => m.id)).toEqual([middle.id]);
    expect(detail.mergedCount).toBe(1);

    // Merging into a merged request goes to its root.
    const late = await make('Edit in bulk please', { requesterType: 'internal' });
    expect((await decide(late.id, { action: 'merge', intoId: leaf.id })).json<RequestDetail>().mergedIntoId).toBe(root.id);
    expect((await lead.get(`${f.w}/requests/${root.id}`)).json<RequestDetail>().requesters).toHaveLength(4);

    expect((await decide(root.id, { action: 'merge', intoId: root.id })).json<Err>().field).toBe('intoId');
    expect((await decide(root.id, { action: 'merge', intoId: leaf.id })).json<Err>().field).toBe('intoId');
    expect((await decide(root.id, { action: 'merge', intoId: randomUUID() })).json<Err>().field).toBe('intoId');
    const refused = await decide(leaf.id, { action: 'decline', rationale: 'No' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Err>().message).toContain(root.id);

    // The root's decision covers everyone; the decisions rows name the merge targets.
    expect((await decide(root.id, { action: 'decline', rationale: 'Not enough evidence yet' })).statusCode).toBe(200);
    const rows = await decisionRows((await testDatabase()).db, f.workspaceId);
    expect(rows.map((r) => [r.action, r.requestId, r.intoRequestId])).toEqual([
      ['merge', leaf.id, middle.id],
      ['merge', middle.id, root.id],
      ['merge', late.id, root.id],
      ['decline', root.id, null],
    ]);

    // Deleting a merged request moves what was merged into it up the chain.
    expect((await lead.delete(`${f.w}/requests/${middle.id}`)).statusCode).toBe(204);
    expect((await lead.get(`${f.w}/requests/${leaf.id}`)).json<RequestDetail>().mergedIntoId).toBe(root.id);
    expect((await lead.get(`${f.w}/requests/${root.id}`)).json<RequestDetail>().requesters).toHaveLength(3);
  });

  it('accepts, merges and defers with an optional rationale and template, kept in the log and the audit', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const { db } = await testDatabase();
    const { billing } = await setup(f);
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas pillars' })).json<{ id: string }>().id;
    const pillarId = (await f.admin.post(`${f.w}/pillars`, { productId, name: 'Retention', targetShare: 30 })).json<{ id: string }>().id;
    const template = (await f.admin.post(`${f.w}/rationales`, { title: 'Serves retention', body: 'Keeps customers.', pillarId })).json<{ id: string }>().id;
    const feature = (await f.admin.post(`${f.w}/features`, { componentId: billing, title: 'Dunning v2' })).json<{ id: string }>();
    const make = async (title: string) => (await lead.post(`${f.w}/requests`, { title, requesterType: 'internal' })).json<RequestDetail>();
    const decide = (id: string, body: object) => lead.post(`${f.w}/requests/${id}/decision`, body);

    const a = await make('Retry failed cards');
    const b = await make('Later please');
    const c = await make('Retry cards again');
    // A template needs its text; a retired or foreign template is refused.
    expect((await decide(a.id, { action: 'accept', featureId: feature.id, rationaleId: template })).json<Err>().field).toBe('rationale');
    expect((await decide(a.id, { action: 'accept', featureId: feature.id, rationaleId: randomUUID(), rationale: 'x' })).json<Err>().field).toBe('rationaleId');
    expect(await decisionRows(db, f.workspaceId)).toEqual([]);

    const accepted = await decide(a.id, { action: 'accept', featureId: feature.id, rationaleId: template, rationale: '  Churn from failed cards is 2% a month.  ' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<RequestDetail>().decisions[0]).toMatchObject({ action: 'accept', rationale: 'Churn from failed cards is 2% a month.', rationaleTemplateId: template, pillarId });
    const revisitOn = future(20);
    expect((await decide(b.id, { action: 'defer', revisitOn, rationale: 'After the billing migration.' })).json<RequestDetail>().decisions[0]).toMatchObject({ action: 'defer', rationale: 'After the billing migration.', rationaleTemplateId: null, pillarId: null });
    expect((await decide(c.id, { action: 'merge', intoId: a.id, rationale: 'Same ask.' })).json<RequestDetail>().decisions[0]).toMatchObject({ action: 'merge', rationale: 'Same ask.' });
    // Without a rationale they still go through, with an empty one.
    const d = await make('No reason given');
    expect((await decide(d.id, { action: 'defer', revisitOn })).json<RequestDetail>().decisions[0]).toMatchObject({ rationale: '', rationaleTemplateId: null });

    const log = (await lead.get(`${f.w}/decisions?action=accept`)).json<{ items: { rationale: string; template: { title: string } | null; pillar: { name: string } | null }[] }>();
    expect(log.items).toMatchObject([{ rationale: 'Churn from failed cards is 2% a month.', template: { title: 'Serves retention' }, pillar: { name: 'Retention' } }]);
    const entries = (await f.admin.get(`${f.w}/audit-log?limit=50`)).json<{ items: { action: string; changes: Record<string, unknown> | null }[] }>().items;
    expect(entries.find((e) => e.action === 'request.defer' && e.changes?.rationale)?.changes).toMatchObject({ rationale: 'After the billing migration.' });
  });

  it('defers to a future day and declines only with a rationale, writing nothing otherwise', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const { db } = await testDatabase();
    const template = await insertTemplate(db, f.workspaceId, 'Better served by a partner');
    const retired = await insertTemplate(db, f.workspaceId, 'Old reason', false);
    const g = await workspaceFixture();
    const foreignTemplate = await insertTemplate(db, g.workspaceId, 'Elsewhere');
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
    const pillarId = (await f.admin.post(`${f.w}/pillars`, { productId, name: 'Trust', targetShare: 30 })).json<{ id: string }>().id;
    const req = (await lead.post(`${f.w}/requests`, { title: 'White-label', requesterType: 'partner', contact: 'Pat' })).json<RequestDetail>();
    const decide = (body: object) => lead.post(`${f.w}/requests/${req.id}/decision`, body);

    for (const [body, field] of [
      [{ action: 'decline' }, 'rationale'],
      [{ action: 'decline', rationale: '   ' }, 'rationale'],
      [{ action: 'decline', rationaleId: template }, 'rationale'],
      [{ action: 'decline', rationaleId: retired, rationale: 'x' }, 'rationaleId'],
      [{ action: 'decline', rationaleId: foreignTemplate, rationale: 'x' }, 'rationaleId'],
      [{ action: 'defer', revisitOn: new Date().toISOString().slice(0, 10) }, 'revisitOn'],
      [{ action: 'defer', revisitOn: 'soon' }, 'revisitOn'],
    ] as const) {
      const res = await decide(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<Err>().field).toBe(field);
    }
    expect(await decisionRows(db, f.workspaceId)).toEqual([]);
    expect((await lead.get(`${f.w}/requests/${req.id}`)).json<RequestDetail>()).toMatchObject({ status: 'new', version: 1 });

    const revisitOn = future(30);
    const deferred = (await decide({ action: 'defer', revisitOn })).json<RequestDetail>();
    expect(deferred).toMatchObject({ status: 'deferred', revisitOn, decisions: [{ action: 'defer', revisitOn }] });

    // A deferred request can be decided again: declined with a template, which brings its pillar.
    const declined = await decide({ action: 'decline', rationaleId: template, rationale: 'A partner does this better', evidence: [] });
    expect(declined.statusCode).toBe(200);
    expect(declined.json<RequestDetail>()).toMatchObject({ status: 'declined', revisitOn: null });
    expect(declined.json<RequestDetail>().decisions.map((d) => d.action)).toEqual(['decline', 'defer']);
    await decide({ action: 'decline', rationale: 'Still no', pillarId });
    const rows = await decisionRows(db, f.workspaceId);
    expect(rows.map((r) => [r.action, r.rationale, r.rationaleTemplateId, r.pillarId, r.title])).toEqual([
      ['defer', '', null, null, 'White-label'],
      ['decline', 'A partner does this better', template, null, 'White-label'],
      ['decline', 'Still no', null, pillarId, 'White-label'],
    ]);
    expect(rows.every((r) => r.decidedById === lead.memberId)).toBe(true);
    expect(await auditActions(f)).toEqual(expect.arrayContaining(['request.defer', 'request.decline']));
  });
});
