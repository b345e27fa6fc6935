import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkPage, launchChromium, startSextant, watchErrors, type RunningServer } from './harness.js';

const PASSWORD = 'Correct-Horse-Battery-9';

/**
 * The founding journey: first-run setup → create a workspace → a product with two components → invite a
 * PM → the PM accepts in a second browser (in dark mode) → the PM sees the product and can edit only the
 * component they own. Every page visited is screenshotted and scanned with axe-core.
 */
describe('first run to a PM editing their own component', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let pmContext: BrowserContext;
  let page: Page;
  let pmPage: Page;
  let workspaceUrl = '';
  let productUrl = '';
  let inviteLink = '';

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    admin = await browser.newContext({ baseURL: server.base, viewport: { width: 1360, height: 900 } });
    page = await admin.newPage();
    afterAllErrors.push(watchErrors(page));
  });
  const afterAllErrors: string[][] = [];

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs the first-run setup and lands in the first workspace', async () => {
    await page.goto('/');
    await page.waitForURL(/\/setup$/);
    await checkPage(page, '01-setup');
    await page.getByLabel('Name', { exact: true }).fill('Ada Admin');
    await page.getByLabel('Email', { exact: true }).fill('ada@example.test');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Workspace name').fill('Northwind');
    await page.getByRole('button', { name: 'Set up Sextant' }).click();
    await expect.poll(() => page.getByText(/at least 10 characters/).count()).toBeGreaterThan(0);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Set up Sextant' }).click();
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Northwind' }).count()).toBe(1);
    await checkPage(page, '02-home-first-workspace');
  });

  it('creates a second workspace from the switcher', async () => {
    await page.getByRole('button', { name: /Switch workspace/ }).click();
    await page.getByRole('menuitem', { name: 'Create workspace' }).click();
    await page.getByLabel('Workspace name').fill('Atlas Platform');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Atlas Platform' }).count()).toBe(1);
    workspaceUrl = new URL(page.url()).pathname.match(/\/w\/[0-9a-f-]{36}/)![0];
    await checkPage(page, '03-home-empty-workspace');
  });

  it('creates a product with two components', async () => {
    await page.getByRole('button', { name: 'Create product' }).first().click();
    await page.getByRole('dialog').getByLabel('Name').fill('Commerce Platform');
    await page.getByRole('dialog').getByRole('button', { name: 'Create product' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.goto(`${workspaceUrl}/products`);
    await page.getByRole('link', { name: 'Commerce Platform' }).first().click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    productUrl = new URL(page.url()).pathname;
    await checkPage(page, '04-product-empty');
    for (const name of ['Checkout', 'Catalog']) {
      await page.getByRole('button', { name: 'Add component' }).first().click();
      await page.getByRole('dialog').getByLabel('Name').fill(name);
      await page.getByRole('dialog').getByRole('button', { name: 'Add component' }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      await expect.poll(() => page.getByRole('cell', { name: new RegExp(`^${name}`) }).count()).toBeGreaterThan(0);
    }
    await checkPage(page, '05-product-two-components');
  });

  it('invites a PM and shows the link once', async () => {
    await page.goto(`${workspaceUrl}/settings/members`);
    await page.getByRole('button', { name: 'Invite member' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill('pat@example.test');
    await dialog.getByLabel('Role', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Product manager' }).click();
    await dialog.getByRole('button', { name: 'Invite member' }).click();
    const link = dialog.getByLabel('Invitation link');
    await expect.poll(() => link.inputValue()).toMatch(/\/invite\//);
    inviteLink = await link.inputValue();
    await checkPage(page, '06-invitation-link');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await checkPage(page, '07-members');
  });

  it('lets the PM accept in a second browser, in dark mode', async () => {
    pmContext = await browser.newContext({ baseURL: server.base, colorScheme: 'dark', viewport: { width: 1360, height: 900 } });
    pmPage = await pmContext.newPage();
    afterAllErrors.push(watchErrors(pmPage));
    await pmPage.goto(inviteLink);
    await expect.poll(() => pmPage.getByText('Product manager').count()).toBeGreaterThan(0);
    await checkPage(pmPage, '08-invitation-signed-out-dark');
    await pmPage.getByRole('link', { name: 'Create account' }).click();
    await pmPage.getByLabel('Name', { exact: true }).fill('Pat PM');
    await pmPage.getByLabel('Email', { exact: true }).fill('pat@example.test');
    await pmPage.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await checkPage(pmPage, '09-sign-up-dark');
    await pmPage.getByRole('button', { name: 'Create account' }).click();
    await pmPage.waitForURL(/\/invite\//);
    await pmPage.getByRole('button', { name: 'Accept invitation' }).click();
    await pmPage.waitForURL(/\/w\/[0-9a-f-]{36}/);
    await expect.poll(() => pmPage.getByRole('heading', { level: 1, name: 'Atlas Platform' }).count()).toBe(1);
    await checkPage(pmPage, '10-pm-home-dark');
  });

  it('makes the PM owner of Checkout', async () => {
    await page.goto(productUrl);
    await page.getByRole('button', { name: 'Edit Checkout' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Owner PM', { exact: true }).first().click();
    await page.getByRole('option', { name: /Pat PM/ }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByRole('row', { name: /Checkout.*Pat PM/ }).count()).toBe(1);
    await checkPage(page, '11-product-with-owner');
  });

  it('shows the PM the product, with edit only on their own component', async () => {
    await pmPage.goto(productUrl);
    await expect.poll(() => pmPage.getByRole('heading', { level: 1, name: 'Commerce Platform' }).count()).toBe(1);
    await expect.poll(() => pmPage.getByRole('button', { name: 'Edit Checkout' }).count()).toBe(1);
    expect(await pmPage.getByRole('button', { name: 'Edit Catalog' }).count()).toBe(0);
    expect(await pmPage.getByRole('button', { name: /^Delete / }).count()).toBe(0);
    expect(await pmPage.getByRole('button', { name: 'Add component' }).count()).toBe(0);
    await checkPage(pmPage, '12-pm-product-dark');
    await pmPage.getByRole('button', { name: 'Edit Checkout' }).click();
    const dialog = pmPage.getByRole('dialog');
    await dialog.getByLabel('Description').fill('Cart, payment and order confirmation.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => pmPage.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => pmPage.getByText('Cart, payment and order confirmation.').count()).toBeGreaterThan(0);
    // The server agrees: the PM cannot change a component they do not own, whatever the UI shows.
    const res = await pmPage.evaluate(async (url) => {
      const product = await (await fetch(`/api/v1${url.replace(/^\/w\//, '/workspaces/')}`)).json();
      const other = product.components.find((c: { name: string }) => c.name === 'Catalog');
      const r = await fetch(`/api/v1${url.replace(/^\/w\//, '/workspaces/')}/components/${other.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description: 'hijack', version: other.version }),
      });
      return r.status;
    }, productUrl);
    expect(res).toBe(403);
  });

  it('shows the notifications and the audit trail of the journey', async () => {
    await pmPage.getByRole('button', { name: /Notifications/ }).click();
    await expect.poll(() => pmPage.getByText('You now own Checkout').count()).toBeGreaterThan(0);
    await checkPage(pmPage, '13-pm-notifications-dark');
    await page.goto(`${workspaceUrl}/settings/audit`);
    await expect.poll(() => page.getByText(/Updated component “Checkout”/).count()).toBeGreaterThan(0);
    await checkPage(page, '14-audit-log');
    for (const [path, name] of [
      ['/people', '15-people'],
      ['/settings/workspace', '16-workspace-settings'],
      ['/settings/tokens', '17-api-tokens'],
      ['/settings/profile', '18-profile'],
    ] as const) {
      await page.goto(`${workspaceUrl}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await checkPage(page, name);
    }
    // Export this workspace and import it again as a new one, from the settings page.
    await page.goto(`${workspaceUrl}/settings/workspace`);
    const exported = await page.evaluate(async (w) => (await fetch(`/api/v1${w.replace(/^\/w\//, '/workspaces/')}/export`)).text(), workspaceUrl);
    await page.locator('input[type=file]').setInputFiles({ name: 'atlas.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await page.waitForURL((url) => /\/w\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.startsWith(workspaceUrl));
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Atlas Platform' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Commerce Platform').count()).toBeGreaterThan(0);
    await checkPage(page, '19-imported-workspace');
    const logged = afterAllErrors.flat().filter((e) => !/Failed to load resource.*(401|403|404)/.test(e));
    expect(logged).toEqual([]);
  });
});
