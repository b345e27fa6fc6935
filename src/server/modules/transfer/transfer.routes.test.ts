import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, signUp, testApp, workspaceFixture } from '../../test/helpers.js';

type Doc = {
  workspace: { name: string };
  people: { ref: string; email: string; role: string }[];
  products: { name: string; components: { name: string; ownerRef: string | null; teamRefs: string[] }[] }[];
  audit: { action: string }[];
};

describe('workspace export and import over HTTP', () => {
  // Starting the app (and migrating a fresh database) belongs to the setup, not to the first test's time.
  beforeAll(async () => {
    await testApp();
  });

  it('exports a workspace and imports it as a new one the importer administers', async () => {
    const f = await workspaceFixture('Source');
    const pm = await addMember(f, 'pm', 'Pat PM');
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Commerce' })).json<{ id: string }>().id;
    await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Checkout', ownerId: pm.memberId, teamMemberIds: [pm.memberId] });
    const exported = await f.admin.get(`${f.w}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment/);
    const doc = exported.json<Doc>();
    expect(doc.products[0]!.components[0]).toMatchObject({ name: 'Checkout', ownerRef: pm.memberId, teamRefs: [pm.memberId] });
    expect((await pm.get(`${f.w}/export`)).statusCode).toBe(403);

    const importer = await signUp(f.app, 'Ivy Importer');
    const res = await importer.post('/api/v1/workspaces/import', doc);
    expect(res.statusCode).toBe(201);
    const { workspaceId } = res.json<{ workspaceId: string }>();
    expect(res.json()).toMatchObject({ people: 2, products: 1, components: 1 });
    const w2 = `/api/v1/workspaces/${workspaceId}`;
    expect((await importer.get(w2)).json<{ role: string; name: string }>()).toMatchObject({ role: 'admin', name: 'Source' });
    const products = (await importer.get(`${w2}/products`)).json<{ items: { components: { name: string; owner: { name: string } }[] }[] }>().items;
    expect(products[0]!.components[0]).toMatchObject({ name: 'Checkout', owner: { name: 'Pat PM' } });
    // The PM is in the copy too, matched by email to the same account.
    expect((await pm.get(w2)).json<{ role: string }>().role).toBe('pm');
    const audit = (await importer.get(`${w2}/audit-log`)).json<{ items: { action: string }[] }>().items;
    expect(audit[0]!.action).toBe('workspace.import');
  });

  it('answers 400 to a malformed document and 422 to broken references, creating nothing', async () => {
    const f = await workspaceFixture('Refs');
    const doc = (await f.admin.get(`${f.w}/export`)).json<Doc>();
    const user = await signUp(f.app);
    const malformed = await user.post('/api/v1/workspaces/import', { ...doc, people: [{ ...doc.people[0], role: 'owner' }] });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ field: string }>().field).toBe('people.0.role');
    const broken = { ...doc, products: [{ ref: 'p1', name: 'P', description: '', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1, components: [{ ref: 'c1', name: 'C', description: '', ownerRef: 'nobody', teamRefs: [], createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1 }] }] };
    const res = await user.post('/api/v1/workspaces/import', broken);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ code: 'unprocessable', message: 'products.0.components.0.ownerRef: nobody is not one of the people', field: 'products.0.components.0.ownerRef' });
    expect((await user.get('/api/v1/workspaces')).json<{ total: number }>().total).toBe(0);
  });
});
