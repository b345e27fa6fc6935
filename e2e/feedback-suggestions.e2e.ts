import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkPage, launchChromium, setupWorkspace, startSextant, watchErrors, type RunningServer } from './harness.js';

// A near copy of the demo's "The 3DS popup breaks on iPhone Safari and customers think the site froze."
const DRAFT = 'The 3DS popup breaks on iPhone Safari and our shoppers think the whole site froze.';
const DEMO_DUPLICATE = /3DS popup breaks on iPhone Safari and customers think the site froze/;
const SCA_OPPORTUNITY = 'Card payments fail at strong customer authentication';

interface FeedbackJson {
  id: string;
  text: string;
  evidence: { opportunityId: string; title: string }[];
}

/**
 * Adding feedback in the demo workspace: as the text is typed, the form suggests the item already
 * captured and the opportunity the new one belongs to; the chosen opportunity is linked on save.
 * The form with its suggestions is screenshotted and scanned with axe-core, light and dark.
 */
describe('add feedback: likely duplicates and opportunities while typing', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[][] = [];
  let workspaceId = '';
  let w = '';

  const panel = (p: Page) => p.getByRole('dialog').getByRole('region', { name: 'Possibly already captured' });

  /** Opens the inbox and the add-feedback form. */
  async function openAddForm(p: Page): Promise<void> {
    await p.goto(`${w}/feedback`);
    await expect.poll(() => p.getByRole('heading', { level: 1, name: 'Feedback' }).count()).toBe(1);
    await p.getByRole('button', { name: 'Add feedback' }).first().click();
    await expect.poll(() => p.getByRole('dialog').getByLabel('Feedback', { exact: true }).count()).toBe(1);
  }

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const setup = await setupWorkspace(browser, server, { name: 'Dana Lead', email: 'dana@example.test', workspace: 'Scratch', demo: true, errors });
    page = setup.page;
    context = page.context();
    workspaceId = setup.workspaceId;
    w = setup.w;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('suggests the duplicate and the opportunity as the text is typed, and links the chosen opportunity on save', async () => {
    await openAddForm(page);
    const dialog = page.getByRole('dialog');
    const text = dialog.getByLabel('Feedback', { exact: true });

    // Too short to be worth asking: no panel, however long we wait past the debounce.
    await text.fill('The 3DS popup');
    await page.waitForTimeout(900);
    expect(await panel(page).count()).toBe(0);

    await text.pressSequentially(' breaks on iPhone Safari and our shoppers think the whole site froze.', { delay: 10 });
    await expect.poll(() => text.inputValue()).toBe(DRAFT);
    const duplicates = panel(page).getByRole('list', { name: 'Likely duplicates' });
    await expect.poll(() => duplicates.getByText(DEMO_DUPLICATE).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => duplicates.getByText(/Kinetic Sports · \d+% similar/).count()).toBeGreaterThan(0);
    const status = panel(page).getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/likely duplicate.*suggested opportunit/);

    // Nothing is linked unless chosen; then the choice is named next to the save button.
    const none = dialog.getByRole('radio', { name: "Don't link" });
    expect(await none.isChecked()).toBe(true);
    const sca = dialog.getByRole('radio', { name: new RegExp(SCA_OPPORTUNITY) });
    await sca.check();
    expect(await sca.isChecked()).toBe(true);
    await expect.poll(() => dialog.getByText(`Links to “${SCA_OPPORTUNITY}” on save`).count()).toBe(1);
    await checkPage(page, 'fs01-add-feedback-suggestions');

    await dialog.getByRole('button', { name: 'Add feedback' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // The new item opens in the detail pane, linked to the chosen opportunity.
    const detail = page.getByRole('region', { name: 'Feedback detail' });
    await expect.poll(() => detail.getByLabel('Feedback text').textContent()).toBe(DRAFT);
    await expect.poll(() => detail.getByRole('link', { name: SCA_OPPORTUNITY }).count()).toBe(1);

    // And the link reached the server.
    const saved = await page.evaluate(
      async ({ workspaceId, draft }) => {
        const list = (await (await fetch(`/api/v1/workspaces/${workspaceId}/feedback?limit=200`)).json()) as { items: { id: string; text: string }[] };
        const hit = list.items.find((i) => i.text === draft);
        return hit ? ((await (await fetch(`/api/v1/workspaces/${workspaceId}/feedback/${hit.id}`)).json()) as FeedbackJson) : null;
      },
      { workspaceId, draft: DRAFT },
    );
    expect(saved?.evidence.map((e) => e.title)).toEqual([SCA_OPPORTUNITY]);
    await checkPage(page, 'fs02-added-and-linked');
  });

  it('keeps the form usable, with a quiet note, when suggestions fail', async () => {
    // The server is faked at the network edge for this one request: a hint that fails must not block intake.
    await page.route('**/feedback/suggestions', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"unavailable","message":"Down"}' }));
    await openAddForm(page);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Feedback', { exact: true }).fill('Refund reasons dashboard, we cannot see why returns went up.');
    await expect.poll(() => panel(page).getByRole('status').textContent(), { timeout: 15_000 }).toBe('Suggestions are unavailable right now.');
    expect(await panel(page).getByRole('radio').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Add feedback' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByRole('region', { name: 'Feedback detail' }).getByText('Not linked yet.').count()).toBe(1);
    await page.unroute('**/feedback/suggestions');
  });

  it('renders the suggestions in dark mode', async () => {
    const dark = await browser.newContext({ baseURL: server.base, colorScheme: 'dark', viewport: { width: 1440, height: 900 }, storageState: await context.storageState() });
    const p = await dark.newPage();
    errors.push(watchErrors(p));
    await openAddForm(p);
    await p.getByRole('dialog').getByLabel('Feedback', { exact: true }).fill('Our shoppers say the 3DS popup breaks on iPhone Safari, the site looks frozen.');
    await expect.poll(() => panel(p).getByRole('list', { name: 'Likely duplicates' }).getByText(DEMO_DUPLICATE).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => p.getByRole('dialog').getByRole('radio', { name: new RegExp(SCA_OPPORTUNITY) }).count()).toBe(1);
    expect(await p.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await checkPage(p, 'fs03-add-feedback-suggestions-dark');
    await dark.close();
    expect(errors.flat().filter((e) => !/Failed to load resource.*(401|404|503)/.test(e))).toEqual([]);
  });
});
