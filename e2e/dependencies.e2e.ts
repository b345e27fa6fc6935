import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkPage, launchChromium, setupWorkspace, startSextant, type RunningServer } from './harness.js';

/**
 * Dependencies across components: add one from the feature page, preview a plan change (what-if),
 * see the conflict in the product's graph and list once the prerequisite moves later, follow a graph
 * node with the keyboard, and have a cycle refused with its path named. Light and dark, scanned by axe.
 */
describe('dependencies: from a feature page to the product graph', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let ws = '';
  let w = '';
  const ids = { routing: '', offline: '' };

  /** Calls the API from the signed-in page, as the web client does. */
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await page.evaluate(
      async ({ method, path, body }) => {
        const r = await fetch(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: r.status, text: await r.text() };
      },
      { method, path, body },
    );
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return (res.text ? JSON.parse(res.text) : undefined) as T;
  }

  /** Opens a feature's page on its Dependencies tab and returns that section. */
  async function featureDependencies(featureId: string) {
    await page.goto(`${w}/features/${featureId}`);
    const tab = page.getByRole('tab', { name: 'Dependencies' });
    await tab.click();
    return page.getByRole('region', { name: 'Dependencies' });
  }

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const setup = await setupWorkspace(browser, server, { name: 'Dana Lead', email: 'dana@example.test', workspace: 'Fleet' });
    page = setup.page;
    errors = setup.errors;
    ws = setup.workspaceId;
    w = setup.w;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('explains what to do while there is no product, then no dependency', async () => {
    await page.goto(`${w}/dependencies`);
    await expect.poll(() => page.getByRole('heading', { name: 'No products yet' }).count()).toBe(1);
    await checkPage(page, 'dep01-no-products');

    const api = `/api/v1/workspaces/${ws}`;
    const productId = (await call<{ id: string }>('POST', `${api}/products`, { name: 'Fleet Suite' })).id;
    const routing = (await call<{ id: string }>('POST', `${api}/products/${productId}/components`, { name: 'Routing' })).id;
    const driver = (await call<{ id: string }>('POST', `${api}/products/${productId}/components`, { name: 'Driver App' })).id;
    const feature = async (componentId: string, title: string, startDate: string, endDate: string) =>
      (await call<{ id: string }>('POST', `${api}/features`, { componentId, title, status: 'planned', horizon: 'next', startDate, endDate })).id;
    ids.routing = await feature(routing, 'Window-aware routing', '2027-01-04', '2027-02-26');
    ids.offline = await feature(driver, 'Offline proof of delivery', '2027-03-01', '2027-04-30');

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'No dependencies in this product yet' }).count()).toBe(1);
  });

  it('adds a cross-component dependency from the feature page', async () => {
    const section = await featureDependencies(ids.offline);
    await expect.poll(() => section.getByRole('heading', { name: 'Add a dependency' }).count()).toBe(1);
    const picker = section.getByLabel('Prerequisite', { exact: true }).first();
    await picker.fill('Window');
    await page.getByRole('option', { name: /Window-aware routing/ }).click();
    await section.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => section.getByRole('link', { name: 'Window-aware routing' }).count()).toBe(1);
    await expect.poll(() => section.getByText('in conflict').count()).toBe(0);
    await checkPage(page, 'dep02-feature-needs');
  });

  it('previews which dependents would conflict before the prerequisite moves (what-if)', async () => {
    const section = await featureDependencies(ids.routing);
    await expect.poll(() => section.getByRole('link', { name: 'Offline proof of delivery' }).count()).toBe(1);
    await section.getByLabel('Start date').fill('2027-03-15');
    await section.getByLabel('End date').fill('2027-05-14');
    await section.getByRole('button', { name: 'Preview' }).click();
    const result = section.getByLabel('Preview result');
    await expect.poll(() => result.getByText('New conflict').count()).toBe(1);
    await expect.poll(() => result.getByText(/ends on 2027-05-14, after “Offline proof of delivery” starts on 2027-03-01/).count()).toBe(1);
    await checkPage(page, 'dep03-what-if');
    // Nothing was saved.
    const list = await call<{ total: number }>('GET', `/api/v1/workspaces/${ws}/dependencies?featureId=${ids.routing}`);
    expect(list).toMatchObject({ feature: { startDate: '2027-01-04' } });
  });

  it('shows the conflict in the graph and the list once the prerequisite moves later', async () => {
    const api = `/api/v1/workspaces/${ws}`;
    const current = await call<{ version: number }>('GET', `${api}/features/${ids.routing}`);
    await call('PATCH', `${api}/features/${ids.routing}`, { startDate: '2027-03-15', endDate: '2027-05-14', version: current.version });

    await page.goto(`${w}/dependencies`);
    await expect.poll(() => page.locator('[data-testid="dependency-graph"] path[data-conflict]').count()).toBe(1);
    const table = page.getByRole('table', { name: 'Conflicting dependencies' });
    await expect.poll(() => table.getByText('Prerequisite ends too late').count()).toBe(1);
    await expect.poll(() => table.getByRole('link', { name: 'Window-aware routing' }).count()).toBe(1);
    await checkPage(page, 'dep04-graph-conflict');

    // Keyboard: Tab reaches the graph's features; Enter opens one.
    const node = page.getByRole('link', { name: /^Offline proof of delivery, Driver App/ });
    await node.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/features/${ids.offline}$`));
  });

  it('draws a larger graph across products, and narrows it to the conflicts', async () => {
    const api = `/api/v1/workspaces/${ws}`;
    const products = await call<{ items: { id: string; components: { id: string; name: string }[] }[] }>('GET', `${api}/products`);
    const comp = (name: string) => products.items.flatMap((p) => p.components).find((c) => c.name === name)!.id;
    const platform = (await call<{ id: string }>('POST', `${api}/products`, { name: 'Platform' })).id;
    const maps = (await call<{ id: string }>('POST', `${api}/products/${platform}/components`, { name: 'Maps' })).id;
    const feature = async (componentId: string, title: string, plan: Record<string, unknown>) => (await call<{ id: string }>('POST', `${api}/features`, { componentId, title, ...plan })).id;
    const tiles = await feature(maps, 'Map tiles v2', { status: 'idea' });
    const eta = await feature(comp('Driver App'), 'Driver ETA sharing', { status: 'in_progress', horizon: 'next', startDate: '2027-05-03', endDate: '2027-06-25' });
    const traffic = await feature(comp('Routing'), 'Live traffic layer', { status: 'shipped', horizon: 'now', startDate: '2026-09-01', endDate: '2026-11-20' });
    const depend = (featureId: string, dependsOnId: string) => call('POST', `${api}/dependencies`, { featureId, dependsOnId });
    await depend(eta, ids.offline);
    await depend(eta, ids.routing);
    await depend(ids.routing, tiles);
    await depend(ids.offline, traffic);

    await page.goto(`${w}/dependencies`);
    const graph = page.locator('[data-testid="dependency-graph"]');
    await expect.poll(() => graph.locator('path[data-conflict]').count()).toBe(3);
    await expect.poll(() => graph.getByRole('link').count()).toBe(5);
    await checkPage(page, 'dep04b-graph-larger');
    await page.getByLabel('Only conflicts').check();
    await expect.poll(() => graph.getByRole('link').count()).toBe(4);
    await page.getByLabel('Only conflicts').uncheck();
  });

  it('refuses a cycle and names its path', async () => {
    const section = await featureDependencies(ids.routing);
    await expect.poll(() => section.getByRole('heading', { name: 'Add a dependency' }).count()).toBe(1);
    const picker = section.getByLabel('Prerequisite', { exact: true }).first();
    await picker.fill('Offline');
    await page.getByRole('option', { name: /Offline proof of delivery/ }).click();
    await section.getByRole('button', { name: 'Add', exact: true }).click();
    const alert = section.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('would create a cycle: Window-aware routing → Offline proof of delivery → Window-aware routing');
    await checkPage(page, 'dep05-cycle-refused');
  });

  it('reads well in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${w}/dependencies`);
    await expect.poll(() => page.locator('[data-testid="dependency-graph"] path[data-conflict]').count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await checkPage(page, 'dep06-graph-dark');
    const section = await featureDependencies(ids.offline);
    await expect.poll(() => section.getByText('1 in conflict').count()).toBe(1);
    await checkPage(page, 'dep07-feature-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // The refused cycle answered 409 on purpose; nothing else may fail.
    expect(errors.filter((e) => !/Failed to load resource.*(401|404|409)/.test(e))).toEqual([]);
  });
});
