import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.js';
import { addMember, workspaceFixture } from '../../test/helpers.js';
import { resolveWorkspaceActor } from '../members/members.service.js';
import { importFeedbackCsv, parseCapturedAt, type FeedbackImportProgress } from './feedback.import.js';

const CSV = { 'content-type': 'text/csv' };
type Page = { items: { text: string; source: string; tags: string[]; capturedAt: string; customer: { name: string } | null }[] };

describe('feedback CSV import', () => {
  it('imports good rows, rejects bad ones by line, reports unknown columns, and a rerun adds nothing', async () => {
    const f = await workspaceFixture();
    await f.admin.post(`${f.w}/customers`, { name: 'Acme Corp', domain: 'acme.com', externalId: 'crm-7' });
    await f.admin.post(`${f.w}/customers`, { name: 'Globex' });
    const file = [
      '\uFEFFtext,source,customer,captured_at,tags,sentiment',
      '"Exports time out,\nevery single time",support,acme.com,2024-03-01,export; perf ;,negative',
      'Dark mode please,Sales,globex,2024-03-02T09:30:00Z,ui,',
      'SSO is a must,customer success,crm-7,,,',
      ',support,,2024-03-01,,',
      'Great app,hallway,,2024-03-01,,',
      'Broken dates,survey,,2024-02-30,,',
      'Who is this,survey,Nobody Inc,2024-03-01,,',
      '"  exports   TIME out,\u00A0 every single time",support,acme.com,2024-03-01,,',
      '"Exports time out, every single time!",support,acme.com,2024-03-01,,',
    ].join('\r\n');
    const res = await f.admin.request('POST', `${f.w}/feedback/import`, file, CSV);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      imported: 4,
      duplicates: 1,
      rejected: [
        { line: 6, reason: 'text is empty' },
        { line: 7, reason: 'unknown source "hallway" (expected one of customer_success, sales, product_marketing, support, interview, survey, other)' },
        { line: 8, reason: 'invalid date "2024-02-30" in captured_at (use YYYY-MM-DD or ISO 8601)' },
        { line: 9, reason: 'unknown customer "Nobody Inc" (no customer has this name, domain or external id)' },
      ],
      rejectedCount: 4,
      ignoredColumns: ['sentiment'],
    });
    const items = (await f.admin.get(`${f.w}/feedback`)).json<Page>().items;
    const exports = items.find((i) => i.text.startsWith('Exports time out,\n'))!;
    expect(exports).toMatchObject({ source: 'support', tags: ['export', 'perf'], capturedAt: '2024-03-01T00:00:00.000Z', customer: { name: 'Acme Corp' } });
    expect(items.find((i) => i.text === 'Dark mode please')).toMatchObject({ source: 'sales', customer: { name: 'Globex' } });
    expect(items.find((i) => i.text === 'SSO is a must')).toMatchObject({ source: 'customer_success', customer: { name: 'Acme Corp' } });
    // The near-duplicate (an exclamation mark more) is imported: it is only ever suggested as a duplicate.
    expect(items.some((i) => i.text.endsWith('time!'))).toBe(true);

    // A row without captured_at is dated the day of the import, so a rerun the same day skips it too.
    const again = (await f.admin.request('POST', `${f.w}/feedback/import`, file, CSV)).json<{ imported: number; duplicates: number; rejectedCount: number }>();
    expect(again).toMatchObject({ imported: 0, duplicates: 5, rejectedCount: 4 });
    expect((await f.admin.get(`${f.w}/feedback`)).json<Page>().items).toHaveLength(4);
    const audit = (await f.admin.get(`${f.w}/audit-log`)).json<{ items: { action: string; summary: string }[] }>().items[0]!;
    expect(audit).toEqual(expect.objectContaining({ action: 'feedback.import', summary: 'Imported feedback from CSV: 0 imported, 5 duplicates skipped, 4 rejected' }));
  });

  it('accepts a file with only the required columns and refuses one without them', async () => {
    const f = await workspaceFixture();
    const ok = await f.admin.request('POST', `${f.w}/feedback/import`, 'Source,Text\nsupport,Only two columns\n', CSV);
    expect(ok.json()).toMatchObject({ imported: 1, duplicates: 0, rejected: [], ignoredColumns: [] });
    const missing = await f.admin.request('POST', `${f.w}/feedback/import`, 'text,customer\nHello,acme.com\n', CSV);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual({ code: 'validation_failed', message: 'columns: the header must have the column source (found: text, customer)', field: 'columns' });
  });

  it('refuses an invalid encoding with a clear message, an empty file, and callers who may not import', async () => {
    const f = await workspaceFixture();
    const contributor = await addMember(f, 'contributor');
    const latin1 = Buffer.concat([Buffer.from('text,source\nfine,support\n'), Buffer.from('Caf\xe9 au lait,support\n', 'latin1')]);
    const res = await f.admin.request('POST', `${f.w}/feedback/import`, latin1, CSV);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'validation_failed',
      message: 'file: is not valid UTF-8 (invalid byte sequence at line 3); save it as CSV UTF-8 and import it again',
      field: 'file',
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('text,source\n', 'utf16le')]);
    expect((await f.admin.request('POST', `${f.w}/feedback/import`, utf16, CSV)).json<{ message: string }>().message).toBe(
      'file: is encoded as UTF-16; save it as CSV UTF-8 and import it again',
    );
    expect((await f.admin.request('POST', `${f.w}/feedback/import`, '', CSV)).json<{ field: string }>().field).toBe('file');
    expect((await contributor.request('POST', `${f.w}/feedback/import`, 'text,source\nx,sales\n', CSV)).statusCode).toBe(403);
    expect((await f.admin.get(`${f.w}/feedback`)).json<Page>().items).toEqual([]);
  });

  it('streams a large file in batches with progress, skipping duplicates inside the file', async () => {
    const f = await workspaceFixture();
    const { db } = await testDatabase();
    const actor = (await resolveWorkspaceActor({ db, user: { userId: f.admin.userId, name: f.admin.name, email: f.admin.email, instanceAdmin: false, via: 'session' }, workspaceId: f.workspaceId }))!;
    async function* chunks() {
      yield Buffer.from('text,source,captured_at\n');
      for (let i = 0; i < 2_500; i++) yield Buffer.from(`Item number ${i % 2_400},survey,2024-01-01\n`);
    }
    const progress: FeedbackImportProgress[] = [];
    const result = await importFeedbackCsv({ db, actor, stream: chunks(), onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ imported: 2_400, duplicates: 100, rejectedCount: 0 });
    expect(progress.map((p) => p.rows)).toEqual([1_000, 2_000, 2_500]);
  });

  it('parses capture dates strictly', () => {
    expect(parseCapturedAt('2024-03-01')?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(parseCapturedAt('2024-03-01 14:05')?.toISOString()).toBe('2024-03-01T14:05:00.000Z');
    expect(parseCapturedAt('2024-03-01T14:05:09+02:00')?.toISOString()).toBe('2024-03-01T12:05:09.000Z');
    expect(parseCapturedAt('01/03/2024')).toBeNull();
    expect(parseCapturedAt('2023-02-29')).toBeNull();
  });
});
