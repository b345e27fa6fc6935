import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkPage, joinAs, launchChromium, setupWorkspace, startSextant, type RunningServer } from './harness.js';

/** Calls the API from the signed-in page, as the web app does. */
async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : res.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/**
 * A feature from creation to evidence: create it in a component, write its requirements with the
 * live preview, save revisions and compare them, link a customer's feedback and see the roll-up.
 * Every page is screenshotted and scanned with axe-core, and the feature page again in dark mode.
 */
describe('features: requirements and evidence', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let workspaceId = '';
  let w = '';
  let api = '';

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const setup = await setupWorkspace(browser, server, { name: 'Dana Lead', email: 'dana@example.test', workspace: 'Fleet Co', colorScheme: 'light' });
    page = setup.page;
    errors = setup.errors;
    workspaceId = setup.workspaceId;
    w = setup.w;
    api = `/api/v1${setup.ws}`;
    // The records a feature sits among: a product with a component, a customer and what they said.
    const me = (await apiCall<{ items: { id: string; name: string }[] }>(page, 'GET', `${api}/members`)).items[0]!;
    const product = await apiCall<{ id: string }>(page, 'POST', `${api}/products`, { name: 'Fleet Suite' });
    await apiCall(page, 'POST', `${api}/products/${product.id}/components`, { name: 'Routing', ownerId: me.id });
    const customer = await apiCall<{ id: string }>(page, 'POST', `${api}/customers`, { name: 'Northwind Logistics', arr: '120000' });
    await apiCall(page, 'POST', `${api}/feedback`, { text: 'Our drivers keep missing the delivery windows our customers booked.', source: 'customer_success', customerId: customer.id });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a feature from the features page', async () => {
    await page.goto(`${w}/features`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Features' }).count()).toBe(1);
    await expect.poll(() => page.getByText('No features yet').count()).toBe(1);
    await checkPage(page, 'f01-features-empty');
    await page.getByRole('button', { name: 'New feature' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Window-aware routing');
    // The only component the lead may use is picked already.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Component' }).inputValue()).toBe('Routing');
    await dialog.getByLabel('Start date').fill('2027-01-04');
    await dialog.getByLabel('End date').fill('2027-02-26');
    await dialog.getByLabel('Effort').fill('5');
    await checkPage(page, 'f02-new-feature');
    await dialog.getByRole('button', { name: 'Create feature' }).click();
    await page.waitForURL(/\/features\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Window-aware routing' }).count()).toBe(1);
  });

  it('writes the requirements with a sanitised live preview and keeps revisions', async () => {
    const editor = page.getByLabel('Markdown');
    // A new feature starts from the template.
    await expect.poll(() => editor.inputValue()).toMatch(/## Goals and success metrics/);
    await editor.fill('## Problem\n\nDrivers miss **booked delivery windows**.\n\n<img src=x onerror="window.pwned=1">\n\n## Users\n\n- Dispatchers');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.locator('strong').textContent()).toBe('booked delivery windows');
    await expect.poll(() => preview.getByRole('heading', { name: 'Problem' }).count()).toBe(1);
    // Raw HTML stays text: no image, no handler ran.
    expect(await preview.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.getByRole('button', { name: 'Save revision' }).click();
    await expect.poll(() => page.getByText(/Revision 1, saved/).count()).toBe(1);

    await editor.fill('## Problem\n\nDrivers miss **booked delivery windows**.\n\n## Users\n\n- Dispatchers\n- Drivers');
    await page.getByRole('button', { name: 'Save revision' }).click();
    await expect.poll(() => page.getByText(/Revision 2, saved/).count()).toBe(1);
    await checkPage(page, 'f03-requirements');

    await page.getByRole('button', { name: 'Revisions' }).click();
    const drawer = page.getByRole('dialog', { name: 'Revisions of the requirements' });
    await expect.poll(() => drawer.getByRole('list', { name: 'Revisions' }).getByRole('listitem').count()).toBe(2);
    const changes = drawer.getByRole('list', { name: /Changes from revision 1/ });
    await expect.poll(() => changes.getByRole('listitem').filter({ hasText: 'added: - Drivers' }).count()).toBe(1);
    await checkPage(page, 'f04-revisions');
    await drawer.getByText('Rendered', { exact: true }).click();
    await expect.poll(() => drawer.getByRole('region', { name: 'Revision 1' }).locator('strong').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('links a customer’s feedback and rolls up the evidence', async () => {
    await page.getByRole('tab', { name: /Evidence/ }).click();
    await expect.poll(() => page.locator('[data-stat="Evidence"]').textContent()).toBe('0');
    await page.getByRole('button', { name: 'Link feedback' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link feedback as evidence' });
    await dialog.getByLabel('Search feedback').fill('delivery windows');
    const match = dialog.getByRole('list', { name: 'Matching feedback' }).getByRole('listitem').first();
    await expect.poll(() => match.textContent()).toMatch(/missing the delivery windows/);
    await match.click();
    await checkPage(page, 'f05-link-feedback');
    await dialog.getByRole('button', { name: 'Link feedback' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.locator('[data-stat="Evidence"]').textContent()).toBe('1');
    await expect.poll(() => page.locator('[data-stat="Customers"]').textContent()).toBe('1');
    await expect.poll(() => page.locator('[data-stat="ARR"]').textContent()).toBe('$120,000');
    await expect.poll(() => page.getByText('Northwind Logistics').count()).toBeGreaterThan(0);
    await checkPage(page, 'f06-evidence');
    await page.getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => page.getByText(/Linked a feedback item/).count()).toBe(1);
    await checkPage(page, 'f07-history');
  });

  it('tells an editor someone else changed the feature, and loads the latest version', async () => {
    const featureId = /\/features\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit feature' });
    await dialog.getByLabel('Title').fill('Window-aware routing v2');
    // Meanwhile a colleague changes the status.
    const current = await apiCall<{ version: number }>(page, 'GET', `${api}/features/${featureId}`);
    await apiCall(page, 'PATCH', `${api}/features/${featureId}`, { status: 'planned', version: current.version });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Someone else changed this feature/);
    await checkPage(page, 'f08-edit-conflict');
    await dialog.getByRole('button', { name: 'Load the latest version' }).click();
    await expect.poll(() => dialog.getByRole('alert').count()).toBe(0);
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('Planned');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('lists the feature with its roll-up, and reads well in dark mode', async () => {
    await page.goto(`${w}/features`);
    const row = page.getByRole('table', { name: 'Features' }).getByRole('row').filter({ hasText: 'Window-aware routing' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByLabel('1 feedback item from 1 customer, $120,000 ARR').count()).toBe(1);
    await checkPage(page, 'f09-features');

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('link', { name: 'Window-aware routing' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Window-aware routing' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await checkPage(page, 'f10-feature-dark');
    await page.goto(`${w}/features`);
    await expect.poll(() => page.getByRole('table', { name: 'Features' }).count()).toBe(1);
    await checkPage(page, 'f11-features-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // The 409 is the conflict provoked above.
    expect(errors.filter((e) => !/Failed to load resource.*(401|404|409)/.test(e))).toEqual([]);
  });

  it('shows a viewer the stakeholder version: no edit controls, no internal fields or features', async () => {
    const feature = (await apiCall<{ items: { id: string; componentId: string }[] }>(page, 'GET', `${api}/features`)).items[0]!;
    await apiCall(page, 'POST', `${api}/features`, { componentId: feature.componentId, title: 'Acquisition prep', internal: true });
    const joined = await joinAs(browser, server, page, workspaceId, { role: 'viewer', name: 'Sam Stakeholder', email: 'sam@example.test' });
    const viewer = joined.page;
    const viewerErrors = joined.errors;

    await viewer.goto(`${w}/features`);
    const table = viewer.getByRole('table', { name: 'Features' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Window-aware routing' }).count()).toBe(1);
    expect(await table.getByText('Acquisition prep').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'New feature' }).count()).toBe(0);
    await checkPage(viewer, 'f12-features-viewer');

    await viewer.goto(`${w}/features/${feature.id}`);
    await expect.poll(() => viewer.getByRole('heading', { level: 1, name: 'Window-aware routing' }).count()).toBe(1);
    // The rendered requirements, without the editor; effort is internal by default.
    await expect.poll(() => viewer.getByRole('region', { name: 'Requirements' }).locator('strong').textContent()).toBe('booked delivery windows');
    expect(await viewer.getByLabel('Markdown').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await viewer.getByText(/Effort/).count()).toBe(0);
    await checkPage(viewer, 'f13-feature-viewer');
    await viewer.context().close();
    expect(viewerErrors.filter((e) => !/Failed to load resource.*(401|403|404)/.test(e))).toEqual([]);
  });
});
