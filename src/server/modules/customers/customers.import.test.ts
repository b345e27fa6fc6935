import { describe, expect, it } from 'vitest';
import { addMember, workspaceFixture } from '../../test/helpers.js';

const CSV = { 'content-type': 'text/csv' };

describe('customer CSV import', () => {
  it('creates customers, reports bad rows and unknown columns, and a rerun creates nothing', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const file = [
      '\uFEFFname,domain,segment,arr,currency,plan,external_id,notes',
      'Acme,https://www.acme.com,Enterprise,120000,eur,Pro,crm-1,big one',
      'Globex,globex.io,SMB,"5,000",,Team,,',
      ',nameless.com,SMB,1,,,,',
      'Initech,initech.com,SMB,-3,,,,',
      '"Umbrella, Inc.",umbrella.com,Mid-market,0,,,crm-9,"multi',
      'line note"',
    ].join('\n');
    const res = await pm.request('POST', `${f.w}/customers/import`, file, CSV);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: [
        { line: 4, reason: 'name is empty' },
        { line: 5, reason: 'invalid arr "-3" (a non-negative whole number)' },
      ],
      rejectedCount: 2,
      ignoredColumns: ['notes'],
    });
    const list = (await pm.get(`${f.w}/customers`)).json<{ items: { name: string; domain: string; arr: string; currency: string }[] }>().items;
    expect(list.map((c) => [c.name, c.domain, c.arr, c.currency])).toEqual([
      ['Acme', 'acme.com', '120000', 'EUR'],
      ['Globex', 'globex.io', '5000', 'USD'],
      ['Umbrella, Inc.', 'umbrella.com', '0', 'USD'],
    ]);
    const again = (await pm.request('POST', `${f.w}/customers/import`, file, CSV)).json<{ created: number; updated: number; unchanged: number }>();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect((await pm.get(`${f.w}/customers`)).json<{ total: number }>().total).toBe(3);
  });

  it('matches on external id, else domain, and updates only the columns given', async () => {
    const f = await workspaceFixture();
    await f.admin.post(`${f.w}/customers`, { name: 'Acme', domain: 'acme.com', plan: 'Pro', arr: 10 });
    await f.admin.post(`${f.w}/customers`, { name: 'Old Globex', externalId: 'g-1' });
    const res = await f.admin.request('POST', `${f.w}/customers/import`, 'name,arr,external_id,domain\nAcme Inc,99,,ACME.com\nGlobex,7,g-1,globex.io\n', CSV);
    expect(res.json()).toMatchObject({ created: 0, updated: 2, ignoredColumns: [] });
    const items = (await f.admin.get(`${f.w}/customers`)).json<{ items: { name: string; plan: string; arr: string; domain: string; version: number }[] }>().items;
    expect(items).toMatchObject([
      { name: 'Acme Inc', plan: 'Pro', arr: '99', domain: 'acme.com', version: 2 },
      { name: 'Globex', arr: '7', domain: 'globex.io', version: 2 },
    ]);
    const audit = (await f.admin.get(`${f.w}/audit-log`)).json<{ items: { action: string; summary: string }[] }>().items[0]!;
    expect(audit).toMatchObject({ action: 'customer.import', summary: 'Imported customers from CSV: 0 created, 2 updated, 0 unchanged, 0 rejected' });
  });

  it('refuses a file without a name column, a non-UTF-8 file, JSON, and callers who may not import', async () => {
    const f = await workspaceFixture();
    const contributor = await addMember(f, 'contributor');
    const noName = await f.admin.request('POST', `${f.w}/customers/import`, 'domain\nacme.com\n', CSV);
    expect(noName.statusCode).toBe(400);
    expect(noName.json()).toMatchObject({ field: 'columns', message: 'columns: the header must have the column name (found: domain)' });
    const latin1 = await f.admin.request('POST', `${f.w}/customers/import`, Buffer.from('name\nCaf\xe9 Ltd\n', 'latin1'), CSV);
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json<{ message: string }>().message).toBe('file: is not valid UTF-8 (invalid byte sequence at line 2); save it as CSV UTF-8 and import it again');
    expect((await f.admin.post(`${f.w}/customers/import`, { name: 'x' })).statusCode).toBe(415);
    expect((await contributor.request('POST', `${f.w}/customers/import`, 'name\nA\n', CSV)).statusCode).toBe(403);
    expect((await f.admin.get(`${f.w}/customers`)).json<{ total: number }>().total).toBe(0);
  });
});
