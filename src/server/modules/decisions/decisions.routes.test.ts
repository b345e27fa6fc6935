import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecisionList, WontDo } from '../../../shared/contracts.js';
import { addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { insertDecision, insertDecisions, insertRequest } from './decisions.fixtures.js';

type Err = { code: string; message: string; field?: string };

/** A product with a component, a pillar, a feature, a customer, a lead and the default rationales. */
async function world(f: Fixture) {
  const lead = await addMember(f, 'lead', 'Lena Lead');
  const pm = await addMember(f, 'pm', 'Pablo PM');
  const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
  const componentId = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Billing' })).json<{ id: string }>().id;
  const pillarId = (await f.admin.post(`${f.w}/pillars`, { productId, name: 'Self-serve', targetShare: 30 })).json<{ id: string }>().id;
  const featureId = (await f.admin.post(`${f.w}/features`, { componentId, title: 'Invoice export' })).json<{ id: string }>().id;
  const customer = async (name: string) => (await f.admin.post(`${f.w}/customers`, { name })).json<{ id: string }>().id;
  const templates = (await lead.get(`${f.w}/rationales`)).json<{ items: { id: string; title: string }[] }>().items;
  return { lead, pm, productId, componentId, pillarId, featureId, customer, templates };
}

describe('decisions routes', () => {
  beforeAll(async () => void (await testApp()));

  it('searches and filters the decision log, newest first, with who, why and labelled evidence', async () => {
    const f = await workspaceFixture();
    const { lead, pm, componentId, pillarId, featureId, templates } = await world(f);
    const workspaceId = f.workspaceId;
    const requestId = await insertRequest({ workspaceId, title: 'Offline mode for the mobile app', status: 'declined', componentId });
    const goneEvidence = randomUUID();
    await insertDecision({
      workspaceId,
      requestId,
      title: 'Offline mode for the mobile app',
      action: 'decline',
      rationale: 'Offline sync would eat a quarter; no pillar needs it.',
      rationaleTemplateId: templates[0]!.id,
      pillarId,
      componentId,
      evidence: [
        { type: 'feature', id: featureId },
        { type: 'interview', id: goneEvidence, label: 'Call with Acme' },
        { type: 'opportunity', id: randomUUID() },
      ],
      decidedById: lead.memberId,
      decidedAt: new Date('2027-02-10T10:00:00Z'),
    });
    await insertDecision({ workspaceId, requestId: null, title: 'Dark mode for invoices', action: 'accept', featureId, rationale: 'Cheap and asked by many.', decidedById: pm.memberId, componentId, decidedAt: new Date('2027-03-01T09:00:00Z') });
    await insertDecision({ workspaceId, title: 'SAML for small teams', action: 'defer', revisitOn: '2027-06-01', rationale: 'After the SSO rework.', decidedById: lead.memberId, decidedAt: new Date('2027-01-05T09:00:00Z') });
    // Another workspace's decision never shows.
    const other = await workspaceFixture('Other');
    await insertDecision({ workspaceId: other.workspaceId, title: 'Offline mode elsewhere', action: 'decline', rationale: 'Offline' });

    const all = (await pm.get(`${f.w}/decisions`)).json<DecisionList>();
    expect(all.total).toBe(3);
    expect(all.items.map((d) => d.title)).toEqual(['Dark mode for invoices', 'Offline mode for the mobile app', 'SAML for small teams']);
    const decline = all.items[1]!;
    expect(decline).toMatchObject({
      action: 'decline',
      requestId,
      requestStatus: 'declined',
      template: { id: templates[0]!.id, title: 'Does not serve a current pillar' },
      pillar: { id: pillarId, name: 'Self-serve' },
      component: { id: componentId, name: 'Billing' },
      decidedBy: { id: lead.memberId, name: 'Lena Lead' },
      decidedAt: '2027-02-10T10:00:00.000Z',
    });
    expect(decline.evidence.map((e) => e.label)).toEqual(['Invoice export', 'Call with Acme', 'Opportunity']);
    expect(all.items[0]).toMatchObject({ feature: { id: featureId, title: 'Invoice export' }, decidedBy: { name: 'Pablo PM' } });
    expect(all.items[2]).toMatchObject({ revisitOn: '2027-06-01', requestId: null, template: null });

    const titles = async (query: string) => (await pm.get(`${f.w}/decisions?${query}`)).json<DecisionList>().items.map((d) => d.title);
    expect(await titles('q=offline')).toEqual(['Offline mode for the mobile app']);
    expect(await titles('q=quarter%20pillar')).toEqual(['Offline mode for the mobile app']); // stemmed, in the rationale
    expect(await titles('q=%22asked%20by%20many%22')).toEqual(['Dark mode for invoices']);
    expect(await titles('q=offline%20-mobile')).toEqual([]);
    expect(await titles('action=defer')).toEqual(['SAML for small teams']);
    expect(await titles(`decidedById=${lead.memberId}`)).toEqual(['Offline mode for the mobile app', 'SAML for small teams']);
    expect(await titles(`pillarId=${pillarId}`)).toEqual(['Offline mode for the mobile app']);
    expect(await titles(`componentId=${componentId}`)).toEqual(['Dark mode for invoices', 'Offline mode for the mobile app']);
    expect(await titles('from=2027-02-10&to=2027-02-28')).toEqual(['Offline mode for the mobile app']);
    expect(await titles('to=2027-02-09')).toEqual(['SAML for small teams']);

    const paged = (await pm.get(`${f.w}/decisions?limit=1&offset=1`)).json<DecisionList>();
    expect(paged).toMatchObject({ total: 3, items: [{ title: 'Offline mode for the mobile app' }] });
    expect((await pm.get(`${f.w}/decisions?limit=1&offset=9`)).json<DecisionList>()).toEqual({ items: [], total: 3 });

    const bad = await pm.get(`${f.w}/decisions?action=approve`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Err>().message).toMatch(/action/);
    expect((await pm.get(`${f.w}/decisions?from=2027-02-30`)).statusCode).toBe(400);
    const viewer = await addMember(f, 'viewer');
    expect((await viewer.get(`${f.w}/decisions`)).statusCode).toBe(403);
    expect((await other.admin.get(`${other.w}/decisions`)).json<DecisionList>().items.map((d) => d.title)).toEqual(['Offline mode elsewhere']);
  });

  it('pages a larger log with a stable order and an exact total', async () => {
    const f = await workspaceFixture();
    const base = Date.parse('2027-01-01T00:00:00Z');
    await insertDecisions(
      Array.from({ length: 120 }, (_, i) => ({
        workspaceId: f.workspaceId,
        title: `${i % 3 === 0 ? 'Billing' : 'Search'} ask ${i}`,
        action: i % 2 ? 'decline' : 'accept',
        rationale: 'r',
        decidedAt: new Date(base + i * 60_000),
      })),
    );
    const page = (await f.admin.get(`${f.w}/decisions?q=billing&limit=10&offset=10`)).json<DecisionList>();
    expect(page.total).toBe(40);
    expect(page.items[0]!.title).toBe('Billing ask 87');
    expect((await f.admin.get(`${f.w}/decisions?action=decline&limit=5`)).json<DecisionList>().total).toBe(60);
  });

  it("lists the won't-do registry with requester counts that include merged requests, and the deferred list", async () => {
    const f = await workspaceFixture();
    const { lead, pillarId, featureId, customer, templates, componentId } = await world(f);
    const workspaceId = f.workspaceId;
    const acme = await customer('Acme');
    const globex = await customer('Globex');
    const initech = await customer('Initech');

    const declined = await insertRequest({ workspaceId, title: 'White-label the mobile app', description: 'Our logo everywhere', status: 'declined', requesterType: 'partner', componentId }, [acme]);
    const merged = await insertRequest({ workspaceId, title: 'Custom branding', status: 'merged', mergedIntoId: declined }, [globex, acme]);
    await insertRequest({ workspaceId, title: 'Branding on PDFs', status: 'merged', mergedIntoId: merged }, [initech]);
    await insertDecision({ workspaceId, requestId: declined, title: 'White-label the mobile app', action: 'defer', revisitOn: '2027-01-01', rationale: 'Later', decidedAt: new Date('2027-01-01T00:00:00Z') });
    await insertDecision({
      workspaceId,
      requestId: declined,
      title: 'White-label the mobile app',
      action: 'decline',
      rationale: 'Resellers are better served by our partner program.',
      rationaleTemplateId: templates[2]!.id,
      pillarId,
      evidence: [{ type: 'feature', id: featureId }],
      decidedById: lead.memberId,
      decidedAt: new Date('2027-02-01T00:00:00Z'),
    });
    const lone = await insertRequest({ workspaceId, title: 'Fax support', status: 'declined', requesterType: 'executive' });
    await insertDecision({ workspaceId, requestId: lone, title: 'Fax support', action: 'decline', rationale: 'Nobody else uses fax.', decidedById: lead.memberId, decidedAt: new Date('2027-01-15T00:00:00Z') });
    await insertRequest({ workspaceId, title: 'Accepted thing', status: 'accepted' });
    const due = await insertRequest({ workspaceId, title: 'SSO for everyone', status: 'deferred', revisitOn: '2020-01-01' });
    await insertDecision({ workspaceId, requestId: due, title: 'SSO for everyone', action: 'defer', revisitOn: '2020-01-01', rationale: 'After the auth rework', decidedById: lead.memberId });
    await insertRequest({ workspaceId, title: 'Mobile offline', status: 'deferred', revisitOn: '2999-01-01' });
    const other = await workspaceFixture('Other');
    await insertRequest({ workspaceId: other.workspaceId, title: 'White-label elsewhere', status: 'declined' });

    const contributor = await addMember(f, 'contributor');
    const reg = (await contributor.get(`${f.w}/wont-do`)).json<WontDo>();
    expect(reg.total).toBe(2);
    expect(reg.items.map((i) => i.title)).toEqual(['White-label the mobile app', 'Fax support']);
    expect(reg.items[0]).toMatchObject({
      requestId: declined,
      requesterType: 'partner',
      requesterCount: 3,
      customers: [{ id: acme, name: 'Acme' }, { id: globex, name: 'Globex' }, { id: initech, name: 'Initech' }],
      rationale: 'Resellers are better served by our partner program.',
      template: { title: 'Better served by a partner' },
      pillar: { name: 'Self-serve' },
      evidence: [{ type: 'feature', id: featureId, label: 'Invoice export' }],
      decidedBy: { name: 'Lena Lead' },
      decidedAt: '2027-02-01T00:00:00.000Z',
    });
    expect(reg.items[1]).toMatchObject({ requesterCount: 1, customers: [], rationale: 'Nobody else uses fax.', template: null });
    expect(reg.deferred.map((d) => [d.title, d.due, d.revisitOn])).toEqual([
      ['SSO for everyone', true, '2020-01-01'],
      ['Mobile offline', false, '2999-01-01'],
    ]);
    expect(reg.deferred[0]).toMatchObject({ rationale: 'After the auth rework', decidedBy: { name: 'Lena Lead' } });

    const search = async (q: string) => (await contributor.get(`${f.w}/wont-do?q=${encodeURIComponent(q)}`)).json<WontDo>();
    expect((await search('partner program')).items.map((i) => i.title)).toEqual(['White-label the mobile app']); // in the rationale
    expect((await search('fax')).items.map((i) => i.title)).toEqual(['Fax support']);
    const mobile = await search('mobile');
    expect(mobile.items.map((i) => i.title)).toEqual(['White-label the mobile app']);
    expect(mobile.deferred.map((d) => d.title)).toEqual(['Mobile offline']);
    expect((await contributor.get(`${f.w}/wont-do?limit=1&offset=1`)).json<WontDo>()).toMatchObject({ total: 2, items: [{ title: 'Fax support' }] });
    expect((await contributor.get(`${f.w}/wont-do?limit=1&offset=5`)).json<WontDo>()).toMatchObject({ total: 2, items: [] });
    expect((await other.admin.get(`${other.w}/wont-do`)).json<WontDo>().items.map((i) => i.title)).toEqual(['White-label elsewhere']);
    const viewer = await addMember(f, 'viewer');
    expect((await viewer.get(`${f.w}/wont-do`)).statusCode).toBe(403);
    expect((await contributor.get(`${f.w}/wont-do?limit=0`)).statusCode).toBe(400);
  });
  it('keeps the total of a long log right after a decision through the API, and after a roadmap decision', async () => {
    const f = await workspaceFixture();
    const { lead, componentId, featureId } = await world(f);
    const workspaceId = f.workspaceId;
    await insertDecisions([0, 1].map((i) => ({ workspaceId, title: `Old ask ${i}`, action: 'decline' as const, rationale: 'Not now.', decidedAt: new Date(`2027-01-0${i + 1}T09:00:00Z`) })));
    const total = async (query = '') => (await lead.get(`${f.w}/decisions?limit=1${query}`)).json<DecisionList>().total;
    // The first read counts (and keeps) the total of a log longer than the page.
    expect(await total()).toBe(2);
    expect(await total('&action=decline')).toBe(2);
    const requestId = (await lead.post(`${f.w}/requests`, { title: 'Blockchain receipts', requesterType: 'executive', componentId })).json<{ id: string }>().id;
    const declined = await lead.post(`${f.w}/requests/${requestId}/decision`, { action: 'decline', rationale: 'Serves no pillar.' });
    expect(declined.statusCode).toBe(200);
    expect(await total()).toBe(3);
    expect(await total('&action=decline')).toBe(3);
    const recorded = await lead.post(`${f.w}/decisions`, { featureId, rationale: 'Moved to Next: the invoice rework comes first.' });
    expect(recorded.statusCode).toBe(201);
    expect(await total()).toBe(4);
    expect(await total('&action=decline')).toBe(3);
    expect(await total('&action=roadmap')).toBe(1);
  });
});
