import { describe, expect, it } from 'vitest';
import { TestClient, addMember, workspaceFixture } from '../../test/helpers.js';

describe('customers and contacts routes', () => {
  it('creates a customer with a normalised domain and an exact ARR, and finds it by name or domain', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const res = await pm.post(`${f.w}/customers`, { name: 'Acme Corp', domain: 'https://www.Acme.COM/pricing', arr: '123456789012345678', currency: 'eur', segment: 'Enterprise', ownerId: pm.memberId });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Acme Corp', domain: 'acme.com', arr: '123456789012345678', currency: 'EUR', status: 'active', ownerId: pm.memberId, feedbackCount: 0, version: 1 });
    await pm.post(`${f.w}/customers`, { name: 'Globex', domain: 'globex.io', arr: 5000, segment: 'SMB' });
    const byDomain = (await pm.get(`${f.w}/customers?q=ACME.c`)).json<{ items: { name: string }[]; total: number }>();
    expect(byDomain).toMatchObject({ total: 1, items: [{ name: 'Acme Corp' }] });
    const bySegment = (await pm.get(`${f.w}/customers?segment=SMB`)).json<{ items: { name: string; arr: string }[]; total: number }>();
    expect(bySegment).toMatchObject({ total: 1, items: [{ name: 'Globex', arr: '5000' }] });
    const paged = (await pm.get(`${f.w}/customers?limit=1&offset=1`)).json<{ items: { name: string }[]; total: number }>();
    expect(paged).toMatchObject({ total: 2, items: [{ name: 'Globex' }] });
  });

  it('answers 400 naming the field, 409 on a taken domain or a stale version', async () => {
    const f = await workspaceFixture();
    const bad = async (body: object, field: string, message: string) => {
      const res = await f.admin.post(`${f.w}/customers`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ code: 'validation_failed', message, field });
    };
    await bad({ name: '' }, 'name', 'name: must not be empty');
    await bad({ name: 'A', arr: -5 }, 'arr', 'arr: must be a non-negative whole number of at most 18 digits');
    await bad({ name: 'A', arr: '12.5' }, 'arr', 'arr: must be a non-negative whole number of at most 18 digits');
    await bad({ name: 'A', domain: 'not a domain' }, 'domain', 'domain: must be a domain name such as example.com');
    await bad({ name: 'A', currency: 'EURO' }, 'currency', 'currency: must be a 3-letter ISO 4217 code such as USD');
    await bad({ name: 'A', status: 'gone' }, 'status', expect.stringContaining('status:') as unknown as string);
    const made = (await f.admin.post(`${f.w}/customers`, { name: 'Acme', domain: 'acme.com', externalId: 'crm-1' })).json<{ id: string }>();
    const dup = await f.admin.post(`${f.w}/customers`, { name: 'Acme 2', domain: 'WWW.acme.com' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'conflict', field: 'domain' });
    expect((await f.admin.post(`${f.w}/customers`, { name: 'X', externalId: 'crm-1' })).json()).toMatchObject({ code: 'conflict', field: 'externalId' });
    const url = `${f.w}/customers/${made.id}`;
    expect((await f.admin.patch(url, { plan: 'Pro' })).json()).toMatchObject({ field: 'version' });
    const ok = await f.admin.patch(url, { plan: 'Pro', arr: 900, status: 'churned', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ plan: 'Pro', arr: '900', status: 'churned', version: 2 });
    expect((await f.admin.patch(url, { plan: 'Team', version: 1 })).statusCode).toBe(409);
    const stranger = await f.admin.patch(url, { ownerId: '00000000-0000-4000-8000-000000000000', version: 2 });
    expect(stranger.json()).toEqual({ code: 'validation_failed', message: 'ownerId: is not a member of this workspace', field: 'ownerId' });
  });

  it('enforces roles: contributors read, viewers see nothing, only leads and admins delete', async () => {
    const f = await workspaceFixture();
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');
    const pm = await addMember(f, 'pm');
    const id = (await f.admin.post(`${f.w}/customers`, { name: 'Acme' })).json<{ id: string }>().id;
    expect((await contributor.get(`${f.w}/customers/${id}`)).statusCode).toBe(200);
    expect((await contributor.post(`${f.w}/customers`, { name: 'No' })).statusCode).toBe(403);
    expect((await viewer.get(`${f.w}/customers`)).statusCode).toBe(403);
    expect((await pm.delete(`${f.w}/customers/${id}`)).statusCode).toBe(403);
    expect((await new TestClient(f.app).get(`${f.w}/customers`)).statusCode).toBe(401);
    expect((await f.admin.delete(`${f.w}/customers/${id}`)).statusCode).toBe(204);
    expect((await f.admin.get(`${f.w}/customers/${id}`)).statusCode).toBe(404);
  });

  it('hides customers and contacts of other workspaces', async () => {
    const f = await workspaceFixture();
    const other = await workspaceFixture();
    const id = (await f.admin.post(`${f.w}/customers`, { name: 'Secret Co' })).json<{ id: string }>().id;
    const contactId = (await f.admin.post(`${f.w}/customers/${id}/contacts`, { name: 'Sam' })).json<{ id: string }>().id;
    const res = await other.admin.get(`${other.w}/customers/${id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Secret');
    expect((await other.admin.patch(`${other.w}/customers/${id}`, { name: 'Mine', version: 1 })).statusCode).toBe(404);
    expect((await other.admin.get(`${other.w}/customers/${id}/contacts`)).statusCode).toBe(404);
    expect((await other.admin.delete(`${other.w}/customers/${id}/contacts/${contactId}`)).statusCode).toBe(404);
    expect((await other.admin.get(`${f.w}/customers`)).statusCode).toBe(404);
  });

  it('manages contacts of a customer with versions', async () => {
    const f = await workspaceFixture();
    const id = (await f.admin.post(`${f.w}/customers`, { name: 'Acme' })).json<{ id: string }>().id;
    const base = `${f.w}/customers/${id}/contacts`;
    const made = await f.admin.post(base, { name: 'Sam Buyer', email: 'sam@acme.com', title: 'CTO' });
    expect(made.statusCode).toBe(201);
    const contact = made.json<{ id: string }>();
    expect((await f.admin.post(base, { name: 'X', email: 'nope' })).json()).toEqual({ code: 'validation_failed', message: 'email: must be an email address', field: 'email' });
    const edited = await f.admin.patch(`${base}/${contact.id}`, { title: 'CEO', version: 1 });
    expect(edited.json()).toMatchObject({ title: 'CEO', version: 2 });
    expect((await f.admin.patch(`${base}/${contact.id}`, { title: 'CFO', version: 1 })).statusCode).toBe(409);
    expect((await f.admin.get(base)).json()).toMatchObject({ total: 1, items: [{ name: 'Sam Buyer', email: 'sam@acme.com' }] });
    expect((await f.admin.delete(`${base}/${contact.id}`)).statusCode).toBe(204);
    expect((await f.admin.get(base)).json<{ total: number }>().total).toBe(0);
  });
});
