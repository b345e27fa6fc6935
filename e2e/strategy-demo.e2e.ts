import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, checkPage, launchChromium, setupWorkspace, startSextant, type RunningServer } from './harness.js';

/**
 * Strategy and goals on the demo workspace, as its lead reads them: the published strategy with its
 * pending proposal, the storytelling lengths, the quarter's alignment tree, a key result's chart, the
 * metrics, and the coverage and drift report with its chart. Every page is screenshotted and scanned
 * with axe-core, light and dark.
 */
describe('strategy and goals on the demo workspace', () => {
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

  it('shows the published strategy, its pending proposal and the three story lengths', async () => {
    await page.goto(`${w}/strategy`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Strategy: Atlas Commerce Cloud/ }).count()).toBe(1);
    await expect.poll(() => page.getByText(/Published v2/i).count()).toBeGreaterThan(0);
    await checkPage(page, 'sd01-strategy-document');
    await page.getByRole('tab', { name: /Proposals/ }).click();
    await expect.poll(() => page.url()).toMatch(/tab=proposals/);
    await expect.poll(() => page.getByText(/Pending/i).count()).toBeGreaterThan(0);
    await checkPage(page, 'sd02-strategy-proposals');
    await page.getByRole('tab', { name: 'Storytelling' }).click();
    for (const length of [/75-second/i, /6-minute/i, /18-minute/i]) await expect.poll(() => page.getByText(length).count()).toBeGreaterThan(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, 'sd03-storytelling-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the quarter’s alignment tree and a key result’s chart', async () => {
    await page.goto(`${w}/okrs`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /OKRs: Atlas Commerce Cloud/ }).count()).toBe(1);
    const objectives = page.locator('a[href*="/okrs/"]');
    await expect.poll(() => objectives.count()).toBeGreaterThanOrEqual(9);
    await checkPage(page, 'sd04-okr-tree');
    await objectives.first().click();
    await page.waitForURL(/\/okrs\/[0-9a-f-]{36}/);
    // Ten weeks of check-ins: the charts draw them, with a summary a screen reader hears.
    const charts = page.locator('[role="img"]');
    await expect.poll(() => charts.count()).toBeGreaterThan(0);
    expect(await charts.first().getAttribute('aria-label')).toMatch(/\d+ %|check-in/i);
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, 'sd05-objective-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('lists the metrics and draws one', async () => {
    await page.goto(`${w}/metrics`);
    await expect.poll(() => page.getByRole('link', { name: 'Checkout conversion rate' }).count()).toBe(1);
    await checkPage(page, 'sd06-metrics');
    await page.getByRole('link', { name: 'Checkout conversion rate' }).click();
    await page.waitForURL(/\/metrics\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByText(/Key results following/i).count()).toBeGreaterThan(0);
    await checkPage(page, 'sd07-metric');
  });

  it('shows coverage against the pillars’ targets and what drifts', async () => {
    await page.goto(`${w}/strategy/drift`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    // The coverage chart has a summary naming each demo pillar; a table gives the same figures.
    await expect.poll(async () => (await page.locator('[role="img"][aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).join(' ')).toMatch(/Frictionless buying/);
    for (const pillar of ['Frictionless buying', 'Merchant self-serve', 'Platform trust']) await expect.poll(() => page.getByRole('rowheader', { name: pillar }).count()).toBeGreaterThan(0);
    await checkPage(page, 'sd08-drift');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, 'sd09-drift-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
