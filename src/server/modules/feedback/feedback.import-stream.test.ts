import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ORIGIN, addMember, workspaceFixture } from '../../test/helpers.js';

const CSV = { 'content-type': 'text/csv' };
const STREAMED = { ...CSV, accept: 'application/x-ndjson' };

type Line =
  | { type: 'progress'; processed: number; imported: number; duplicates: number; rejected: number }
  | { type: 'result'; imported: number; duplicates: number; rejected: { line: number; reason: string }[]; rejectedCount: number; ignoredColumns: string[] }
  | { type: 'error'; code: string; message: string; field?: string };

const lines = (body: string): Line[] =>
  body
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

/** 2,500 data rows over three batches: line 6 has an unknown source, and the last 100 rows but one repeat earlier ones. */
function multiBatchFile(): string {
  const rows = ['text,source,captured_at,mood'];
  for (let i = 0; i < 2_500; i++) rows.push(i === 4 ? 'Broken row,hallway,2024-01-01,' : `Item number ${i % 2_400},survey,2024-01-01,`);
  return `${rows.join('\n')}\n`;
}

describe('feedback CSV import with streamed progress (Accept: application/x-ndjson)', () => {
  it('streams progress lines, then the same result the JSON answer gives, broken rows included', async () => {
    const streamed = await workspaceFixture();
    const plain = await workspaceFixture();
    const file = multiBatchFile();

    const json = await plain.admin.request('POST', `${plain.w}/feedback/import`, file, CSV);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);

    const res = await streamed.admin.request('POST', `${streamed.w}/feedback/import`, file, STREAMED);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.body.endsWith('\n')).toBe(true);
    const all = lines(res.body);
    const progress = all.filter((l) => l.type === 'progress');
    const last = all.at(-1)!;

    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(all.slice(0, -1).every((l) => l.type === 'progress')).toBe(true);
    // The first line comes after the first batch of 1,000 valid rows: 1,001 rows read, one rejected.
    expect(progress[0]).toEqual({ type: 'progress', processed: 1_001, imported: 1_000, duplicates: 0, rejected: 1 });
    const processed = progress.map((p) => p.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));

    expect(last.type).toBe('result');
    const { type: _type, ...result } = last;
    expect(result).toEqual(json.json());
    expect(result).toEqual({
      imported: 2_400,
      duplicates: 99,
      rejected: [{ line: 6, reason: 'unknown source "hallway" (expected one of customer_success, sales, product_marketing, support, interview, survey, other)' }],
      rejectedCount: 1,
      ignoredColumns: ['mood'],
    });
  });

  it('sends progress while the file is still arriving, and a failure after it as the last line', async () => {
    const f = await workspaceFixture();
    // A real socket (inject buffers the whole exchange): the client holds the end of the file back
    // until the first progress line has arrived, then sends a Latin-1 byte the import must refuse.
    const server = createServer((req, res) => f.app.routing(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const good = ['text,source', ...Array.from({ length: 2_000 }, (_, i) => `Row ${i},support`)].join('\n');
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, method: 'POST', path: `${f.w}/feedback/import`, headers: { ...STREAMED, host: ORIGIN.replace(/^https?:\/\//, ''), origin: ORIGIN, cookie: f.admin.cookie } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              if (!text.includes('\n') && (text + chunk).includes('\n')) req.end(Buffer.from('\nCaf\xe9 au lait,support\n', 'latin1'));
              text += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.write(good);
      });
      expect(status).toBe(200);
      const all = lines(body);
      expect(all[0]).toMatchObject({ type: 'progress', processed: 1_000, imported: 1_000 });
      expect(all.some((l) => l.type === 'result')).toBe(false);
      expect(all.at(-1)).toEqual({
        type: 'error',
        code: 'validation_failed',
        message: 'file: is not valid UTF-8 (invalid byte sequence at line 2002); save it as CSV UTF-8 and import it again',
        field: 'file',
      });
      // The batches written before the failure stay: importing the file again adds only what is missing.
      expect((await f.admin.get(`${f.w}/feedback?limit=1`)).json<{ items: unknown[] }>().items).toHaveLength(1);
      // …and the audit log says what was written before it stopped.
      const audit = (await f.admin.get(`${f.w}/audit-log?limit=5`)).json<{ items: { action: string; summary: string }[] }>().items;
      expect(audit.find((a) => a.action === 'feedback.import')?.summary).toMatch(/^Feedback CSV import stopped after \d+ rows: \d+ imported before the failure/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers the usual JSON errors for what fails before any row is processed', async () => {
    const f = await workspaceFixture();
    const contributor = await addMember(f, 'contributor');
    const forbidden = await contributor.request('POST', `${f.w}/feedback/import`, 'text,source\nx,sales\n', STREAMED);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'forbidden' });

    const missing = await f.admin.request('POST', `${f.w}/feedback/import`, 'text,customer\nHello,acme.com\n', STREAMED);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual({ code: 'validation_failed', message: 'columns: the header must have the column source (found: text, customer)', field: 'columns' });

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('text,source\n', 'utf16le')]);
    const encoding = await f.admin.request('POST', `${f.w}/feedback/import`, utf16, STREAMED);
    expect(encoding.statusCode).toBe(400);
    expect(encoding.json()).toMatchObject({ field: 'file' });

    // A declared size past the limit is refused before a byte is read, in either mode.
    for (const headers of [CSV, STREAMED]) {
      const big = await f.admin.request('POST', `${f.w}/feedback/import`, 'text,source\nx,sales\n', { ...headers, 'content-length': String(51 * 1_048_576) });
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ code: 'payload_too_large' });
    }
    expect((await f.admin.get(`${f.w}/feedback`)).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('streams a small file too, with one progress line and the result', async () => {
    const f = await workspaceFixture();
    const res = await f.admin.request('POST', `${f.w}/feedback/import`, 'text,source\nOne,support\n,support\n', { ...CSV, accept: 'application/json;q=0.5, application/x-ndjson' });
    expect(lines(res.body)).toEqual([
      { type: 'progress', processed: 2, imported: 1, duplicates: 0, rejected: 1 },
      { type: 'result', imported: 1, duplicates: 0, rejected: [{ line: 3, reason: 'text is empty' }], rejectedCount: 1, ignoredColumns: [] },
    ]);
    // q=0 turns the streamed answer down.
    const refused = await f.admin.request('POST', `${f.w}/feedback/import`, 'text,source\nTwo,support\n', { ...CSV, accept: 'application/x-ndjson;q=0, application/json' });
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
  });
});
