import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = resolve('e2e/artifacts');

export interface RunningServer {
  base: string;
  stop: () => Promise<void>;
}

/** A port nothing listens on now, from the OS (a fixed range once met the Erlang port mapper on 4369). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '0.0.0.0', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

function spawnServer(dataDir: string, port: number): { child: ChildProcess; log: () => string } {
  const child: ChildProcess = spawn('node', ['bin/sextant.js', 'serve'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), SEXTANT_DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn', SEXTANT_AUTH_RATE_LIMIT: '1000' },
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  return { child, log: () => log };
}

async function waitForHealth(base: string, server: { child: ChildProcess; log: () => string }): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.log().slice(-2000)}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer within 180 s: ${server.log().slice(-2000)}`);
}

/**
 * A migrated, empty data directory made once per set of migrations by a first start, then copied for
 * each server: creating a PGlite database costs seconds (and ~800 MB), reopening a copy does not. The
 * copy is as fresh as a new directory: no account, so first-run setup still shows.
 */
async function templateDataDir(): Promise<string> {
  const migrations = resolve('src/server/db/migrations');
  const hash = createHash('sha256');
  for (const name of readdirSync(migrations).filter((n) => n.endsWith('.sql')).sort()) hash.update(name).update(readFileSync(join(migrations, name)));
  const root = join(tmpdir(), `sextant-e2e-template-${hash.digest('hex').slice(0, 16)}`);
  const data = join(root, 'data');
  if (existsSync(join(root, 'ready'))) return data;
  // Made beside it and renamed into place, so a directory half made by a crash is never used.
  const scratch = mkdtempSync(join(tmpdir(), 'sextant-e2e-making-'));
  const port = await freePort();
  const server = spawnServer(join(scratch, 'data'), port);
  const exited = new Promise<void>((r) => server.child.once('exit', () => r()));
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, server);
  } finally {
    try {
      process.kill(-server.child.pid!, 'SIGTERM');
    } catch {
      // gone already
    }
  }
  // A clean stop checkpoints the database and releases the data-directory lock.
  await exited;
  writeFileSync(join(scratch, 'ready'), new Date().toISOString());
  try {
    renameSync(scratch, root);
  } catch {
    // Another worker made it first.
    rmSync(scratch, { recursive: true, force: true });
  }
  return data;
}

/** Starts the built Sextant (`sextant serve`) on a fresh data directory and a free port. */
export async function startSextant(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-e2e-'));
  cpSync(await templateDataDir(), join(dir, 'data'), { recursive: true });
  const port = await freePort();
  const server = spawnServer(join(dir, 'data'), port);
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, server);
  return {
    base,
    stop: async () => {
      try {
        process.kill(-server.child.pid!, 'SIGTERM');
      } catch {
        // gone already
      }
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Saves a screenshot as a test artifact and scans the page with axe-core; serious or critical violations fail. */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  // Let transitions (a modal fading out, a drawer sliding in) finish: half-faded text fails contrast.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  // Toasts are left out: one that pops up during the scan is measured mid-fade (half-transparent text
  // fails contrast at random). They are Mantine's own notifications, in its default colours.
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.mantine-Notifications-root').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    throw new Error(`${name}: accessibility violations:\n${bad.map((v) => `- ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`).join('\n')}`);
  }
}

/** Collects console errors and failed requests of a page, to assert a clean journey. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Calls the API from the page, with its session cookie: `path` is under /api/v1. */
export async function apiCall<T>(page: Page, path: string, init?: { method: string; body?: unknown }): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ path, init }) => {
      const res = await fetch(`/api/v1${path}`, {
        method: init?.method ?? 'GET',
        headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
        body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
    { path, init },
  );
}

/** The password every person in the browser journeys signs up with. */
export const PASSWORD = 'Correct-Horse-Battery-9';

/** A member role an invitation can carry. */
export type InvitedRole = 'lead' | 'pm' | 'contributor' | 'viewer';

/** A fresh browser context: 1440×900 and the system colour scheme unless said otherwise. */
export interface PageOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** When given, the new page's error list (see `watchErrors`) is pushed onto it. */
  errors?: string[][];
}

/** A page in a new browser context (its own cookies) on the server; `errors` collects its console errors and failed requests. */
export async function openPage(browser: Browser, server: RunningServer, options: PageOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: server.base,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  options.errors?.push(errors);
  return { page, errors };
}

/** The first admin's workspace, as the journeys address it. */
export interface SetUpWorkspace {
  page: Page;
  /** Console errors and failed requests of `page`, from before the setup on. */
  errors: string[];
  workspaceId: string;
  /** `/workspaces/<id>`: API paths under /api/v1, for `apiCall`. */
  ws: string;
  /** `/w/<id>`: the app's pages. */
  w: string;
}

/**
 * Runs the first-run setup at /setup in a new browser context: the first admin signs up and names the
 * workspace. With `demo`, the demo workspace is loaded too and it is the one returned.
 */
export async function setupWorkspace(
  browser: Browser,
  server: RunningServer,
  options: PageOptions & { name: string; email: string; workspace: string; demo?: boolean },
): Promise<SetUpWorkspace> {
  const { page, errors } = await openPage(browser, server, options);
  await page.goto('/setup');
  await page.getByLabel('Name', { exact: true }).fill(options.name);
  await page.getByLabel('Email', { exact: true }).fill(options.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Workspace name').fill(options.workspace);
  if (options.demo) await page.getByLabel('Load the demo workspace').check();
  await page.getByRole('button', { name: 'Set up Sextant' }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
  const me = await apiCall<{ workspaces: { id: string; name: string }[] }>(page, '/me');
  const found = me.body.workspaces.find((x) => (options.demo ? x.name.includes('demo') : x.name === options.workspace));
  if (!found) throw new Error(`setup: no workspace ${options.demo ? 'with "demo" in its name' : `named ${options.workspace}`} in ${JSON.stringify(me.body)}`);
  return { page, errors, workspaceId: found.id, ws: `/workspaces/${found.id}`, w: `/w/${found.id}` };
}

/**
 * A new person joins the workspace with `role`: the admin's page creates the invitation, then the
 * person signs up and accepts it in a new browser context, through the auth and invitation endpoints
 * (the sign-up and accept screens themselves are walked by journey.e2e.ts).
 */
export async function joinAs(
  browser: Browser,
  server: RunningServer,
  adminPage: Page,
  workspaceId: string,
  person: PageOptions & { role: InvitedRole; name: string; email: string },
): Promise<{ page: Page; errors: string[]; memberId: string }> {
  const inv = await apiCall<{ token: string }>(adminPage, `/workspaces/${workspaceId}/invitations`, { method: 'POST', body: { email: person.email, role: person.role } });
  if (inv.status !== 201) throw new Error(`invitation for ${person.email}: ${inv.status} ${JSON.stringify(inv.body)}`);
  const { page, errors } = await openPage(browser, server, person);
  await page.goto('/sign-in');
  const joined = await page.evaluate(
    async ({ name, email, password, token }) => {
      const up = await fetch('/api/auth/sign-up/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, email, password }) });
      const acc = await fetch(`/api/v1/invitations/${token}/accept`, { method: 'POST' });
      return { up: up.status, acc: acc.status, text: await acc.text() };
    },
    { name: person.name, email: person.email, password: PASSWORD, token: inv.body.token },
  );
  if (joined.up !== 200 || joined.acc !== 200) throw new Error(`${person.email} joining: sign-up ${joined.up}, accept ${joined.acc} ${joined.text}`);
  return { page, errors, memberId: (JSON.parse(joined.text) as { memberId: string }).memberId };
}
