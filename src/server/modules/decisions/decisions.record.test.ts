import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Decision, DecisionList, RequestDetail, WontDo } from '../../../shared/contracts.js';
import { addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';

type Err = { code: string; message: string; field?: string };
type Audit = { action: string; entityType: string; entityId: string | null; summary: string; changes: Record<string, unknown> | null };

/** A product with Billing (owned by a PM) and Search (owned by nobody), a feature in each, a pillar and a template. */
async function world(f: Fixture) {
  const lead = await addMember(f, 'lead', 'Lena Lead');
  const pm = await addMember(f, 'pm', 'Pablo PM');
  const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
  const billing = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Billing', ownerId: pm.memberId })).json<{ id: string }>().id;
  const search = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Search' })).json<{ id: string }>().id;
  const invoices = (await f.admin.post(`${f.w}/features`, { componentId: billing, title: 'Invoice export', horizon: 'now' })).json<{ id: string }>().id;
  const facets = (await f.admin.post(`${f.w}/features`, { componentId: search, title: 'Faceted search', horizon: 'next' })).json<{ id: string }>().id;
  const pillarId = (await f.admin.post(`${f.w}/pillars`, { productId, name: 'Self-serve', targetShare: 30 })).json<{ id: string }>().id;
  const template = (await f.admin.post(`${f.w}/rationales`, { title: `Sequencing ${randomUUID().slice(0, 6)}`, body: 'Something else must land first.', pillarId })).json<{ id: string }>().id;
  return { lead, pm, productId, billing, search, invoices, facets, pillarId, template };
}

async function audit(f: Fixture): Promise<Audit[]> {
  return (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: Audit[] }>().items;
}

describe('roadmap decisions', () => {
  beforeAll(async () => void (await testApp()));

  it('records a roadmap decision with its rationale, template, pillar and evidence; the log lists, filters and finds it', async () => {
    const f = await workspaceFixture();
    const { lead, billing, search, invoices, facets, pillarId, template } = await world(f);

    const res = await lead.post(`${f.w}/decisions`, {
      featureId: facets,
      rationaleId: template,
      rationale: '  Facets wait for the new relevance index.  ',
      evidence: [{ type: 'feature', id: invoices }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Decision>();
    expect(d).toMatchObject({
      action: 'roadmap',
      title: 'Faceted search',
      requestId: null,
      requestStatus: null,
      rationale: 'Facets wait for the new relevance index.',
      template: { id: template },
      // The template's pillar justifies it when none is given.
      pillar: { id: pillarId, name: 'Self-serve' },
      evidence: [{ type: 'feature', id: invoices, label: 'Invoice export' }],
      feature: { id: facets, title: 'Faceted search' },
      intoRequest: null,
      revisitOn: null,
      component: { id: search, name: 'Search' },
      decidedBy: { id: lead.memberId, name: 'Lena Lead' },
    });
    expect(Date.parse(d.decidedAt)).toBeGreaterThan(Date.now() - 60_000);

    // Another, about the Billing feature, with no template.
    const second = (await lead.post(`${f.w}/decisions`, { featureId: invoices, rationale: 'Kept in Now: three enterprise renewals hinge on it.' })).json<Decision>();
    expect(second).toMatchObject({ template: null, pillar: null, evidence: [], component: { id: billing } });

    // The log lists both, filters by the new action and finds them by their rationale.
    const log = (await f.admin.get(`${f.w}/decisions`)).json<DecisionList>();
    expect(log.items.map((x) => x.id)).toEqual([second.id, d.id]);
    expect(log.items[1]).toEqual(d);
    // A triage decision, for the filter to leave out.
    const request = (await lead.post(`${f.w}/requests`, { title: 'Faster search', requesterType: 'internal', componentId: search })).json<RequestDetail>();
    expect((await lead.post(`${f.w}/requests/${request.id}/decision`, { action: 'decline', rationale: 'Search is fast enough' })).statusCode).toBe(200);
    const ids = async (query: string) => (await f.admin.get(`${f.w}/decisions?${query}`)).json<DecisionList>().items.map((x) => x.id);
    expect(await ids('action=roadmap')).toEqual([second.id, d.id]);
    expect((await ids('action=decline')).length).toBe(1);
    expect(await ids('q=relevance%20index')).toEqual([d.id]);
    expect(await ids('q=renewals')).toEqual([second.id]);
    expect(await ids(`pillarId=${pillarId}`)).toEqual([d.id]);
    expect(await ids(`componentId=${billing}`)).toEqual([second.id]);

    // The won't-do registry is for declined asks only.
    const registry = (await f.admin.get(`${f.w}/wont-do`)).json<WontDo>();
    expect(registry.items.map((i) => i.title)).toEqual(['Faster search']);
    expect(registry.deferred).toEqual([]);

    // Audited on the decision, with the rationale; the feature's history (read by viewers) does not carry it.
    const entry = (await audit(f)).find((a) => a.action === 'decision.record' && a.entityId === d.id);
    expect(entry).toMatchObject({ entityType: 'decision', summary: expect.stringContaining('“Faceted search”'), changes: { featureId: facets, rationale: 'Facets wait for the new relevance index.' } });
    const history = (await f.admin.get(`${f.w}/features/${facets}/history`)).json<{ items: { action: string }[] }>().items;
    expect(history.map((h) => h.action)).not.toContain('decision.record');
  });

  it('refuses a missing rationale and foreign or inactive references, naming the field, writing nothing', async () => {
    const f = await workspaceFixture();
    const { lead, facets, template } = await world(f);
    const g = await workspaceFixture('Other');
    const foreignTemplate = (await g.admin.post(`${g.w}/rationales`, { title: 'Elsewhere' })).json<{ id: string }>().id;
    const retired = (await f.admin.post(`${f.w}/rationales`, { title: 'Retired reason', active: false })).json<{ id: string }>().id;

    for (const [body, field, message] of [
      [{ featureId: facets }, 'rationale', /rationale/],
      [{ featureId: facets, rationale: '   ' }, 'rationale', /must not be empty/],
      [{ featureId: facets, rationaleId: template }, 'rationale', /rationale/],
      [{ featureId: facets, rationale: 'x'.repeat(5001) }, 'rationale', /at most 5000/],
      [{ featureId: facets, rationale: 'Why', rationaleId: retired }, 'rationaleId', /no such active rationale template/],
      [{ featureId: facets, rationale: 'Why', rationaleId: foreignTemplate }, 'rationaleId', /no such active rationale template/],
      [{ featureId: facets, rationale: 'Why', pillarId: randomUUID() }, 'pillarId', /no such pillar/],
      [{ featureId: facets, rationale: 'Why', evidence: [{ type: 'feedback', id: randomUUID() }] }, 'evidence', /item 1 names no feedback/],
      [{ featureId: 'not-a-uuid', rationale: 'Why' }, 'featureId', /featureId/],
      [{ rationale: 'Why' }, 'featureId', /featureId/],
    ] as const) {
      const res = await lead.post(`${f.w}/decisions`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<Err>().field, JSON.stringify(body)).toBe(field);
      expect(res.json<Err>().message).toMatch(message);
    }
    expect((await f.admin.get(`${f.w}/decisions`)).json<DecisionList>().total).toBe(0);
    expect((await audit(f)).filter((a) => a.action === 'decision.record')).toEqual([]);
  });

  it('lets the lead record about any feature and a PM only about features of a component they own; 404 across workspaces', async () => {
    const f = await workspaceFixture();
    const { lead, pm, invoices, facets } = await world(f);
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');
    const body = (featureId: string) => ({ featureId, rationale: 'Dropped: the pilot showed nobody needs it.' });

    expect((await contributor.post(`${f.w}/decisions`, body(invoices))).statusCode).toBe(403);
    expect((await viewer.post(`${f.w}/decisions`, body(invoices))).statusCode).toBe(403);
    const refused = await pm.post(`${f.w}/decisions`, body(facets));
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Err>().code).toBe('forbidden');
    const own = await pm.post(`${f.w}/decisions`, body(invoices));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json<Decision>().decidedBy).toMatchObject({ id: pm.memberId, name: 'Pablo PM' });
    expect((await lead.post(`${f.w}/decisions`, body(facets))).statusCode).toBe(201);

    // A feature of another workspace is not found, from either side.
    const other = await workspaceFixture('Other');
    const gone = await other.admin.post(`${other.w}/decisions`, body(facets));
    expect(gone.statusCode).toBe(404);
    expect(gone.json<Err>().message).toBe('Feature not found');
    expect((await lead.post(`${f.w}/decisions`, body(randomUUID()))).statusCode).toBe(404);
    expect((await other.admin.get(`${other.w}/decisions`)).json<DecisionList>().total).toBe(0);
    expect((await f.admin.get(`${f.w}/decisions?action=roadmap`)).json<DecisionList>().total).toBe(2);
  });

  it("lists a feature's decisions: roadmap decisions and the requests accepted into it", async () => {
    const f = await workspaceFixture();
    const { lead, invoices, facets, billing } = await world(f);
    const request = (await lead.post(`${f.w}/requests`, { title: 'CSV invoices', requesterType: 'customer', contact: 'Carla', componentId: billing })).json<RequestDetail>();
    expect((await lead.post(`${f.w}/requests/${request.id}/decision`, { action: 'accept', featureId: invoices, rationale: 'Asked by our three largest accounts' })).statusCode).toBe(200);
    const roadmap = (await lead.post(`${f.w}/decisions`, { featureId: invoices, rationale: 'Moved to Next: tax rules first.' })).json<Decision>();
    await lead.post(`${f.w}/decisions`, { featureId: facets, rationale: 'Not this one' });

    const list = (await lead.get(`${f.w}/features/${invoices}/decisions`)).json<DecisionList>();
    expect(list.total).toBe(2);
    expect(list.items.map((d) => [d.action, d.title, d.rationale])).toEqual([
      ['roadmap', 'Invoice export', 'Moved to Next: tax rules first.'],
      ['accept', 'CSV invoices', 'Asked by our three largest accounts'],
    ]);
    expect(list.items[0]).toEqual(roadmap);
    expect((await lead.get(`${f.w}/features/${invoices}/decisions?limit=1&offset=1`)).json<DecisionList>()).toMatchObject({ total: 2, items: [{ action: 'accept' }] });
    expect((await lead.get(`${f.w}/features/${invoices}/decisions?limit=1`)).json<DecisionList>()).toMatchObject({ total: 2, items: [{ action: 'roadmap' }] });

    const viewer = await addMember(f, 'viewer');
    expect((await viewer.get(`${f.w}/features/${invoices}/decisions`)).statusCode).toBe(403);
    const other = await workspaceFixture('Other');
    expect((await other.admin.get(`${other.w}/features/${invoices}/decisions`)).statusCode).toBe(404);
    expect((await lead.get(`${f.w}/features/${randomUUID()}/decisions`)).statusCode).toBe(404);
  });
});
