import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkPage, joinAs, launchChromium, setupWorkspace, startSextant, type RunningServer, apiCall } from './harness.js';

interface CardJson {
  id: string;
  title: string;
  horizon: string | null;
  version: number;
  effort: number | null;
}

/**
 * The roadmap in the browser: features made through the API in two components, a card dragged to
 * another column with a real pointer (and still there after a reload), moved with the keyboard and
 * from its menu; the timeline's bars and dependency arrow; the stakeholder version a viewer gets; the
 * roadmap settings. Every page is screenshotted and scanned with axe-core, the board in dark mode too.
 */
describe('roadmap: board, timeline and the stakeholder version', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[][] = [];
  let workspaceId = '';
  let ws = '';
  let w = '';
  const ids: Record<string, string> = {};

  const card = (p: Page, title: string) => p.locator(`[data-card-id="${ids[title]}"]`);
  const inColumn = (p: Page, lane: string, horizon: string, title: string) => p.locator(`[data-column="${lane}:${horizon}"] [data-card-id="${ids[title]}"]`);
  const horizonOf = async (title: string) => (await apiCall<CardJson>(page, `${ws}/features/${ids[title]}`)).body.horizon;

  async function openBoard(p: Page = page): Promise<void> {
    await p.goto(`${w}/roadmap`);
    await expect.poll(() => p.getByRole('heading', { level: 1, name: /Roadmap/ }).count()).toBe(1);
    await p.locator('[data-roadmap-ready="true"]').waitFor();
  }

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const setup = await setupWorkspace(browser, server, { name: 'Dana Lead', email: 'dana@example.test', workspace: 'Fleet', errors });
    page = setup.page;
    workspaceId = setup.workspaceId;
    ws = setup.ws;
    w = setup.w;

    // Two components, features with horizons and dates, a cross-component dependency in conflict.
    const made = async (path: string, body: unknown) => {
      const res = await apiCall<{ id: string }>(page, `${ws}${path}`, { method: 'POST', body });
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
      return res.body.id;
    };
    const productId = await made('/products', { name: 'Fleet Suite' });
    const routing = await made(`/products/${productId}/components`, { name: 'Routing' });
    const driver = await made(`/products/${productId}/components`, { name: 'Driver App' });
    await made('/releases', { productId, name: 'Spring release', date: '2027-03-31' });
    const feature = async (componentId: string, title: string, extra: Record<string, unknown>) => {
      ids[title] = await made('/features', { componentId, title, status: 'planned', effort: 5, ...extra });
    };
    await feature(routing, 'Window-aware routing', { horizon: 'now', startDate: '2027-01-04', endDate: '2027-03-26' });
    await feature(routing, 'Traffic feeds', { horizon: 'later', startDate: '2027-06-01', endDate: '2027-08-31' });
    await feature(routing, 'Multi-depot plans', { horizon: 'next', startDate: '2027-04-01', endDate: '2027-05-28' });
    await feature(driver, 'Offline proof of delivery', { horizon: 'now', startDate: '2027-03-01', endDate: '2027-04-30' });
    await feature(driver, 'Driver ETA sharing', { horizon: 'next', startDate: '2027-05-03', endDate: '2027-06-25' });
    await feature(driver, 'Secret pricing experiment', { horizon: 'now', internal: true });
    // Offline proof of delivery starts on Mar 1, before routing ends (Mar 26): a conflict.
    expect((await apiCall(page, `${ws}/dependencies`, { method: 'POST', body: { featureId: ids['Offline proof of delivery'], dependsOnId: ids['Window-aware routing'] } })).status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows one swimlane per component with the cards in their columns', async () => {
    await openBoard();
    await expect.poll(() => page.getByRole('region', { name: 'Routing lane' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: 'Driver App lane' }).count()).toBe(1);
    expect(await inColumn(page, 'Routing', 'now', 'Window-aware routing').count()).toBe(1);
    expect(await inColumn(page, 'Routing', 'later', 'Traffic feeds').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Routing lane' }).textContent()).toMatch(/3 cards/);
    await checkPage(page, 'r01-board');
  });

  it('drags a card to another column with the pointer, and it stays there after a reload', async () => {
    const from = await card(page, 'Traffic feeds').boundingBox();
    const to = await page.locator('[data-column="Routing:next"]').boundingBox();
    expect(from && to).toBeTruthy();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    // Small steps, as a hand moves: the pointer sensor starts after 5 px, then collisions follow the pointer.
    await page.mouse.move(from!.x + from!.width / 2 + 10, from!.y + from!.height / 2, { steps: 3 });
    await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height - 12, { steps: 12 });
    await page.mouse.up();
    // Optimistic: in the new column at once, and the server agrees.
    await expect.poll(() => inColumn(page, 'Routing', 'next', 'Traffic feeds').count()).toBe(1);
    await expect.poll(() => horizonOf('Traffic feeds')).toBe('next');
    await page.reload();
    await page.locator('[data-roadmap-ready="true"]').waitFor();
    await expect.poll(() => inColumn(page, 'Routing', 'next', 'Traffic feeds').count()).toBe(1);
    expect(await inColumn(page, 'Routing', 'later', 'Traffic feeds').count()).toBe(0);
  });

  it('moves a card with the keyboard alone, and from its menu', async () => {
    // Space picks the card up, the right arrow carries it to the next column of its lane, Space drops it.
    const routing = card(page, 'Window-aware routing');
    await routing.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => routing.getAttribute('aria-pressed')).toBe('true');
    // The screen reader hears where the card is (first over its own place, once the board is measured),
    // then where the arrow took it; Space drops it there.
    await expect.poll(() => page.getByText(/“Window-aware routing” is over .*Now/).count(), { timeout: 5_000 }).toBeGreaterThan(0);
    // Each arrow press is followed by waiting for the announcement to change: pressing again before the
    // first press is heard would carry the card two columns. On a busy machine a press can land while
    // the board is still being measured and move nothing: then, and only then, it is pressed again.
    const live = page.locator('[id^="DndLiveRegion"]');
    const heard = async () => (await live.textContent()) ?? '';
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = await heard();
      if (/is over .*Next/.test(now)) break;
      await page.keyboard.press(/is over .*Later/.test(now) ? 'ArrowLeft' : 'ArrowRight');
      await expect.poll(heard, { timeout: 4_000 }).not.toBe(now).catch(() => undefined);
    }
    expect(await heard()).toMatch(/“Window-aware routing” is over .*Next/);
    await page.keyboard.press('Space');
    await expect.poll(() => horizonOf('Window-aware routing')).toBe('next');
    await expect.poll(() => inColumn(page, 'Routing', 'next', 'Window-aware routing').count()).toBe(1);
    // The menu: Later, then back up.
    await page.getByRole('button', { name: 'Actions for Multi-depot plans' }).click();
    await page.getByRole('menuitem', { name: 'Move to Later' }).click();
    await expect.poll(() => horizonOf('Multi-depot plans')).toBe('later');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Moved “Multi-depot plans” to Later' }).count()).toBe(1);
    // The moved card has the focus, so the keyboard carries on from it.
    await expect.poll(() => card(page, 'Multi-depot plans').evaluate((el) => el === document.activeElement)).toBe(true);
    await checkPage(page, 'r02-board-moved');
  });

  it('shows the board in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openBoard();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await checkPage(page, 'r03-board-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the timeline with bars, a release and a red dependency arrow', async () => {
    await openBoard();
    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    const timeline = page.getByTestId('roadmap-timeline');
    await timeline.waitFor();
    await expect.poll(() => timeline.locator('button[data-feature-id]').count()).toBe(5);
    await expect.poll(() => timeline.locator('[data-testid="dependency-arrows"] path[data-conflict="true"]').count()).toBe(1);
    expect(await timeline.textContent()).toMatch(/Spring release/);
    // A bar is focusable and says what it needs.
    const bar = timeline.locator(`button[data-feature-id="${ids['Offline proof of delivery']}"]`);
    // A key press first: tooltips open on keyboard focus (focus-visible), as a keyboard user gets it.
    await page.keyboard.press('Shift');
    await bar.focus();
    expect(await bar.getAttribute('aria-label')).toMatch(/Needs “Window-aware routing” — conflict/);
    await expect.poll(() => page.getByRole('tooltip').count()).toBe(1);
    await checkPage(page, 'r04-timeline');
    await page.getByRole('button', { name: 'Board', exact: true }).click();
  });

  it('gives a viewer the stakeholder version: a badge, no internal feature, no effort, no drag', async () => {
    const viewer = (await joinAs(browser, server, page, workspaceId, { role: 'viewer', name: 'Vera Viewer', email: 'vera@example.test', errors })).page;
    await openBoard(viewer);
    await expect.poll(() => viewer.getByTestId('stakeholder-badge').count()).toBe(1);
    expect(await card(viewer, 'Offline proof of delivery').count()).toBe(1);
    expect(await card(viewer, 'Secret pricing experiment').count()).toBe(0);
    // Effort is internal by default: the team sees "5 pts", the viewer does not.
    expect(await page.getByTestId('roadmap-board').textContent()).toMatch(/5 pts/);
    expect(await viewer.getByTestId('roadmap-board').textContent()).not.toMatch(/pts/);
    expect(await viewer.getByRole('button', { name: /^Actions for/ }).count()).toBe(0);
    expect(await viewer.locator('[data-draggable="true"]').count()).toBe(0);
    await checkPage(viewer, 'r05-viewer-board');
    await viewer.context().close();
  });

  it('saves a view and changes the roadmap settings', async () => {
    await openBoard();
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Save current view…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Routing board');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const views = await apiCall<{ items: { name: string; filters: { view?: string } }[] }>(page, `${ws}/roadmap/views`);
    expect(views.body.items.map((v) => [v.name, v.filters.view])).toEqual([['Routing board', 'horizon']]);

    await page.goto(`${w}/settings/roadmap`);
    await page.getByLabel('Person-weeks').check();
    await page.getByLabel('Owner').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await apiCall<{ capacityUnit: string; internalFields: string[] }>(page, `${ws}/roadmap/settings`)).body).toEqual({
      capacityUnit: 'person_weeks',
      internalFields: ['effort', 'scores', 'owner'],
      version: 2,
    });
    await checkPage(page, 'r06-settings');
    expect(errors.flat().filter((e) => !/Failed to load resource.*(401|404)/.test(e))).toEqual([]);
  });
});
