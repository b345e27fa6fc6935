import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { quarterBounds, quarterOf, shiftQuarter } from '../src/shared/contracts/roadmap-releases.js';
import { checkPage, launchChromium, setupWorkspace, startSextant, type RunningServer } from './harness.js';

interface ApiResult<T> {
  status: number;
  json: T;
}

/** Calls the API from the page, with its session, as the web client does. */
async function call<T = { id: string; version: number }>(page: Page, method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  ) as Promise<ApiResult<T>>;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Releases and capacity: a release is created in the UI, features join it through the API, the notes are
 * drafted from the shipped one and saved, and a capacity set below the planned effort is flagged.
 * Every page is screenshotted and scanned with axe-core, light and dark.
 */
describe('releases and capacity', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let w = '';
  let api = '';
  let releaseId = '';
  let routingId = '';
  // The features are planned next quarter, so the journey holds whatever day it runs.
  const quarter = shiftQuarter(quarterOf(new Date()), 1);
  const bounds = quarterBounds(quarter);

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const setup = await setupWorkspace(browser, server, { name: 'Dana Lead', email: 'dana@example.test', workspace: 'Fleet Co' });
    page = setup.page;
    errors = setup.errors;
    w = setup.w;
    api = `/api/v1${setup.ws}`;
    const product = await call(page, 'POST', `${api}/products`, { name: 'Fleet Suite' });
    expect(product.status).toBe(201);
    routingId = (await call(page, 'POST', `${api}/products/${product.json.id}/components`, { name: 'Routing' })).json.id;
    await call(page, 'POST', `${api}/products/${product.json.id}/components`, { name: 'Driver App' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a release from the empty releases page', async () => {
    await page.goto(`${w}/releases`);
    await expect.poll(() => page.getByRole('heading', { name: 'No releases of Fleet Suite yet' }).count()).toBe(1);
    await checkPage(page, 'r01-releases-empty');
    await page.getByRole('button', { name: 'New release' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('2027.1 Spring');
    await dialog.getByLabel('Release date').fill(bounds.end);
    await dialog.getByLabel('Description', { exact: true }).fill('Routing that respects delivery windows, and offline proof of delivery.');
    await dialog.getByRole('button', { name: 'Create release' }).click();
    await page.waitForURL(/\/releases\/[0-9a-f-]{36}$/);
    releaseId = page.url().split('/').pop()!;
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '2027.1 Spring' }).count()).toBe(1);
  });

  it('lists the features of the release and drafts its notes from the shipped one', async () => {
    // The features UI is its own module: features join the release through the API.
    const planned = await call(page, 'POST', `${api}/features`, {
      componentId: routingId,
      title: 'Window-aware routing',
      status: 'planned',
      effort: 8,
      startDate: addDays(bounds.start, 7),
      endDate: addDays(bounds.start, 40),
      releaseId,
    });
    expect(planned.status, JSON.stringify(planned.json)).toBe(201);
    const shipped = await call(page, 'POST', `${api}/features`, { componentId: routingId, title: 'Offline proof of delivery', status: 'shipped', effort: 3, releaseId });
    expect(shipped.status, JSON.stringify(shipped.json)).toBe(201);
    const prd = '## Problem\n\nDrivers lose signal in basements and cannot capture a signature.\n\n## Goals and success metrics\n\nFewer disputed deliveries.\n';
    const saved = await call(page, 'PUT', `${api}/features/${shipped.json.id}/requirements`, { body: prd, revision: 0 });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);

    await page.reload();
    const table = page.getByRole('table', { name: 'Features in this release' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await expect.poll(() => table.getByRole('link', { name: 'Window-aware routing' }).getAttribute('href')).toBe(`${w}/features/${planned.json.id}`);
    await expect.poll(() => page.getByText('1 of 2 shipped').count()).toBe(1);

    await page.getByRole('button', { name: 'Draft from shipped features' }).click();
    const editor = page.getByLabel('Markdown', { exact: true });
    await expect.poll(() => editor.inputValue()).toContain('- **Offline proof of delivery** — Drivers lose signal in basements and cannot capture a signature.');
    expect(await editor.inputValue()).not.toContain('Window-aware routing');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByRole('heading', { name: 'Routing' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => page.getByText('Release notes saved.').count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Save notes' }).isDisabled()).toBe(true);
    const release = await call<{ notes: string; version: number }>(page, 'GET', `${api}/releases/${releaseId}`);
    expect(release.json.notes).toContain('Offline proof of delivery');
    await checkPage(page, 'r02-release');

    // Someone else edits the release meanwhile: saving on a stale version keeps the text and says so.
    expect((await call(page, 'PATCH', `${api}/releases/${releaseId}`, { description: 'Edited elsewhere', version: release.json.version })).status).toBe(200);
    await editor.fill(`${await editor.inputValue()}\nThanks to the dispatch team.\n`);
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => page.getByText('The release changed while you were editing').count()).toBe(1);
    expect(await editor.inputValue()).toContain('Thanks to the dispatch team.');
    await expect.poll(() => page.getByText('Edited elsewhere').count()).toBe(1);
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => page.getByText('The release changed while you were editing').count()).toBe(0);
    await expect.poll(async () => (await call<{ notes: string }>(page, 'GET', `${api}/releases/${releaseId}`)).json.notes).toContain('Thanks to the dispatch team.');

    // Edit the release itself.
    await page.getByRole('button', { name: 'Release actions' }).click();
    await page.getByRole('menuitem', { name: 'Edit release' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('2027.1 Spring release');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '2027.1 Spring release' }).count()).toBe(1);

    await page.goto(`${w}/releases`);
    const row = page.getByRole('table', { name: 'Releases' }).getByRole('row', { name: /2027\.1 Spring release/ });
    await expect.poll(() => row.textContent()).toMatch(/1 of 2 shipped/);
    await checkPage(page, 'r03-releases');
    await page.getByText('Timeline', { exact: true }).click();
    await expect.poll(() => page.getByText(/1 of 2 features shipped/).count()).toBe(1);
    await checkPage(page, 'r03b-releases-timeline');
  });

  it('flags a component whose capacity is below its planned effort', async () => {
    await page.goto(`${w}/capacity`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Capacity' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Next quarter' }).click();
    const routing = page.getByRole('row', { name: /Routing/ });
    await expect.poll(() => routing.textContent()).toMatch(/8 planned of no capacity/);
    await page.getByLabel(`Capacity of Routing in ${quarter}, points`).fill('5');
    await page.getByRole('button', { name: 'Save capacities' }).click();
    await expect.poll(() => routing.textContent()).toMatch(/Over-allocated by 3 points/);
    await expect.poll(() => routing.textContent()).toMatch(/8 planned of 5 points \(160%\)/);
    const report = await call<{ components: { name: string; capacity: number | null; overAllocated: boolean }[] }>(
      page,
      'GET',
      `${api}/capacity?productId=${(await call<{ items: { id: string }[] }>(page, 'GET', `${api}/products`)).json.items[0]!.id}&quarter=${quarter}`,
    );
    expect(report.json.components.find((c) => c.name === 'Routing')).toMatchObject({ capacity: 5, overAllocated: true });
    await checkPage(page, 'r04-capacity');
  });

  it('shows capacity and the release in dark mode without accessibility problems', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${w}/capacity`);
    await page.getByRole('button', { name: 'Next quarter' }).click();
    await expect.poll(() => page.getByText(/Over-allocated by 3 points/).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await checkPage(page, 'r05-capacity-dark');
    await page.goto(`${w}/releases/${releaseId}`);
    await expect.poll(() => page.getByRole('region', { name: 'Preview' }).getByText(/Drivers lose signal/).count()).toBe(1);
    await checkPage(page, 'r06-release-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // The one 409 is the stale save the journey provokes on purpose.
    expect(errors.filter((e) => !/Failed to load resource.*(401|404|409)/.test(e))).toEqual([]);
  });
});
