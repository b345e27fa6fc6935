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
 * Prioritization from inputs to a calibrated ranking: type RICE inputs on two features, see the ranked
 * backlog and a score's formula on hover, normalise per PM (the stingy PM's top feature climbs), read
 * the calibration, change a weight in the settings and see the weighted ranking flip. Every page is
 * scanned with axe-core, and the backlog again in dark mode.
 */
describe('prioritization: ranking, normalisation and calibration', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let w = '';
  let api = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    const setup = await setupWorkspace(browser, server, { name: 'Dana Lead', email: 'dana@example.test', workspace: 'Fleet Co', colorScheme: 'light' });
    page = setup.page;
    errors = setup.errors;
    w = setup.w;
    api = `/api/v1${setup.ws}`;

    // Dana scores generously in Routing; Bo scores sparingly in the Driver App.
    const dana = (await apiCall<{ items: { id: string }[] }>(page, 'GET', `${api}/members`)).items[0]!.id;
    // A second person joins as a PM, through an invitation, in their own browser.
    const bo = (await joinAs(browser, server, page, setup.workspaceId, { role: 'pm', name: 'Bo Builder', email: 'bo@example.test' })).memberId;
    const product = await apiCall<{ id: string }>(page, 'POST', `${api}/products`, { name: 'Fleet Suite' });
    const routing = await apiCall<{ id: string }>(page, 'POST', `${api}/products/${product.id}/components`, { name: 'Routing', ownerId: dana });
    const driver = await apiCall<{ id: string }>(page, 'POST', `${api}/products/${product.id}/components`, { name: 'Driver App', ownerId: bo });
    const feature = async (componentId: string, title: string, body: Record<string, unknown>) => {
      ids[title] = (await apiCall<{ id: string }>(page, 'POST', `${api}/features`, { componentId, title, ...body })).id;
    };
    await feature(routing.id, 'Window-aware routing', { effort: 4 });
    await feature(routing.id, 'Route replay', { effort: 2, scores: { rice: { reach: 600, impact: 2, confidence: 0.5 } } });
    await feature(routing.id, 'Depot heatmap', { effort: 1, scores: { rice: { reach: 280, impact: 1, confidence: 1 } } });
    await feature(driver.id, 'Offline proof of delivery', { effort: 2 });
    await feature(driver.id, 'Driver chat', { effort: 1, scores: { rice: { reach: 20, impact: 1, confidence: 1 } } });
    await feature(driver.id, 'Night mode', { effort: 1, scores: { rice: { reach: 10, impact: 1, confidence: 1 } } });
    // Two features scored on the weighted scorecard: strategic fit against urgency.
    await feature(routing.id, 'Fleet strategy bet', { scores: { weighted: { strategicFit: 5, urgency: 1 } } });
    await feature(driver.id, 'Urgent compliance fix', { scores: { weighted: { strategicFit: 1, urgency: 5 } } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function setRiceInputs(title: string, reach: string, impact: string, confidence: string) {
    await page.goto(`${w}/features/${ids[title]}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: title }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Scores' }).click();
    const rice = page.getByTestId('framework-score').filter({ has: page.getByRole('heading', { name: 'RICE', exact: true }) });
    await expect.poll(() => rice.count()).toBe(1);
    await rice.getByLabel('reach', { exact: true }).fill(reach);
    await rice.getByLabel('impact', { exact: true }).fill(impact);
    await rice.getByLabel('confidence', { exact: true }).fill(confidence);
    await page.getByRole('button', { name: 'Save inputs' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save inputs' }).isDisabled()).toBe(true);
  }

  it('types RICE inputs on two features and sees each score explained', async () => {
    await setRiceInputs('Window-aware routing', '800', '2', '0.8');
    const rice = page.getByTestId('framework-score').filter({ has: page.getByRole('heading', { name: 'RICE', exact: true }) });
    await expect.poll(() => rice.getByText('RICE = reach 800 × impact 2 × confidence 0.8 ÷ effort 4 = 320').count()).toBe(1);
    await checkPage(page, 'p01-feature-scores');
    await setRiceInputs('Offline proof of delivery', '30', '1', '1');
    await expect.poll(() => page.getByText('RICE = reach 30 × impact 1 × confidence 1 ÷ effort 2 = 15').count()).toBe(1);
  });

  it('ranks the backlog, shows the formula on hover, and normalises per PM', async () => {
    await page.goto(`${w}/prioritization`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Prioritization' }).count()).toBe(1);
    const rows = page.getByTestId('ranked-row');
    const titles = () => rows.locator('a').allTextContents();
    await expect.poll(titles).toEqual(['Window-aware routing', 'Route replay', 'Depot heatmap', 'Driver chat', 'Offline proof of delivery', 'Night mode', 'Fleet strategy bet', 'Urgent compliance fix']);

    const formula = 'RICE = reach 800 × impact 2 × confidence 0.8 ÷ effort 4 = 320';
    await rows.first().getByTestId('score-formula').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe(formula);
    await page.mouse.move(0, 0);
    await expect.poll(() => page.getByRole('tooltip').count()).toBe(0);
    // The keyboard opens it too, and screen readers get the formula as the score's name.
    await rows.nth(1).getByTestId('score-formula').focus();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('RICE = reach 600 × impact 2 × confidence 0.5 ÷ effort 2 = 300');
    await expect.poll(() => page.getByRole('button', { name: `Score 320. ${formula}` }).count()).toBe(1);
    await checkPage(page, 'p02-ranked-formula');
    await page.keyboard.press('Tab');

    await page.getByLabel('Normalise per PM').check({ force: true });
    // Each PM's best feature first: Bo's top feature climbs past Dana's second and third.
    await expect.poll(titles).toEqual(['Window-aware routing', 'Driver chat', 'Route replay', 'Offline proof of delivery', 'Depot heatmap', 'Night mode', 'Fleet strategy bet', 'Urgent compliance fix']);
    await expect.poll(() => page.getByRole('columnheader', { name: 'Within PM (z)' }).count()).toBe(1);
    await checkPage(page, 'p03-ranked-normalised');
  });

  it('shows each PM’s distribution against the product’s', async () => {
    await page.getByRole('tab', { name: 'Calibration' }).click();
    await expect.poll(() => page.getByRole('img', { name: /^Dana Lead: 3 scored/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: /^Bo Builder: 3 scored, min 10/ }).count()).toBe(1);
    const table = page.getByRole('table', { name: 'Score distribution per PM' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Whole product' }).count()).toBe(1);
    await checkPage(page, 'p04-calibration');
  });

  it('changes a weight in the settings and the weighted ranking follows', async () => {
    await page.goto(`${w}/prioritization`);
    await page.getByLabel('Framework', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Customer value scorecard' }).click();
    const titles = () => page.getByTestId('ranked-row').locator('a').allTextContents();
    await expect.poll(async () => (await titles()).slice(0, 2)).toEqual(['Fleet strategy bet', 'Urgent compliance fix']);

    await page.goto(`${w}/settings/prioritization`);
    const scorecard = page.getByTestId('framework-editor').filter({ has: page.getByRole('textbox', { name: 'Framework 5 name' }) });
    await expect.poll(() => scorecard.getByLabel('Criterion 3 weight').inputValue()).toBe('25');
    await scorecard.getByLabel('Criterion 3 weight').fill('80');
    await expect.poll(() => scorecard.getByText(/= 0\.258 × customer ARR \+ 0\.226 × strategic fit \+ 0\.516 × urgency/).count()).toBe(1);
    await checkPage(page, 'p05-settings');
    await page.getByRole('button', { name: 'Save and rescore' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Rescored 8 features in \d+ ms/ }).count()).toBe(1);

    await page.goto(`${w}/prioritization`);
    await page.getByLabel('Framework', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Customer value scorecard' }).click();
    await expect.poll(async () => (await titles()).slice(0, 2)).toEqual(['Urgent compliance fix', 'Fleet strategy bet']);
  });

  it('reads well in dark mode, without console errors', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${w}/prioritization`);
    await expect.poll(() => page.getByTestId('ranked-row').count()).toBe(8);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await checkPage(page, 'p06-ranked-dark');
    await page.getByRole('tab', { name: 'Calibration' }).click();
    await expect.poll(() => page.getByRole('img', { name: /^Dana Lead/ }).count()).toBe(1);
    await checkPage(page, 'p07-calibration-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(errors).toEqual([]);
  });
});
