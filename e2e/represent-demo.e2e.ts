import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, checkPage, launchChromium, setupWorkspace, startSextant, type RunningServer } from './harness.js';

/**
 * Saying no and reporting on the demo workspace, as its lead reads them: 25 requests in every state, a
 * request with merged requesters, the decision log with its roadmap decisions, the won't-do registry,
 * two weeks of status updates, and a report per audience, the customer one free of internal names.
 * Every page is screenshotted and scanned with axe-core, light and dark.
 */
describe('requests, decisions, updates and reports on the demo workspace', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[][] = [];
  let w = '';

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    page = (await setupWorkspace(browser, server, { name: 'Ada Admin', email: 'ada@example.test', workspace: 'Own workspace', errors })).page;
    const demo = await apiCall<{ workspaceId: string }>(page, '/demo', { method: 'POST', body: {} });
    expect(demo.status).toBe(201);
    w = `/w/${demo.body.workspaceId}`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    expect(errors.flat()).toEqual([]);
  });

  it('lists the requests in every state, and one with the requesters merged into it', async () => {
    await page.goto(`${w}/requests`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Requests' }).count()).toBe(1);
    // Triage opens first; every state has its tab with a count, 25 in all.
    for (const tab of [/^In triage/, /^Accepted/, /^Merged/, /^Deferred/, /^Declined/]) await expect.poll(() => page.getByRole('tab', { name: tab }).count()).toBe(1);
    await page.getByRole('tab', { name: /^All/ }).click();
    await expect.poll(() => page.getByRole('tab', { name: /^All/ }).getByLabel('25 requests').count()).toBe(1);
    await expect.poll(() => page.getByText('Stock levels that keep up during peak sales').count()).toBeGreaterThan(0);
    await checkPage(page, 'rd01-requests');
    await page.getByRole('link', { name: 'Stock levels that keep up during peak sales' }).first().click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}/);
    // Both requesters: the one who asked, and the one whose request was merged into it.
    for (const name of ['Claire Dubois', 'Ravi Shah']) await expect.poll(() => page.getByText(name).count()).toBeGreaterThan(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, 'rd02-request-merged-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the decision log with the reasons for last week’s roadmap changes, and the won’t-do registry', async () => {
    await page.goto(`${w}/decisions`);
    await expect.poll(() => page.getByText(/Failed deliveries cost partners orders today/).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/Line-item properties/).count()).toBeGreaterThan(0);
    await checkPage(page, 'rd03-decision-log');
    await page.goto(`${w}/wont-do`);
    await expect.poll(() => page.getByText('Accept cryptocurrency at checkout').count()).toBeGreaterThan(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, 'rd04-wont-do-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('records a roadmap decision from the log, with a feature, a rationale and a pillar', async () => {
    await page.goto(`${w}/decisions`);
    await page.getByRole('button', { name: 'Record a decision' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a decision' });
    await dialog.getByRole('combobox', { name: 'Feature' }).fill('Typo-tolerant');
    await page.getByRole('option', { name: /Typo-tolerant storefront search/ }).click();
    await dialog.getByRole('textbox', { name: 'Rationale', exact: true }).fill('Kept in Now: a third of searches with no result are typos, and the fix is small.');
    await dialog.getByRole('combobox', { name: 'Pillar' }).click();
    await page.getByRole('option', { name: 'Frictionless buying' }).click();
    await checkPage(page, 'rd09-record-decision');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByText(/a third of searches with no result are typos/).count()).toBeGreaterThan(0);
    // The feature's own page lists it under Decisions.
    await page.getByRole('link', { name: 'Typo-tolerant storefront search' }).first().click();
    await page.waitForURL(/\/features\/[0-9a-f-]{36}/);
    await page.getByRole('tab', { name: /Decisions/ }).click();
    await expect.poll(() => page.getByText(/a third of searches with no result are typos/).count()).toBeGreaterThan(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, 'rd10-feature-decisions-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows two weeks of status updates', async () => {
    await page.goto(`${w}/updates`);
    await expect.poll(() => page.getByText(/Idempotent webhooks are rolling out/).count()).toBeGreaterThan(0);
    await checkPage(page, 'rd05-updates');
  });

  it('lists a report per audience; the executive one says what changed and why, the customer one names no customer', async () => {
    await page.goto(`${w}/reports`);
    for (const title of [/Executive update/, /Product team report/, /Company update/, 'What is coming to Atlas Commerce Cloud']) {
      await expect.poll(() => page.getByRole('link', { name: title }).count()).toBeGreaterThan(0);
    }
    await checkPage(page, 'rd06-reports');
    await page.getByRole('link', { name: /Executive update/ }).first().click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByRole('heading', { name: 'What changed and why' }).count()).toBe(1);
    await expect.poll(() => page.getByText(/Why: Eleven asks in a year/).count()).toBeGreaterThan(0);
    await checkPage(page, 'rd07-executive-report');
    await page.goto(`${w}/reports`);
    await page.getByRole('link', { name: 'What is coming to Atlas Commerce Cloud' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByRole('heading', { name: 'What changed and why' }).count()).toBe(1);
    const report = (await page.locator('main').innerText()).toLowerCase();
    // No requester, customer or PM of the demo appears in the customer-facing report.
    for (const name of ['claire dubois', 'ravi shah', 'diego', 'maya', 'arr']) expect(report).not.toMatch(new RegExp(`\\b${name}\\b`));
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, 'rd08-customer-report-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
