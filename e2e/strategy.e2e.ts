import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, checkPage, joinAs, launchChromium, setupWorkspace, startSextant, type RunningServer } from './harness.js';

const VISION = 'Be the billing tool mid-market finance teams trust.';
const PROPOSED = 'Be the billing tool European mid-market finance teams trust.';

/**
 * The strategy document (issue 6), as a lead and a PM in two browsers: the lead drafts the strategy
 * and publishes it; the PM proposes a change to the vision; the lead accepts it and publishes v2; the
 * PM sees v2 and opens what changed, with the proposed word shown as an insertion. Every view is
 * screenshotted and scanned with axe-core, light and dark.
 */
describe('strategy', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let lead: Page;
  let pm: Page;
  const errors: string[][] = [];
  let workspaceId = '';
  let productId = '';
  let url = '';

  async function both(page: Page, name: string) {
    await checkPage(page, `${name}-light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await checkPage(page, `${name}-dark`);
    await page.emulateMedia({ colorScheme: 'light' });
  }

  /** Edits a section of the document in place and saves it. */
  async function writeSection(page: Page, title: string, text: string) {
    await page.getByRole('button', { name: `Edit ${title}` }).click();
    const box = page.getByRole('textbox', { name: title });
    await box.fill(text);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: title, exact: true }).textContent()).toContain(text);
  }

  async function publish(page: Page, note: string, number: number) {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Publish version ${number}` });
    await dialog.getByLabel('What changed').fill(note);
    await dialog.getByRole('button', { name: `Publish v${number}` }).click();
    await expect.poll(() => page.getByTestId('strategy-status').textContent()).toContain(`Published v${number}`);
  }

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const setup = await setupWorkspace(browser, server, { name: 'Ada Admin', email: 'ada@example.test', workspace: 'Harbor Labs', errors });
    admin = setup.page;
    workspaceId = setup.workspaceId;
    lead = (await joinAs(browser, server, admin, workspaceId, { role: 'lead', name: 'Lee Lead', email: 'lee@example.test', errors })).page;
    const joined = await joinAs(browser, server, admin, workspaceId, { role: 'pm', name: 'Pia PM', email: 'pia@example.test', errors });
    pm = joined.page;
    const product = await apiCall<{ id: string }>(admin, `/workspaces/${workspaceId}/products`, { method: 'POST', body: { name: 'Atlas' } });
    productId = product.body.id;
    const component = await apiCall(admin, `/workspaces/${workspaceId}/products/${productId}/components`, { method: 'POST', body: { name: 'Billing', ownerId: joined.memberId } });
    expect(component.status).toBe(201);
    url = `/w/${workspaceId}/strategy?productId=${productId}`;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the lead drafts the strategy and publishes it', async () => {
    await pm.goto(url);
    await expect.poll(() => pm.getByText('The product lead has not written this product’s strategy yet.').count()).toBe(1);
    await checkPage(pm, 's01-pm-no-strategy');

    await lead.goto(url);
    await expect.poll(() => lead.getByRole('heading', { name: 'No strategy yet' }).count()).toBe(1);
    await checkPage(lead, 's02-lead-empty');
    await lead.getByRole('button', { name: 'Start writing' }).click();
    await lead.getByRole('button', { name: 'Edit Vision' }).click();
    await lead.getByRole('textbox', { name: 'Vision' }).fill(`${VISION}\n\n- Invoices out in one click\n- **No** spreadsheets`);
    await checkPage(lead, 's03-lead-editing');
    await lead.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => lead.getByRole('region', { name: 'Vision', exact: true }).textContent()).toContain(VISION);
    await writeSection(lead, 'Problems we solve', 'Month-end closing takes a week.');
    await writeSection(lead, 'Principles', 'Boring and reliable beats clever.');
    await expect.poll(() => lead.getByTestId('strategy-status').textContent()).toContain('Draft has unpublished changes');

    await lead.getByRole('tab', { name: 'Storytelling' }).click();
    await lead.getByRole('button', { name: 'Edit The 75-second version' }).click();
    await lead.getByRole('textbox', { name: 'Story' }).fill('We make billing boring, so finance teams can close the month in a day.');
    await lead.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => lead.getByTestId('story-stats-short').textContent()).toContain('14 words');
    await both(lead, 's04-storytelling');
    await lead.getByRole('tab', { name: 'Document' }).click();

    await publish(lead, 'First version', 1);
    await both(lead, 's05-lead-published');
  });

  it('the PM proposes a change to the vision', async () => {
    await pm.goto(url);
    await expect.poll(() => pm.getByTestId('strategy-status').textContent()).toContain('Published v1');
    await pm.getByRole('button', { name: 'Propose a change to Vision' }).click();
    const dialog = pm.getByRole('dialog', { name: 'Propose a change to “Vision”' });
    const text = dialog.getByRole('textbox', { name: 'Suggested text' });
    expect(await text.inputValue()).toContain(VISION);
    await text.fill((await text.inputValue()).replace(VISION, PROPOSED));
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Nine of our ten largest deals this year were in Europe.');
    await checkPage(pm, 's06-pm-proposing');
    await dialog.getByRole('button', { name: 'Send proposal' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await pm.getByRole('tab', { name: /Proposals/ }).click();
    const card = pm.getByTestId('proposal').first();
    await expect.poll(async () => (await card.locator('ins').allTextContents()).join('|')).toContain('European');
    await card.getByRole('button', { name: 'Comment' }).click();
    await card.getByRole('textbox', { name: 'Add a comment' }).fill('UK included, for now.');
    await card.getByRole('button', { name: 'Comment', exact: true }).last().click();
    await expect.poll(() => card.getByRole('list', { name: 'Comments' }).textContent()).toContain('UK included');
    await both(pm, 's07-pm-proposals');
  });

  it('the lead accepts it and publishes v2', async () => {
    await lead.goto(url);
    await lead.getByRole('tab', { name: /Proposals/ }).click();
    const card = lead.getByTestId('proposal').first();
    await expect.poll(() => card.textContent()).toContain('Nine of our ten largest deals');
    await checkPage(lead, 's08-lead-deciding');
    await card.getByRole('textbox', { name: /Decision note/ }).fill('Agreed, Europe first.');
    await card.getByRole('button', { name: 'Accept and merge' }).click();
    await expect.poll(() => card.textContent()).toContain('accepted');
    await lead.getByRole('tab', { name: 'Document' }).click();
    await expect.poll(() => lead.getByRole('region', { name: 'Vision', exact: true }).textContent()).toContain(PROPOSED);
    await publish(lead, 'Europe first', 2);
  });

  it('the PM sees v2 and what changed in it', async () => {
    await pm.goto(url);
    await expect.poll(() => pm.getByTestId('strategy-status').textContent()).toContain('Published v2');
    await expect.poll(() => pm.getByRole('region', { name: 'Vision', exact: true }).textContent()).toContain(PROPOSED);
    await pm.getByRole('button', { name: 'What changed in v2' }).first().click();
    const report = pm.getByTestId('diff-report');
    await expect.poll(() => report.textContent()).toContain('v1 → v2');
    expect((await report.locator('ins').allTextContents()).join('|')).toContain('European');
    await both(pm, 's09-pm-what-changed');
    const notes = await apiCall<{ items: { kind: string; title: string }[] }>(pm, `/workspaces/${workspaceId}/notifications`);
    expect(notes.body.items.filter((n) => n.kind === 'strategy.published').map((n) => n.title)).toEqual([
      'Lee Lead published v2 of the Atlas strategy',
      'Lee Lead published v1 of the Atlas strategy',
    ]);
    expect(errors.flat()).toEqual([]);
  });
});
