import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, checkPage, launchChromium, setupWorkspace, startSextant, type RunningServer } from './harness.js';

/**
 * Pillars and metrics (issue 6) as the admin: pillars with target against actual shares, a pillar made
 * in the modal, a metric made in the app, a point added by hand, a CSV imported with its preview, and
 * the script panel. Every page is screenshotted and scanned with axe-core, light and dark.
 */
describe('pillars and metrics', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let api = '';
  let w = '';
  let productId = '';

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const setup = await setupWorkspace(browser, server, { name: 'Ada Admin', email: 'ada@example.test', workspace: 'Harbor Labs' });
    page = setup.page;
    errors = setup.errors;
    api = setup.ws;
    w = setup.w;
    productId = (await apiCall<{ id: string }>(page, `${api}/products`, { method: 'POST', body: { name: 'Atlas' } })).body.id;
    const componentId = (await apiCall<{ id: string }>(page, `${api}/products/${productId}/components`, { method: 'POST', body: { name: 'Routing' } })).body.id;
    const speed = await apiCall<{ id: string }>(page, `${api}/pillars`, { method: 'POST', body: { productId, name: 'Speed', description: 'Every page under **200 ms**.', targetShare: 40 } });
    const trust = await apiCall<{ id: string }>(page, `${api}/pillars`, { method: 'POST', body: { productId, name: 'Trust', description: 'Nothing is ever lost.', targetShare: 35 } });
    expect([speed.status, trust.status]).toEqual([201, 201]);
    for (const [title, pillarId, effort] of [
      ['Edge cache', speed.body.id, 8],
      ['Audit trail', trust.body.id, 3],
      ['Dark mode', null, 4],
    ] as const) {
      expect((await apiCall(page, `${api}/features`, { method: 'POST', body: { componentId, title, pillarId, effort, horizon: 'now' } })).status).toBe(201);
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the pillars with their target and actual shares, and creates one', async () => {
    await page.goto(`${w}/strategy/pillars?productId=${productId}`);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Speed' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Target 40 %, actual 53.3 % of the planned effort, 13.3 % above target.').count()).toBe(1);
    await checkPage(page, 'p01-pillars');
    await page.getByRole('button', { name: 'New pillar' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New pillar' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Reach');
    await expect.poll(() => dialog.getByText('25 % is left for this pillar.').count()).toBe(1);
    await dialog.getByRole('textbox', { name: /^Target share of effort/ }).fill('30');
    await dialog.getByRole('button', { name: 'Create pillar' }).click();
    // Over the 100 %: the form says how much is left, beside the field.
    await expect.poll(() => dialog.getByText(/25 % is left to allocate/).count()).toBe(1);
    // That refusal is the one failed request the journey expects.
    expect(errors.splice(0)).toEqual([expect.stringContaining('400')]);
    await dialog.getByRole('textbox', { name: /^Target share of effort/ }).fill('25');
    await dialog.getByRole('button', { name: 'Create pillar' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Reach' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Move Reach up' }).click();
    await expect.poll(async () => (await apiCall<{ items: { name: string }[] }>(page, `${api}/pillars?productId=${productId}`)).body.items.map((p) => p.name)).toEqual(['Speed', 'Reach', 'Trust']);
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, 'p02-pillars-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('creates a metric, adds a point, imports a CSV and shows the chart and the script call', async () => {
    await page.goto(`${w}/metrics`);
    await expect.poll(() => page.getByRole('heading', { name: 'No metrics yet' }).count()).toBe(1);
    await checkPage(page, 'p03-metrics-empty');
    await page.getByRole('button', { name: 'New metric' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New metric' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Activation rate');
    await dialog.getByLabel('Unit').fill('%');
    await dialog.getByRole('button', { name: 'Create metric' }).click();
    await page.waitForURL(/\/metrics\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Activation rate' }).count()).toBe(1);

    await page.getByLabel('Value').fill('38.5');
    await page.getByRole('button', { name: 'Add point' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Points in the range' }).getByRole('row').count()).toBe(2);

    await page.getByRole('button', { name: 'Import CSV' }).click();
    const modal = page.getByRole('dialog', { name: 'Import points from CSV' });
    const days = Array.from({ length: 12 }, (_, i) => new Date(Date.now() - (12 - i) * 7 * 86_400_000).toISOString().slice(0, 10));
    const csv = `date,value\n${days.map((d, i) => `${d},${30 + i * 0.7}`).join('\n')}\n`;
    await modal.locator('input[type=file]').setInputFiles({ name: 'activation.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => modal.getByText('All rows readable').count()).toBe(1);
    await checkPage(page, 'p04-import-preview');
    await modal.getByRole('button', { name: 'Import 12 rows' }).click();
    await expect.poll(() => modal.getByText('rows written').count()).toBe(1);
    await modal.getByRole('button', { name: 'Done' }).click();

    const chart = page.getByRole('img', { name: /Line chart of Activation rate: 13 points/ });
    await expect.poll(() => chart.count()).toBe(1);
    await expect.poll(() => page.locator('.recharts-area').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByLabel('curl command').textContent()).toContain('Authorization: Bearer $SEXTANT_TOKEN');
    await checkPage(page, 'p05-metric');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, 'p06-metric-dark');
    await page.goto(`${w}/metrics`);
    await expect.poll(() => page.getByRole('img', { name: /Trend of the last 13 points: up/ }).count()).toBe(1);
    await checkPage(page, 'p07-metrics-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('fills the roadmap pillar filter and the feature form from the product’s pillars', async () => {
    await page.goto(`${w}/roadmap`);
    const filter = page.getByRole('combobox', { name: 'Pillar' });
    await expect.poll(() => filter.isEnabled()).toBe(true);
    await filter.click();
    await expect.poll(() => page.getByRole('option', { name: 'Speed' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
