import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkPage, launchChromium, setupWorkspace, startSextant, type RunningServer } from './harness.js';

/**
 * Discovery in the demo workspace: the inbox (search, add, link as evidence), the opportunity's
 * evidence roll-up, customers and research. Every page is screenshotted and scanned with axe-core.
 */
describe('discovery: from customer feedback to graded evidence', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let w = '';

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const setup = await setupWorkspace(browser, server, { name: 'Dana Lead', email: 'dana@example.test', workspace: 'Scratch', demo: true });
    page = setup.page;
    errors = setup.errors;
    w = setup.w;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('searches the inbox with web-search syntax and shows highlighted snippets', async () => {
    await page.goto(`${w}/feedback`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Feedback' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('list', { name: 'Feedback' }).getByRole('button').count()).toBeGreaterThan(5);
    await checkPage(page, 'd01-inbox');
    await page.getByLabel('Search feedback').fill('"3-D Secure" -iphone');
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);
    await checkPage(page, 'd02-inbox-search');
  });

  it('adds feedback and links it to an opportunity as evidence', async () => {
    await page.getByLabel('Search feedback').fill('');
    await page.getByRole('button', { name: 'Add feedback' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Feedback').fill('Apple Pay would make our mobile checkout twice as fast, our shoppers keep asking.');
    await dialog.getByRole('button', { name: 'Add feedback' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByLabel('Search feedback').fill('"Apple Pay" twice');
    const item = page.getByRole('list', { name: 'Feedback' }).getByRole('button').first();
    await expect.poll(() => item.textContent()).toMatch(/Apple Pay/);
    await item.click();
    // The link dialog preselects the suggestion it has when it opens; over the demo's ~300 items the
    // suggestions take a moment, so wait until the detail pane shows them.
    const detail = page.getByRole('region', { name: 'Feedback detail' });
    await expect.poll(() => detail.getByText(/phone wallet/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Link to opportunity' }).click();
    const link = page.getByRole('dialog');
    // The most likely opportunity (from the suggestions) is already picked.
    const picker = link.getByLabel('Opportunity', { exact: true }).first();
    await expect.poll(() => picker.inputValue()).toMatch(/phone wallet/);
    // The picker opens with its suggestions listed; Escape folds the list away (a second would close the modal).
    await expect.poll(() => page.getByRole('option', { name: /phone wallet/ }).count()).toBeGreaterThan(0);
    await picker.press('Escape');
    await expect.poll(() => page.getByRole('option').count()).toBe(0);
    await link.getByRole('button', { name: 'Link', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await checkPage(page, 'd03-inbox-linked');
  });

  it('shows the opportunity with its evidence roll-up and the new quote', async () => {
    await page.goto(`${w}/opportunities`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Opportunities' }).count()).toBe(1);
    await checkPage(page, 'd04-opportunities');
    await page.getByRole('link', { name: /phone wallet/ }).first().click();
    await expect.poll(() => page.getByText(/Apple Pay would make our mobile checkout/).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('Evidence score', { exact: false }).count()).toBeGreaterThan(0);
    await checkPage(page, 'd05-opportunity');
  });

  it('lists customers and research, and renders interview notes', async () => {
    await page.goto(`${w}/customers`);
    await expect.poll(() => page.getByText('Northwind Outfitters').count()).toBeGreaterThan(0);
    await checkPage(page, 'd06-customers');
    await page.getByRole('link', { name: 'Northwind Outfitters' }).first().click();
    await expect.poll(() => page.getByText('Hannah Lee').count()).toBeGreaterThan(0);
    await checkPage(page, 'd07-customer');
    await page.goto(`${w}/research`);
    await page.getByRole('link', { name: /Northwind: checkout drop-off/ }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'What we heard' }).count()).toBe(1);
    await checkPage(page, 'd08-interview');
    await page.goto(`${w}/research?tab=experiments`);
    await expect.poll(() => page.getByText('In-page 3-D Secure challenge').count()).toBeGreaterThan(0);
    await checkPage(page, 'd09-experiments');
    expect(errors.filter((e) => !/Failed to load resource.*(401|404)/.test(e))).toEqual([]);
  });
});
