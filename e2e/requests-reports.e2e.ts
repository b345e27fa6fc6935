import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, checkPage, launchChromium, startSextant, watchErrors, type RunningServer } from './harness.js';

const PASSWORD = 'Correct-Horse-Battery-9';

/**
 * Saying no and reporting (issue 7), page by page: the request triage with a decline from a template,
 * the request with its requesters and decision, the decision log, the won't-do registry, the rationale
 * templates, status updates, and an executive report opened through its share link in a fresh browser
 * with no session. Every page is screenshotted and scanned with axe-core, light and dark.
 */
describe('requests, decisions, updates and reports', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[][] = [];
  let ws = '';
  let w = '';
  let declinedId = '';
  let reportId = '';

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    page = await (await browser.newContext({ baseURL: server.base, viewport: { width: 1440, height: 900 } })).newPage();
    errors.push(watchErrors(page));
    await page.goto('/setup');
    await page.getByLabel('Name', { exact: true }).fill('Lena Lead');
    await page.getByLabel('Email', { exact: true }).fill('lena@example.test');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Workspace name').fill('Fleet');
    await page.getByRole('button', { name: 'Set up Sextant' }).click();
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
    const me = await apiCall<{ workspaces: { id: string; name: string }[] }>(page, '/me');
    const id = me.body.workspaces.find((x) => x.name === 'Fleet')!.id;
    ws = `/workspaces/${id}`;
    w = `/w/${id}`;
    const made = async (path: string, body: unknown) => {
      const res = await apiCall<{ id: string }>(page, `${ws}${path}`, { method: 'POST', body });
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
      return res.body.id;
    };
    const productId = await made('/products', { name: 'Fleet Suite' });
    const componentId = await made(`/products/${productId}/components`, { name: 'Routing' });
    await made('/features', { componentId, title: 'Live ETAs for customers', status: 'planned', horizon: 'now', public: true });
    declinedId = await made('/requests', { title: 'Build a blockchain ledger for deliveries', requesterType: 'executive', urgency: 'high', componentId });
    await made('/requests', { title: 'Export invoices to our ERP', requesterType: 'customer', contact: { name: 'Carl Customer', email: 'carl@example.com' }, componentId });
    await made('/updates', { componentId, period: '2026-W48', health: 'at_risk', summary: 'Routing slipped a week: the map provider changed its API.', risks: 'The new API rate limits' });
    reportId = await made('/reports', { productId, audience: 'executive' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    expect(errors.flat()).toEqual([]);
  });

  it('lists the requests to triage, and declines one with a template rationale', async () => {
    await page.goto(`${w}/requests`);
    await expect.poll(() => page.getByText('Build a blockchain ledger for deliveries').count()).toBeGreaterThan(0);
    await checkPage(page, 'q01-requests');
    const templates = await apiCall<{ items: { id: string; title: string }[] }>(page, `${ws}/rationales`);
    const template = templates.body.items.find((t) => /pillar/i.test(t.title))!;
    expect(template).toBeDefined();
    const decided = await apiCall(page, `${ws}/requests/${declinedId}/decision`, { method: 'POST', body: { action: 'decline', rationaleId: template.id, rationale: 'Ledgers serve none of our pillars this year.' } });
    expect(decided.status).toBe(200);
    await page.goto(`${w}/requests/${declinedId}`);
    await expect.poll(() => page.getByText(/Ledgers serve none of our pillars/).count()).toBeGreaterThan(0);
    await checkPage(page, 'q02-request-declined');
  });

  it('shows the decision log, the won’t-do registry and the rationale templates', async () => {
    await page.goto(`${w}/decisions`);
    await expect.poll(() => page.getByText(/Ledgers serve none of our pillars/).count()).toBeGreaterThan(0);
    await checkPage(page, 'q03-decision-log');
    await page.goto(`${w}/wont-do`);
    await expect.poll(() => page.getByText('Build a blockchain ledger for deliveries').count()).toBeGreaterThan(0);
    await checkPage(page, 'q04-wont-do');
    await page.goto(`${w}/settings/rationales`);
    await expect.poll(() => page.getByText(/Not enough evidence yet/).count()).toBeGreaterThan(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, 'q05-rationales-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the status updates', async () => {
    await page.goto(`${w}/updates`);
    await expect.poll(() => page.getByText(/Routing slipped a week/).count()).toBeGreaterThan(0);
    await checkPage(page, 'q06-updates');
  });

  it('shows the executive report, and opens it through a share link without signing in', async () => {
    await page.goto(`${w}/reports/${reportId}`);
    await expect.poll(() => page.getByText('What changed and why').count()).toBeGreaterThan(0);
    await checkPage(page, 'q07-report');
    const link = await apiCall<{ url: string }>(page, `${ws}/reports/${reportId}/share-links`, { method: 'POST', body: { expiresAt: '2099-01-01T00:00:00Z' } });
    expect(link.status).toBe(201);
    const guest = await (await browser.newContext({ baseURL: server.base, viewport: { width: 1440, height: 900 } })).newPage();
    errors.push(watchErrors(guest));
    await guest.goto(new URL(link.body.url, server.base).pathname);
    await expect.poll(() => guest.getByText('What changed and why').count()).toBeGreaterThan(0);
    await guest.emulateMedia({ colorScheme: 'dark' });
    await checkPage(guest, 'q08-shared-report-dark');
  });
});
