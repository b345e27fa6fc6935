import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, checkPage, joinAs, launchChromium, openPage, setupWorkspace, startSextant, type RunningServer } from './harness.js';

const ASK = 'Build a blockchain ledger for deliveries';
const WHY = 'Ledgers serve none of our pillars this year.';

/**
 * Saying no and reporting (issue 7), in the browser: a contributor, in their own browser, submits a
 * request from the Requests page; the lead opens it and declines it with a rationale template plus
 * free text; the contributor hears the outcome in the notification bell, with the reason. Then the
 * decision log, the won't-do registry, the rationale templates and the status updates; and the lead
 * compiles and publishes an executive report, creates a share link and opens its URL in a fresh
 * browser with no session. API calls only seed the background (product, component, feature, another
 * request, an update). Every page is screenshotted and scanned with axe-core, some in dark mode.
 */
describe('requests, decisions, updates and reports', () => {
  let server: RunningServer;
  let browser: Browser;
  let lead: Page;
  let contributor: Page;
  const errors: string[][] = [];
  let w = '';
  let requestUrl = '';

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const admin = await setupWorkspace(browser, server, { name: 'Lena Lead', email: 'lena@example.test', workspace: 'Fleet', errors });
    lead = admin.page;
    w = admin.w;
    const made = async (path: string, body: unknown) => {
      const res = await apiCall<{ id: string }>(lead, `${admin.ws}${path}`, { method: 'POST', body });
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
      return res.body.id;
    };
    const productId = await made('/products', { name: 'Fleet Suite' });
    const componentId = await made(`/products/${productId}/components`, { name: 'Routing' });
    await made('/features', { componentId, title: 'Live ETAs for customers', status: 'planned', horizon: 'now', public: true });
    await made('/requests', { title: 'Export invoices to our ERP', requesterType: 'customer', contact: { name: 'Carl Customer', email: 'carl@example.com' }, componentId });
    await made('/updates', { componentId, period: '2026-W48', health: 'at_risk', summary: 'Routing slipped a week: the map provider changed its API.', risks: 'The new API rate limits' });
    contributor = (await joinAs(browser, server, lead, admin.workspaceId, { role: 'contributor', name: 'Cora Contributor', email: 'cora@example.test', errors })).page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    expect(errors.flat()).toEqual([]);
  });

  it('a contributor submits a request from the Requests page', async () => {
    await contributor.goto(`${w}/requests`);
    await expect.poll(() => contributor.getByRole('heading', { level: 1, name: 'Requests' }).count()).toBe(1);
    // A contributor submits but does not decide: no decision menu on the rows.
    await expect.poll(() => contributor.getByText('Export invoices to our ERP').count()).toBe(1);
    expect(await contributor.getByRole('button', { name: /^Decide/ }).count()).toBe(0);
    await contributor.getByRole('button', { name: 'New request' }).first().click();
    const dialog = contributor.getByRole('dialog', { name: 'New request' });
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(ASK);
    await dialog.getByRole('textbox', { name: 'Description', exact: true }).fill('Our CEO heard a competitor tracks every delivery on a chain; **every** customer should see proof.');
    await dialog.getByRole('combobox', { name: 'Requester type' }).click();
    await contributor.getByRole('option', { name: 'Executive' }).click();
    await dialog.getByRole('combobox', { name: 'Urgency' }).click();
    await contributor.getByRole('option', { name: 'High' }).click();
    await dialog.getByRole('combobox', { name: 'Product area' }).click();
    await contributor.getByRole('option', { name: 'Routing' }).click();
    // The member who asked defaults to the person submitting.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Member' }).inputValue()).toBe('Cora Contributor');
    await checkPage(contributor, 'q11-new-request-form');
    await dialog.getByRole('button', { name: 'Submit request' }).click();
    await expect.poll(() => contributor.getByRole('dialog').count()).toBe(0);
    const row = contributor.getByRole('row').filter({ hasText: ASK });
    await expect.poll(() => row.textContent()).toMatch(/Cora Contributor.*Executive.*high.*Routing.*In triage/);
    await checkPage(contributor, 'q12-request-submitted');
  });

  it('the lead opens the request and declines it with a template rationale and free text', async () => {
    await lead.goto(`${w}/requests`);
    await expect.poll(() => lead.getByRole('link', { name: ASK }).count()).toBe(1);
    await checkPage(lead, 'q01-requests');
    await lead.getByRole('link', { name: ASK }).click();
    await lead.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    requestUrl = new URL(lead.url()).pathname;
    await expect.poll(() => lead.getByRole('heading', { level: 1, name: ASK }).count()).toBe(1);
    await expect.poll(() => lead.getByText(/submitted .* by Cora Contributor/).count()).toBe(1);
    await lead.getByRole('button', { name: 'Decline', exact: true }).click();
    const dialog = lead.getByRole('dialog', { name: `Decide “${ASK}”` });
    await expect.poll(() => dialog.getByRole('radio', { name: 'Decline' }).isChecked()).toBe(true);
    // A decline without a reason is refused in the form.
    await dialog.getByRole('button', { name: 'Decline', exact: true }).click();
    await expect.poll(() => dialog.getByText('Say why: a declined request needs a rationale.').count()).toBe(1);
    await dialog.getByRole('combobox', { name: 'Rationale template' }).click();
    await lead.getByRole('option', { name: /pillar/i }).click();
    await expect.poll(() => dialog.getByText('Say why: a declined request needs a rationale.').count()).toBe(0);
    // The template prefills the rationale; the lead adds a sentence of their own.
    const rationale = dialog.getByRole('textbox', { name: 'Rationale', exact: true });
    await expect.poll(() => rationale.inputValue()).not.toBe('');
    const prefilled = await rationale.inputValue();
    await rationale.fill(`${prefilled}\n\n${WHY}`);
    await checkPage(lead, 'q13-decline-modal');
    await dialog.getByRole('button', { name: 'Decline', exact: true }).click();
    await expect.poll(() => lead.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => lead.getByRole('heading', { level: 2, name: 'Decision history' }).locator('..').textContent()).toContain(WHY);
    await expect.poll(() => lead.getByText('Declined', { exact: true }).count()).toBeGreaterThan(0);
    await checkPage(lead, 'q02-request-declined');
  });

  it('the contributor sees the decline, with its reason, in the notification bell', async () => {
    // The bell refetches every minute; opening a page fetches it now.
    await contributor.goto(`${w}/requests`);
    const bell = contributor.getByRole('button', { name: 'Notifications, 1 unread' });
    await expect.poll(() => bell.count()).toBe(1);
    await bell.click();
    const item = contributor.getByRole('button', { name: `Unread: Declined: ${ASK}` });
    await expect.poll(() => item.count()).toBe(1);
    // The bell shows two lines of the body: the outcome and the template's reason; the lead's own
    // sentence follows in the body, and in full on the request the notification leads to.
    await expect.poll(() => item.textContent()).toMatch(/was declined\.\s+Why: Does not serve a current pillar\./);
    await expect.poll(() => item.textContent()).toContain(WHY);
    await checkPage(contributor, 'q14-notification');
    // The notification leads to the request, where the contributor reads the whole decision.
    await item.click();
    await contributor.waitForURL((url) => url.pathname === requestUrl);
    await expect.poll(() => contributor.getByRole('heading', { level: 2, name: 'Decision history' }).locator('..').textContent()).toContain(WHY);
    await expect.poll(() => contributor.getByRole('button', { name: 'Notifications' }).count()).toBe(1);
    await checkPage(contributor, 'q15-request-declined-contributor');
  });

  it('shows the decision log, the won’t-do registry and the rationale templates', async () => {
    await lead.goto(`${w}/decisions`);
    await expect.poll(() => lead.getByText(WHY, { exact: false }).count()).toBeGreaterThan(0);
    await checkPage(lead, 'q03-decision-log');
    await lead.goto(`${w}/wont-do`);
    await expect.poll(() => lead.getByText(ASK).count()).toBeGreaterThan(0);
    await checkPage(lead, 'q04-wont-do');
    await lead.goto(`${w}/settings/rationales`);
    await expect.poll(() => lead.getByText(/Not enough evidence yet/).count()).toBeGreaterThan(0);
    await lead.emulateMedia({ colorScheme: 'dark' });
    await checkPage(lead, 'q05-rationales-dark');
    await lead.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the status updates', async () => {
    await lead.goto(`${w}/updates`);
    await expect.poll(() => lead.getByText(/Routing slipped a week/).count()).toBeGreaterThan(0);
    await checkPage(lead, 'q06-updates');
  });

  it('the lead publishes an executive report, shares it, and the link opens it in a fresh browser without signing in', async () => {
    await lead.goto(`${w}/reports`);
    await expect.poll(() => lead.getByRole('heading', { name: 'No reports yet' }).count()).toBe(1);
    await lead.getByRole('button', { name: 'New report' }).first().click();
    const dialog = lead.getByRole('dialog', { name: 'New report' });
    await dialog.getByRole('combobox', { name: 'Product' }).click();
    await lead.getByRole('option', { name: 'Fleet Suite' }).click();
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Audience' }).inputValue()).toBe('Executive');
    await checkPage(lead, 'q16-new-report');
    await dialog.getByRole('button', { name: 'Compile report' }).click();
    await lead.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const report = lead.getByRole('article');
    await expect.poll(() => report.getByRole('heading', { name: 'What changed and why' }).count()).toBe(1);
    await expect.poll(() => lead.getByText(/· draft$/).count()).toBe(1);
    await lead.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => lead.getByText(/· published /).count()).toBe(1);
    await expect.poll(() => lead.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    const headings = await report.getByRole('heading').allTextContents();
    expect(headings).toContain('What changed and why');
    await checkPage(lead, 'q07-report');

    await lead.getByRole('button', { name: 'Create link' }).click();
    const urlBox = lead.getByRole('textbox', { name: 'New share link URL' });
    await expect.poll(() => urlBox.inputValue()).toMatch(/\/shared\/[^/]+$/);
    const url = await urlBox.inputValue();
    await expect.poll(() => lead.getByRole('row').filter({ hasText: 'active' }).count()).toBe(1);
    await checkPage(lead, 'q17-share-link');

    // A fresh context: no cookies, nobody signed in.
    const guest = (await openPage(browser, server, { errors })).page;
    expect(await guest.context().cookies()).toEqual([]);
    await guest.goto(url);
    const shared = guest.getByRole('article');
    await expect.poll(() => shared.getByRole('heading', { name: 'What changed and why' }).count()).toBe(1);
    // The same sections as the lead sees, under the report's title.
    expect(await shared.getByRole('heading').allTextContents()).toEqual(expect.arrayContaining(headings));
    expect(new URL(guest.url()).pathname).toBe(new URL(url).pathname);
    expect(await guest.getByRole('button', { name: /sign in/i }).count()).toBe(0);
    expect(await guest.getByLabel('Password').count()).toBe(0);
    await guest.emulateMedia({ colorScheme: 'dark' });
    await checkPage(guest, 'q08-shared-report-dark');

    // The lead sees the view counted.
    await lead.reload();
    await expect.poll(() => lead.getByRole('row').filter({ hasText: 'active' }).locator('td').nth(2).textContent()).toMatch(/^1/);
  });
});
