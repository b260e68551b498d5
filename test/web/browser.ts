/**
 * Browser tests' harness: the real server (buildApp on a store holding the fixture SDN list, two
 * versions, one user per role) listening on a random port, and Debian's Chromium driven by
 * playwright-core with the flags a closed network needs and a fresh profile. Console errors and
 * uncaught page errors are collected so that each test can assert there were none.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { importFiles } from '../../src/logic/import.js';
import { ROOT } from '../helpers/cli.js';
import { FIXTURES, PASSWORD, testServer, type TestServer } from '../server/helpers.js';

export const CHROMIUM = process.env.TANGLE_CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
export { PASSWORD };

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface WebSession {
  server: TestServer;
  url: string;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Save the page as docs/screenshots/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Options of the test server (config, and whatever else it takes), always with the fixture list. */
export type WebOptions = Omit<NonNullable<Parameters<typeof testServer>[0]>, 'withData'>;

export async function openWeb(options: WebOptions = {}): Promise<WebSession> {
  const server = await testServer({ ...options, withData: true });
  // A second version of the list, so that datasets and entities have changes to show.
  // It drops 2 of the 17 entries: more than an import takes unasked where a removal guard is in place.
  const force = { allowMassRemoval: true };
  await importFiles(server.store, {
    format: 'ofac-csv',
    paths: [join(FIXTURES, 'sdn-2024-05-03.csv')],
    ...force,
  });
  // People and companies with aliases and links, and a UN list, for the entity page's sections.
  await importFiles(server.store, {
    format: 'ftm',
    paths: [join(ROOT, 'test', 'fixtures', 'ftm-json', 'entities.ftm.json')],
  });
  // A small network of its own (a chain of owners and directors to a vessel, a hostile name).
  await importFiles(server.store, {
    format: 'ftm',
    dataset: 'web_fixture',
    paths: [join(ROOT, 'test', 'fixtures', 'web', 'network.ftm.json')],
  });
  await importFiles(server.store, {
    format: 'un-xml',
    paths: [join(ROOT, 'test', 'fixtures', 'un-xml', 'consolidated-small.xml')],
  });
  // The server's content security policy (docs/design-network.md), so that anything the app loads
  // from elsewhere or runs inline shows up as a console error.
  server.app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', CSP);
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const profile = mkdtempSync(join(tmpdir(), 'tangle-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Generous: CI machines have two cores and run other test files beside the browser.
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    // A failed request's message does not say which: add its address, so a failure names it.
    if (m.type() === 'error') errors.push(m.location().url ? `${m.text()} (${m.location().url})` : m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    url,
    context,
    page,
    errors,
    async screenshot(name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
    },
    async close() {
      await context.close();
      await server.app.close();
      await server.store.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Log in through the login page as one of the test users (viewer, analyst, admin). */
export async function logIn(web: WebSession, username: string): Promise<void> {
  const { page } = web;
  await page.getByRole('link', { name: 'Log in' }).first().click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText(username, { exact: true }).first().waitFor();
}
