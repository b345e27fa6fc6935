import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, checkPage, joinAs, launchChromium, setupWorkspace, startSextant, type RunningServer } from './harness.js';

/**
 * OKRs in the browser: a lead creates a quarter from "Manage periods", an objective with two key
 * results through the modals, checks in on one, and the key result's chart draws the point (its SVG
 * line and its accessible summary). A PM who owns neither sees no write actions. Every page is
 * screenshotted and scanned with axe-core, light and dark.
 */
describe('okrs: periods, the alignment tree, key results and check-ins', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let lead: Page;
  const errors: string[][] = [];
  let workspaceId = '';
  let api = '';
  let w = '';
  let productId = '';

  /** A person joins with this role in their own browser; their page. */
  const join = async (role: 'lead' | 'pm', name: string, email: string): Promise<Page> => (await joinAs(browser, server, admin, workspaceId, { role, name, email, errors })).page;

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const setup = await setupWorkspace(browser, server, { name: 'Ada Admin', email: 'ada@example.test', workspace: 'Orbit', errors });
    admin = setup.page;
    workspaceId = setup.workspaceId;
    api = setup.ws;
    w = setup.w;
    const product = await apiCall<{ id: string }>(admin, `${api}/products`, { method: 'POST', body: { name: 'Orbit Cloud' } });
    productId = product.body.id;
    expect((await apiCall(admin, `${api}/products/${productId}/components`, { method: 'POST', body: { name: 'Billing' } })).status).toBe(201);
    lead = await join('lead', 'Lena Lead', 'lena@example.test');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('invites a lead without periods to create one, and creates the suggested quarter in two clicks', async () => {
    await lead.goto(`${w}/okrs`);
    await expect.poll(() => lead.getByRole('heading', { level: 1, name: 'OKRs: Orbit Cloud' }).count()).toBe(1);
    await expect.poll(() => lead.getByRole('heading', { name: 'No OKR periods yet' }).count()).toBe(1);
    await checkPage(lead, 'o01-no-periods');

    await lead.getByRole('button', { name: 'Manage periods' }).click();
    const dialog = lead.getByRole('dialog', { name: 'OKR periods' });
    await dialog.waitFor();
    const create = dialog.getByRole('button', { name: /^Create Q\d \d{4}$/ });
    const quarter = (await create.textContent())!.replace('Create ', '').trim();
    await create.click();
    await expect.poll(() => lead.getByRole('heading', { name: new RegExp(`No objectives for Orbit Cloud in ${quarter}`) }).count()).toBe(1);
    const periods = await apiCall<{ items: { name: string; kind: string }[] }>(lead, `${api}/periods`);
    expect(periods.body.items).toEqual([expect.objectContaining({ name: quarter, kind: 'quarter' })]);
    await checkPage(lead, 'o02-no-objectives');
  });

  it('creates an objective with two key results in the UI', async () => {
    await lead.getByRole('button', { name: 'New objective' }).first().click();
    const dialog = lead.getByRole('dialog', { name: 'New objective' });
    await dialog.getByLabel('Title').fill('Make billing effortless');
    await checkPage(lead, 'o03-new-objective');
    await dialog.getByRole('button', { name: 'Create objective' }).click();
    await expect.poll(() => lead.locator('[data-objective="Make billing effortless"]').count()).toBe(1);

    const addKr = async (fill: () => Promise<void>) => {
      await lead.getByRole('button', { name: 'Add a key result to Make billing effortless' }).click();
      const d = lead.getByRole('dialog', { name: /Add a key result/ });
      await d.waitFor();
      await fill();
      await d.getByRole('button', { name: 'Add key result' }).click();
      await d.waitFor({ state: 'detached' });
    };
    await addKr(async () => {
      const d = lead.getByRole('dialog');
      await d.getByLabel('Key result').fill('Invoices paid on time');
      await d.getByRole('textbox', { name: 'Start' }).fill('60');
      await d.getByRole('textbox', { name: 'Target' }).fill('90');
      await d.getByLabel('Unit').fill('%');
    });
    await addKr(async () => {
      const d = lead.getByRole('dialog');
      await d.getByLabel('Key result').fill('Failed payment retries');
      await d.getByText('Decrease', { exact: true }).click();
      await d.getByRole('textbox', { name: 'Start' }).fill('400');
      await d.getByRole('textbox', { name: 'Target' }).fill('100');
      await d.getByLabel('Unit').fill('per week');
      await checkPage(lead, 'o04-add-key-result');
    });
    const tree = lead.locator('[data-objective="Make billing effortless"]');
    await expect.poll(() => tree.getByRole('list', { name: 'Key results of Make billing effortless' }).getByRole('listitem').count()).toBe(2);
    expect(await tree.textContent()).toMatch(/2 key results/);
    await checkPage(lead, 'o05-tree');
    await lead.emulateMedia({ colorScheme: 'dark' });
    await checkPage(lead, 'o06-tree-dark');
    await lead.emulateMedia({ colorScheme: 'light' });

    // The disclosure button collapses the objective with the keyboard.
    const toggle = lead.getByRole('button', { name: 'Collapse Make billing effortless' });
    await toggle.focus();
    await lead.keyboard.press('Enter');
    await expect.poll(() => lead.getByRole('list', { name: 'Key results of Make billing effortless' }).count()).toBe(0);
    await lead.getByRole('button', { name: 'Expand Make billing effortless' }).press('Enter');
    await expect.poll(() => lead.getByRole('list', { name: 'Key results of Make billing effortless' }).count()).toBe(1);
  });

  it('checks in on one key result, and its chart shows the point', async () => {
    await lead.getByRole('link', { name: 'Make billing effortless' }).click();
    await expect.poll(() => lead.getByRole('heading', { level: 1, name: 'Make billing effortless' }).count()).toBe(1);
    const kr = lead.locator('[data-key-result="Failed payment retries"]');
    await expect.poll(() => kr.getByText('The chart starts with the first check-in.').count()).toBe(1);
    await checkPage(lead, 'o07-objective');

    await kr.getByRole('button', { name: 'Check in on Failed payment retries' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Check in: Failed payment retries' });
    await dialog.getByRole('textbox', { name: /Value reached/ }).fill('250');
    // Confidence 5 with the keyboard: the status follows (at risk).
    const slider = dialog.getByRole('slider');
    await slider.focus();
    await lead.keyboard.press('ArrowLeft');
    await lead.keyboard.press('ArrowLeft');
    await expect.poll(() => dialog.getByText('Confidence: 5/10').count()).toBe(1);
    await dialog.getByLabel('Note').fill('Smart retries are live for cards');
    await checkPage(lead, 'o08-check-in');
    await dialog.getByRole('button', { name: 'Check in' }).click();
    await dialog.waitFor({ state: 'detached' });

    // 400 → 250 of a decrease to 100: 50 %.
    const chart = kr.getByRole('img', { name: /Progress and confidence of Failed payment retries/ });
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/1 check-in\..*50 % progress, confidence 5\/10/);
    await expect.poll(() => chart.locator('svg .recharts-line').count()).toBe(2);
    await expect.poll(() => chart.locator('svg .recharts-line-dot, svg .recharts-dot').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => kr.getByText('At risk · 5/10').count()).toBeGreaterThan(0);
    const other = lead.locator('[data-key-result="Invoices paid on time"]');
    expect(await other.getByRole('img').count()).toBe(0);
    await expect.poll(() => lead.getByLabel('Progress of Make billing effortless: 25 %').count()).toBe(1);
    await checkPage(lead, 'o09-after-check-in');
    await lead.emulateMedia({ colorScheme: 'dark' });
    await checkPage(lead, 'o10-objective-dark');
    await lead.emulateMedia({ colorScheme: 'light' });

    const history = await apiCall<{ items: { value: number; progress: number; confidence: number; status: string }[] }>(
      lead,
      `${api}/key-results/${(await apiCall<{ keyResults: { id: string; title: string }[] }>(lead, `${api}/objectives/${lead.url().split('/').pop()}`)).body.keyResults.find((k) => k.title === 'Failed payment retries')!.id}/check-ins`,
    );
    expect(history.body.items).toEqual([expect.objectContaining({ value: 250, progress: 0.5, confidence: 5, status: 'at_risk' })]);
  });

  it('hides write actions from a PM who owns nothing here', async () => {
    const pm = await join('pm', 'Pat PM', 'pat@example.test');
    await pm.goto(`${w}/okrs?productId=${productId}`);
    await expect.poll(() => pm.locator('[data-objective="Make billing effortless"]').count()).toBe(1);
    expect(await pm.getByRole('button', { name: 'Manage periods' }).count()).toBe(0);
    expect(await pm.getByRole('button', { name: /Add a key result/ }).count()).toBe(0);
    await pm.getByRole('link', { name: 'Make billing effortless' }).click();
    await expect.poll(() => pm.getByRole('heading', { level: 1, name: 'Make billing effortless' }).count()).toBe(1);
    await expect.poll(() => pm.getByRole('img', { name: /Failed payment retries/ }).count()).toBe(1);
    expect(await pm.getByRole('button', { name: /Check in on/ }).count()).toBe(0);
    expect(await pm.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await checkPage(pm, 'o11-pm-read-only');
    expect(errors.flat()).toEqual([]);
  });
});
