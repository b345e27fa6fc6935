import { describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { TestClient, addMember, workspaceFixture, type Fixture } from '../../test/helpers.js';

type Item = { id: string; text: string; version: number; snippet: string | null; customer: { name: string } | null; opportunityCount: number; status: string; tags: string[] };

async function component(f: Fixture, ownerId?: string): Promise<string> {
  const productId = (await f.admin.post(`${f.w}/products`, { name: `P ${newId().slice(0, 6)}` })).json<{ id: string }>().id;
  return (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Checkout', ...(ownerId ? { ownerId } : {}) })).json<{ id: string }>().id;
}

async function link(f: Fixture, feedbackId: string, title: string): Promise<string> {
  const opportunityId = (await f.admin.post(`${f.w}/opportunities`, { title })).json<{ id: string }>().id;
  await linkTo(f, opportunityId, feedbackId);
  return opportunityId;
}

async function linkTo(f: Fixture, opportunityId: string, feedbackId: string): Promise<void> {
  const res = await f.admin.post(`${f.w}/opportunities/${opportunityId}/evidence`, { feedbackId });
  if (res.statusCode !== 201) throw new Error(`link: ${res.statusCode} ${res.body}`);
}

describe('feedback routes', () => {
  it('captures feedback with customer, contact, tags and components, and reads it back', async () => {
    const f = await workspaceFixture();
    const contributor = await addMember(f, 'contributor', 'Cora Contributor');
    const customerId = (await f.admin.post(`${f.w}/customers`, { name: 'Acme', segment: 'Enterprise' })).json<{ id: string }>().id;
    const contactId = (await f.admin.post(`${f.w}/customers/${customerId}/contacts`, { name: 'Sam' })).json<{ id: string }>().id;
    const componentId = await component(f);
    const res = await contributor.post(`${f.w}/feedback`, {
      text: 'Exporting to CSV takes forever',
      source: 'support',
      contactId,
      tags: ['export', ' export ', 'perf'],
      componentIds: [componentId],
      importance: 3,
      capturedAt: '2024-05-01T10:00:00Z',
    });
    expect(res.statusCode).toBe(201);
    const made = res.json<{ id: string }>();
    expect(res.json()).toMatchObject({
      status: 'new',
      importance: 3,
      tags: ['export', 'perf'],
      customer: { id: customerId, name: 'Acme', segment: 'Enterprise' },
      contact: { id: contactId, name: 'Sam' },
      capturedBy: { name: 'Cora Contributor' },
      capturedAt: '2024-05-01T10:00:00.000Z',
      components: [{ id: componentId, name: 'Checkout' }],
      evidence: [],
      requesters: [{ id: customerId, name: 'Acme' }],
      version: 1,
    });
    await link(f, made.id, 'Slow exports');
    const read = await contributor.get(`${f.w}/feedback/${made.id}`);
    expect(read.json()).toMatchObject({ evidence: [{ title: 'Slow exports' }] });
    expect((await f.admin.get(`${f.w}/customers/${customerId}`)).json<{ feedbackCount: number }>().feedbackCount).toBe(1);
  });

  it('answers 400 naming the field, 401, 403 and 404 across workspaces', async () => {
    const f = await workspaceFixture();
    const other = await workspaceFixture();
    const viewer = await addMember(f, 'viewer');
    const bad = async (body: object, field: string, message?: string) => {
      const res = await f.admin.post(`${f.w}/feedback`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ field: string }>().field).toBe(field);
      if (message) expect(res.json<{ message: string }>().message).toBe(message);
    };
    await bad({ text: '  ', source: 'sales' }, 'text', 'text: must not be empty');
    await bad({ text: 'x', source: 'hallway' }, 'source');
    await bad({ text: 'x', source: 'sales', importance: 5 }, 'importance', 'importance: must be 1 to 4');
    await bad({ text: 'x', source: 'sales', capturedAt: 'yesterday' }, 'capturedAt', 'capturedAt: must be an ISO 8601 timestamp');
    const foreignCustomer = (await other.admin.post(`${other.w}/customers`, { name: 'Theirs' })).json<{ id: string }>().id;
    await bad({ text: 'x', source: 'sales', customerId: foreignCustomer }, 'customerId', 'customerId: is not a customer of this workspace');
    await bad({ text: 'x', source: 'sales', componentIds: [await component(other)] }, 'componentIds');
    expect((await new TestClient(f.app).post(`${f.w}/feedback`, { text: 'x', source: 'sales' })).statusCode).toBe(401);
    expect((await viewer.post(`${f.w}/feedback`, { text: 'x', source: 'sales' })).statusCode).toBe(403);
    expect((await viewer.get(`${f.w}/feedback`)).statusCode).toBe(403);
    const id = (await f.admin.post(`${f.w}/feedback`, { text: 'Secret wish', source: 'sales' })).json<{ id: string }>().id;
    const cross = await other.admin.get(`${other.w}/feedback/${id}`);
    expect(cross.statusCode).toBe(404);
    expect(cross.body).not.toContain('Secret');
    expect((await other.admin.patch(`${other.w}/feedback/${id}`, { status: 'archived', version: 1 })).statusCode).toBe(404);
    expect((await other.admin.post(`${other.w}/feedback/bulk`, { ids: [id], action: 'archive' })).statusCode).toBe(404);
    expect((await other.admin.delete(`${other.w}/feedback/${id}`)).statusCode).toBe(404);
    expect((await f.admin.get(`${f.w}/feedback?cursor=garbage`)).json()).toMatchObject({ field: 'cursor' });
  });

  it('lets a PM triage untriaged or own feedback only; 409 on a stale version', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const otherPm = await addMember(f, 'pm');
    const contributor = await addMember(f, 'contributor');
    const mine = await component(f, pm.memberId);
    const theirs = await component(f, otherPm.memberId);
    const loose = (await f.admin.post(`${f.w}/feedback`, { text: 'Loose', source: 'sales' })).json<{ id: string }>().id;
    const owned = (await f.admin.post(`${f.w}/feedback`, { text: 'Owned', source: 'sales', componentIds: [theirs] })).json<{ id: string }>().id;
    const triaged = await pm.patch(`${f.w}/feedback/${loose}`, { status: 'triaged', componentIds: [mine], tags: ['a'], version: 1 });
    expect(triaged.statusCode).toBe(200);
    expect(triaged.json()).toMatchObject({ status: 'triaged', tags: ['a'], components: [{ id: mine }], version: 2 });
    expect((await pm.patch(`${f.w}/feedback/${loose}`, { importance: 4, version: 1 })).statusCode).toBe(409);
    expect((await pm.patch(`${f.w}/feedback/${owned}`, { status: 'archived', version: 1 })).statusCode).toBe(403);
    expect((await contributor.patch(`${f.w}/feedback/${loose}`, { status: 'archived', version: 2 })).statusCode).toBe(403);
    expect((await otherPm.patch(`${f.w}/feedback/${owned}`, { text: 'Owned, edited', version: 1 })).json()).toMatchObject({ text: 'Owned, edited', version: 2 });
    expect((await pm.delete(`${f.w}/feedback/${loose}`)).statusCode).toBe(403);
    expect((await f.admin.delete(`${f.w}/feedback/${loose}`)).statusCode).toBe(204);
    expect((await f.admin.get(`${f.w}/feedback/${loose}`)).statusCode).toBe(404);
  });

  it('lists the inbox newest first by cursor, filters, and highlights full-text matches', async () => {
    const f = await workspaceFixture();
    const acme = (await f.admin.post(`${f.w}/customers`, { name: 'Acme', segment: 'Enterprise' })).json<{ id: string }>().id;
    const texts = ['The dashboard loads slowly on Mondays', 'Please add dark mode', 'Dashboard charts are slow to render', 'Invoices are wrong', 'I love the new search'];
    const ids: string[] = [];
    for (const [i, text] of texts.entries()) {
      const body = { text, source: i % 2 ? 'sales' : 'support', capturedAt: `2024-01-0${i + 1}T12:00:00Z`, tags: i === 1 ? ['ui'] : [], ...(i < 3 ? { customerId: acme } : {}) };
      ids.push((await f.admin.post(`${f.w}/feedback`, body)).json<{ id: string }>().id);
    }
    await link(f, ids[0]!, 'Performance');
    const first = (await f.admin.get(`${f.w}/feedback?limit=2`)).json<{ items: Item[]; nextCursor: string }>();
    expect(first.items.map((i) => i.text)).toEqual([texts[4], texts[3]]);
    const second = (await f.admin.get(`${f.w}/feedback?limit=2&cursor=${first.nextCursor}`)).json<{ items: Item[]; nextCursor: string }>();
    expect(second.items.map((i) => i.text)).toEqual([texts[2], texts[1]]);
    const last = (await f.admin.get(`${f.w}/feedback?limit=2&cursor=${second.nextCursor}`)).json<{ items: Item[]; nextCursor: string | null }>();
    expect(last.items.map((i) => i.text)).toEqual([texts[0]]);
    expect(last.nextCursor).toBeNull();
    expect(last.items[0]).toMatchObject({ opportunityCount: 1, customer: { name: 'Acme' } });

    const search = (await f.admin.get(`${f.w}/feedback?q=${encodeURIComponent('dashboard -mondays')}`)).json<{ items: Item[] }>();
    expect(search.items.map((i) => i.text)).toEqual([texts[2]]);
    expect(search.items[0]!.snippet).toContain('<mark>Dashboard</mark>');
    const phrase = (await f.admin.get(`${f.w}/feedback?q=${encodeURIComponent('"dark mode" or invoices')}`)).json<{ items: Item[] }>();
    expect(phrase.items.map((i) => i.text)).toEqual([texts[3], texts[1]]);
    const q = (query: string) => f.admin.get(`${f.w}/feedback?${query}`).then((r) => r.json<{ items: Item[] }>().items.map((i) => i.text));
    expect(await q('source=sales')).toEqual([texts[3], texts[1]]);
    expect(await q('segment=Enterprise&tag=ui')).toEqual([texts[1]]);
    expect(await q(`customerId=${acme}&from=2024-01-02&to=2024-01-03`)).toEqual([texts[2], texts[1]]);
    expect((await f.admin.get(`${f.w}/feedback?from=2024-02-30`)).json()).toMatchObject({ field: 'from' });
  });

  it('bulk-archives and tags with one audit entry, refusing a PM items they do not own', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const otherPm = await addMember(f, 'pm');
    const theirs = await component(f, otherPm.memberId);
    const a = (await f.admin.post(`${f.w}/feedback`, { text: 'A', source: 'sales' })).json<{ id: string }>().id;
    const b = (await f.admin.post(`${f.w}/feedback`, { text: 'B', source: 'sales', componentIds: [theirs] })).json<{ id: string }>().id;
    expect((await pm.post(`${f.w}/feedback/bulk`, { ids: [a, b], action: 'archive' })).statusCode).toBe(403);
    expect((await f.admin.post(`${f.w}/feedback/bulk`, { ids: [a], action: 'tag' })).json()).toMatchObject({ field: 'tag' });
    expect((await f.admin.post(`${f.w}/feedback/bulk`, { ids: [a, b], action: 'tag', tag: 'pricing' })).json()).toEqual({ updated: 2 });
    expect((await f.admin.post(`${f.w}/feedback/bulk`, { ids: [a, b], action: 'tag', tag: 'pricing' })).json()).toEqual({ updated: 0 });
    expect((await pm.post(`${f.w}/feedback/bulk`, { ids: [a], action: 'archive' })).json()).toEqual({ updated: 1 });
    const got = (await f.admin.get(`${f.w}/feedback/${a}`)).json<Item>();
    expect(got).toMatchObject({ status: 'archived', tags: ['pricing'], version: 3 });
    const audit = (await f.admin.get(`${f.w}/audit-log`)).json<{ items: { action: string; summary: string }[] }>().items;
    expect(audit.slice(0, 2).map((e) => e.summary)).toEqual(['Archived 1 of 1 feedback items', 'Tagged 0 of 2 feedback items (tag “pricing”)']);
  });

  it('merges duplicates: evidence and requesters move to the kept item, duplicates hide from the inbox', async () => {
    const f = await workspaceFixture();
    const acme = (await f.admin.post(`${f.w}/customers`, { name: 'Acme' })).json<{ id: string }>().id;
    const globex = (await f.admin.post(`${f.w}/customers`, { name: 'Globex' })).json<{ id: string }>().id;
    const kept = (await f.admin.post(`${f.w}/feedback`, { text: 'Need SSO', source: 'sales', customerId: acme })).json<{ id: string }>().id;
    const dup1 = (await f.admin.post(`${f.w}/feedback`, { text: 'We need single sign-on', source: 'support', customerId: globex, tags: ['sso'] })).json<{ id: string }>().id;
    const dup2 = (await f.admin.post(`${f.w}/feedback`, { text: 'SSO please', source: 'support' })).json<{ id: string }>().id;
    const opp = await link(f, dup1, 'Enterprise auth');
    // The same opportunity on two duplicates: only one link can move, the other stays behind.
    await linkTo(f, opp, dup2);
    expect((await f.admin.post(`${f.w}/feedback/${kept}/merge`, { duplicateIds: [kept] })).json()).toMatchObject({ field: 'duplicateIds' });
    const res = await f.admin.post(`${f.w}/feedback/${kept}/merge`, { duplicateIds: [dup1, dup2] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'linked',
      tags: ['sso'],
      evidence: [{ opportunityId: opp, title: 'Enterprise auth' }],
      requesters: [{ name: 'Acme' }, { name: 'Globex' }],
    });
    expect(res.json<{ mergedIds: string[] }>().mergedIds.sort()).toEqual([dup1, dup2].sort());
    expect((await f.admin.get(`${f.w}/feedback/${dup1}`)).json()).toMatchObject({ status: 'archived', mergedIntoId: kept, evidence: [] });
    const inbox = (await f.admin.get(`${f.w}/feedback`)).json<{ items: Item[] }>().items;
    expect(inbox.map((i) => i.id)).toEqual([kept]);
    expect((await f.admin.get(`${f.w}/feedback?includeMerged=true`)).json<{ items: Item[] }>().items).toHaveLength(3);
    const contributor = await addMember(f, 'contributor');
    expect((await contributor.post(`${f.w}/feedback/${kept}/merge`, { duplicateIds: [dup1] })).statusCode).toBe(403);
    expect((await f.admin.post(`${f.w}/feedback/${dup1}/merge`, { duplicateIds: [dup2] })).json()).toMatchObject({ field: 'feedbackId' });
  });
});
