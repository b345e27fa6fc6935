import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreatedShareLink, Report, ReportList, ShareLinkList, SharedReport } from '../../../shared/contracts.js';
import { testDatabase } from '../../test/database.js';
import { addMember, ORIGIN, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { expireShareLink, insertCustomer, insertDecision, insertDependency, insertStatusUpdate, shareLinkHash } from './reports.fixtures.js';

type Err = { code: string; message: string; field?: string };
type Audit = { action: string; summary: string; entityId: string | null; changes: Record<string, unknown> | null };

/** The text a PDF draws: every content stream inflated, the hex strings of its TJ operators decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    let text: string;
    try {
      text = inflateSync(bytes).toString('latin1');
    } catch {
      text = bytes.toString('latin1');
    }
    for (const tj of text.matchAll(/\[(.*?)\]\s*TJ/g)) {
      out.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
    }
    re.lastIndex = end;
  }
  return out.join('\n');
}

async function audit(f: Fixture): Promise<Audit[]> {
  return (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: Audit[] }>().items;
}

async function product(f: Fixture, name = 'Atlas', componentNames = ['Billing', 'Search']) {
  const productId = (await f.admin.post(`${f.w}/products`, { name })).json<{ id: string }>().id;
  const ids: string[] = [];
  for (const c of componentNames) ids.push((await f.admin.post(`${f.w}/products/${productId}/components`, { name: c })).json<{ id: string }>().id);
  return { productId, componentIds: ids };
}

async function feature(f: Fixture, body: Record<string, unknown>) {
  const res = await f.admin.post(`${f.w}/features`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
}

const headings = (r: Report) => r.content.sections.map((s) => s.heading);
const textOf = (r: Report) => JSON.stringify(r.content);

describe('reports routes', () => {
  beforeAll(async () => void (await testApp()));

  it('compiles each audience with its sections and "what changed and why" with the decision rationale', async () => {
    const f = await workspaceFixture();
    const { db } = await testDatabase();
    const viewer = await addMember(f, 'viewer');
    const { productId, componentIds } = await product(f);
    const [billing, search] = componentIds as [string, string];
    await insertStatusUpdate(db, { workspaceId: f.workspaceId, componentId: billing, period: '2026-W40', health: 'at_risk', summary: 'Invoices run late', highlights: 'Dunning v2 live', risks: 'Tax vendor migration', asks: 'Need a data engineer' });
    const period = (await f.admin.post(`${f.w}/periods`, { name: `Q ${randomUUID().slice(0, 6)}`, start: '2026-07-01', end: '2026-09-30' })).json<{ id: string }>().id;
    const objectiveId = (await f.admin.post(`${f.w}/objectives`, { title: 'Grow revenue', periodId: period, productId })).json<{ id: string }>().id;
    const kr = await f.admin.post(`${f.w}/key-results`, { objectiveId, title: 'Net revenue retention', start: 0, target: 100, direction: 'increase', type: 'number' });
    expect(kr.statusCode, kr.body).toBe(201);
    const mover = await feature(f, { componentId: search, title: 'Faceted search', horizon: 'now' });
    const shipper = await feature(f, { componentId: billing, title: 'Self-serve refunds', horizon: 'now', status: 'in_progress' });

    // The first team report is the baseline: later changes are measured from it.
    const first = await f.admin.post(`${f.w}/reports`, { productId, audience: 'team' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<Report>()).toMatchObject({ status: 'draft', version: 1, audience: 'team', productName: 'Atlas', title: 'Atlas: Product team report' });
    expect(first.json<Report>().content.sections.at(-1)!.blocks[0]).toMatchObject({ items: expect.arrayContaining([expect.stringContaining('Faceted search: added to Now')]) });

    expect((await f.admin.patch(`${f.w}/features/${mover.id}`, { horizon: 'later', version: mover.version })).statusCode).toBe(200);
    expect((await f.admin.patch(`${f.w}/features/${shipper.id}`, { status: 'shipped', version: shipper.version })).statusCode).toBe(200);
    await insertDecision(db, { workspaceId: f.workspaceId, title: 'Faceted search later', action: 'defer', rationale: 'Relevance first: facets can wait for the new index', productId, featureId: mover.id });
    await insertDecision(db, { workspaceId: f.workspaceId, title: 'Custom SSO for Globex', action: 'decline', rationale: 'Does not serve the self-serve pillar', productId });

    const team = (await f.admin.post(`${f.w}/reports`, { productId, audience: 'team' })).json<Report>();
    expect(headings(team)).toEqual(['Component updates', 'Objectives and key results', 'Features shipped', 'Features moved or slipped', 'Dependency conflicts', 'Decisions', 'What changed and why']);
    const changed = team.content.sections.find((s) => s.key === 'what-changed')!;
    expect(changed.blocks).toEqual([{ type: 'list', items: ['Faceted search: moved: Now → Later. Why: Relevance first: facets can wait for the new index'] }]);
    expect(textOf(team)).toContain('Need a data engineer');
    expect(textOf(team)).toContain('Self-serve refunds (Billing)');
    expect(textOf(team)).toContain('Net revenue retention (Grow revenue): 0%');

    const exec = (await f.admin.post(`${f.w}/reports`, { productId, audience: 'executive' })).json<Report>();
    expect(headings(exec)).toEqual(['Component health', 'Key results', 'Top risks', 'Decisions and declines', 'What changed and why']);
    expect(exec.content.sections[0]!.blocks[0]).toEqual({ type: 'list', items: ['Billing: At risk (2026-W40). Invoices run late', 'Search: no status update yet'] });
    expect(textOf(exec)).toContain('Billing: Tax vendor migration');
    expect(textOf(exec)).toContain('Declined: Custom SSO for Globex: Does not serve the self-serve pillar');
    // No earlier executive report: the range starts 30 days back, so the move counts (the feature was created in it: added).
    expect(exec.content.sections.at(-1)!.blocks[0]).toMatchObject({ items: expect.arrayContaining([expect.stringContaining('Faceted search: added to Later')]) });

    const company = (await f.admin.post(`${f.w}/reports`, { productId, audience: 'company', title: 'October all-hands' })).json<Report>();
    expect(company.title).toBe('October all-hands');
    expect(headings(company)).toEqual(['Highlights', 'Shipped', 'Key result progress', 'What changed and why']);
    expect(textOf(company)).toContain('Dunning v2 live');
    expect(textOf(company)).not.toContain('Need a data engineer');

    // Reading, filtering, validation and permissions.
    const list = (await viewer.get(`${f.w}/reports?productId=${productId}&audience=team`)).json<ReportList>();
    expect(list.items.map((r) => r.id)).toEqual([team.id, first.json<Report>().id]);
    expect((await viewer.get(`${f.w}/reports/${exec.id}`)).json<Report>().content.title).toBe('Atlas: Executive report');
    expect((await viewer.post(`${f.w}/reports`, { productId, audience: 'team' })).statusCode).toBe(403);
    const bad = await f.admin.post(`${f.w}/reports`, { productId: randomUUID(), audience: 'team' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Err>().field).toBe('productId');
    expect((await f.admin.post(`${f.w}/reports`, { productId, audience: 'board' })).json<Err>().field).toBe('audience');
    expect((await f.admin.post(`${f.w}/reports`, { productId, audience: 'team', from: '2026-10-10', to: '2026-10-01' })).json<Err>().field).toBe('to');

    // Publish with versions; delete; another workspace sees nothing.
    expect((await f.admin.post(`${f.w}/reports/${exec.id}/publish`, {})).json<Err>().field).toBe('version');
    const published = await f.admin.post(`${f.w}/reports/${exec.id}/publish`, { version: 1 });
    expect(published.json<Report>()).toMatchObject({ status: 'published', version: 2, publishedAt: expect.any(String) });
    expect((await f.admin.post(`${f.w}/reports/${exec.id}/publish`, { version: 1 })).statusCode).toBe(409);
    const other = await workspaceFixture();
    expect((await other.admin.get(`${other.w}/reports/${exec.id}`)).statusCode).toBe(404);
    expect((await other.admin.delete(`${other.w}/reports/${exec.id}`)).statusCode).toBe(404);
    expect((await f.admin.delete(`${f.w}/reports/${company.id}`)).statusCode).toBe(204);
    expect((await f.admin.get(`${f.w}/reports/${company.id}`)).statusCode).toBe(404);
    expect((await audit(f)).map((a) => a.action)).toEqual(expect.arrayContaining(['report.create', 'report.publish', 'report.delete']));
  });

  it('keeps every internal field out of the customer report, in every format', async () => {
    const f = await workspaceFixture();
    const { db } = await testDatabase();
    const S = `SNTL${randomUUID().slice(0, 6)}`;
    const owner = await addMember(f, 'pm', `Owner ${S}`);
    const { productId, componentIds } = await product(f, 'Atlas', [`Billing ${S}`]);
    const componentId = componentIds[0]!;
    await insertStatusUpdate(db, { workspaceId: f.workspaceId, componentId, period: '2026-W41', health: 'off_track', summary: `summary ${S}`, highlights: `highlight ${S}`, risks: `risk ${S}`, asks: `ask ${S}` });
    await insertCustomer(db, { workspaceId: f.workspaceId, name: `Customer ${S}`, arr: '987654321' });
    const period = (await f.admin.post(`${f.w}/periods`, { name: `Q ${randomUUID().slice(0, 6)}`, start: '2026-07-01', end: '2026-09-30' })).json<{ id: string }>().id;
    const objectiveId = (await f.admin.post(`${f.w}/objectives`, { title: `Objective ${S}`, periodId: period, productId })).json<{ id: string }>().id;
    await f.admin.post(`${f.w}/key-results`, { objectiveId, title: `KR ${S}`, start: 0, target: 10, direction: 'increase', type: 'number' });

    const secret = await feature(f, { componentId, title: `Secret ${S}`, description: `internal description ${S}`, horizon: 'now', internal: true, effort: 424242 });
    const pub = await feature(f, { componentId, title: 'Public dashboards', description: 'Share live dashboards with your team', horizon: 'next', ownerId: owner.memberId, effort: 424242, public: true });
    const shipped = await feature(f, { componentId, title: 'Faster exports', horizon: 'now', status: 'in_progress', public: true });
    // Neither internal nor flagged public: a customer report leaves it out too.
    await feature(f, { componentId, title: `Unflagged ${S}`, description: `plans ${S}`, horizon: 'now' });
    await insertDependency(db, { workspaceId: f.workspaceId, featureId: pub.id, dependsOnId: secret.id, note: `note ${S}` });

    const baseline = await f.admin.post(`${f.w}/reports`, { productId, audience: 'customer' });
    expect(baseline.statusCode, baseline.body).toBe(201);
    expect((await f.admin.patch(`${f.w}/features/${pub.id}`, { horizon: 'now', version: pub.version })).statusCode).toBe(200);
    expect((await f.admin.patch(`${f.w}/features/${secret.id}`, { horizon: 'later', version: secret.version })).statusCode).toBe(200);
    expect((await f.admin.patch(`${f.w}/features/${shipped.id}`, { status: 'shipped', version: shipped.version })).statusCode).toBe(200);
    await insertDecision(db, { workspaceId: f.workspaceId, title: `Decision ${S}`, action: 'accept', rationale: `rationale ${S}`, productId, featureId: pub.id });
    await insertDecision(db, { workspaceId: f.workspaceId, title: `Declined ${S}`, action: 'decline', rationale: `decline rationale ${S}`, productId });

    const report = (await f.admin.post(`${f.w}/reports`, { productId, audience: 'customer' })).json<Report>();
    expect(headings(report)).toEqual(['Now', 'Next', 'Later', 'Recently shipped', 'What changed and why']);
    expect(report.content.sections[0]!.blocks[0]).toEqual({ type: 'list', items: ['Public dashboards: Share live dashboards with your team'] });
    expect(report.content.sections[3]!.blocks[0]).toEqual({ type: 'list', items: ['Faster exports'] });
    expect(report.content.sections[4]!.blocks[0]).toEqual({ type: 'list', items: ['Public dashboards: moved: Next → Now. Why: Updated as our plans evolved.'] });

    const url = `${f.w}/reports/${report.id}/export?format=`;
    const md = (await f.admin.get(`${url}md`)).body;
    const htmlRes = await f.admin.get(`${url}html`);
    const pdfRes = await f.admin.get(`${url}pdf`);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    const pdf = pdfText(pdfRes.rawPayload);
    expect(pdf).toContain('Public dashboards');
    for (const [name, text] of [['json', textOf(report)], ['md', md], ['html', htmlRes.body], ['pdf', pdf]] as const) {
      expect(text, name).not.toContain(S);
      expect(text, name).not.toContain('424242');
      expect(text, name).not.toContain('987654321');
      expect(text, name).not.toMatch(/Owner|rationale/i);
    }
    expect(htmlRes.body).not.toMatch(/<script/i);

    // The same data in a team report does show the internal fields, so the checks above can fail.
    const team = (await f.admin.post(`${f.w}/reports`, { productId, audience: 'team' })).json<Report>();
    for (const planted of [`summary ${S}`, `risk ${S}`, `ask ${S}`, `rationale ${S}`, `Secret ${S}`, `KR ${S}`]) expect(textOf(team)).toContain(planted);
  });

  it('exports Markdown, escaped HTML and a PDF with the headings, quickly', async () => {
    const f = await workspaceFixture();
    const { productId } = await product(f, 'Atlas <b>&</b>', ['Billing']);
    const report = (await f.admin.post(`${f.w}/reports`, { productId, audience: 'executive' })).json<Report>();
    const base = `${f.w}/reports/${report.id}/export`;
    const md = await f.admin.get(`${base}?format=md`);
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.headers['content-disposition']).toMatch(/attachment; filename=".*\.md"/);
    expect(md.body).toContain('## Component health');
    expect(md.body).toContain('## What changed and why');
    expect(md.body).toContain('- Billing: no status update yet');
    const html = await f.admin.get(`${base}?format=html`);
    expect(html.body).toContain('<h2>Top risks</h2>');
    expect(html.body).toContain('Atlas &lt;b&gt;&amp;&lt;/b&gt;');
    expect(html.body).not.toContain('<b>');
    const started = Date.now();
    const pdf = await f.admin.get(`${base}?format=pdf`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    for (const h of headings(report)) expect(text).toContain(h);
    expect((await f.admin.get(`${base}?format=docx`)).json<Err>().field).toBe('format');
  });

  it('shares a report by link: no login, counted and audited views, 404 once revoked or expired', async () => {
    const f = await workspaceFixture();
    const { db } = await testDatabase();
    const viewer = await addMember(f, 'viewer');
    const { productId } = await product(f);
    const report = (await f.admin.post(`${f.w}/reports`, { productId, audience: 'company' })).json<Report>();
    const links = `${f.w}/reports/${report.id}/share-links`;

    const past = await f.admin.post(links, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json<Err>().field).toBe('expiresAt');
    expect((await viewer.post(links, { expiresAt: new Date(Date.now() + 86_400_000).toISOString() })).statusCode).toBe(403);
    const created = await f.admin.post(links, { expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(created.statusCode).toBe(201);
    const link = created.json<CreatedShareLink>();
    expect(link.url).toMatch(/^\/shared\/[A-Za-z0-9_-]{40,}$/);
    const token = link.url.slice('/shared/'.length);
    expect(await shareLinkHash(db, link.id)).not.toBe(token);

    const anonymous = (url: string) => f.app.inject({ method: 'GET', url, headers: { origin: ORIGIN } });
    const read = await anonymous(`/api/v1/shared/${token}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<SharedReport>()).toMatchObject({ title: report.title, audience: 'company', content: { sections: report.content.sections } });
    const pdf = await anonymous(`/api/v1/shared/${token}?format=pdf`);
    expect(pdfText(pdf.rawPayload)).toContain('Highlights');
    expect((await anonymous(`/api/v1/shared/${token}?format=html`)).body).toContain('<h2>Highlights</h2>');

    const listed = (await viewer.get(links)).json<ShareLinkList>();
    expect(listed.items).toEqual([expect.objectContaining({ id: link.id, viewCount: 3, active: true, lastViewedAt: expect.any(String) })]);
    const views = (await audit(f)).filter((a) => a.action === 'report.viewed');
    expect(views).toHaveLength(3);
    expect(views[0]).toMatchObject({ entityId: report.id, changes: { linkId: link.id } });
    expect(JSON.stringify(await audit(f))).not.toContain(token);

    expect((await anonymous(`/api/v1/shared/${token}x`)).statusCode).toBe(404);
    const other = await workspaceFixture();
    expect((await other.admin.delete(`${other.w}/share-links/${link.id}`)).statusCode).toBe(404);
    expect((await viewer.delete(`${f.w}/share-links/${link.id}`)).statusCode).toBe(403);
    expect((await f.admin.delete(`${f.w}/share-links/${link.id}`)).statusCode).toBe(204);
    expect((await anonymous(`/api/v1/shared/${token}`)).statusCode).toBe(404);
    expect((await f.admin.get(links)).json<ShareLinkList>().items[0]).toMatchObject({ active: false, revokedAt: expect.any(String) });

    const second = (await f.admin.post(links, { expiresAt: new Date(Date.now() + 3_600_000).toISOString() })).json<CreatedShareLink>();
    expect((await anonymous(`/api/v1${second.url}`)).statusCode).toBe(200);
    await expireShareLink(db, second.id);
    expect((await anonymous(`/api/v1${second.url}`)).statusCode).toBe(404);
    expect((await audit(f)).map((a) => a.action)).toEqual(expect.arrayContaining(['report.share', 'report.share-revoke']));
  });
});
