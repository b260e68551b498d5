/**
 * The web app in Chromium on the bundled lists: first load (navigation to the search page showing
 * results, cold browser context each time) and search latency (typing a name to the results
 * showing it, including the app's debounce), beside the same search asked of the API directly
 * (the floor the page cannot beat) and issue 13's budgets (first load ≤ 1.5 s, results ≤ 200 ms).
 * No peer web app (Aleph, StoryWeb) runs offline here, so the comparison is with the floor.
 * With the graph routes, it also opens the network explorer on a synthetic 5,000-company tree and
 * counts the frames drawn while the canvas is dragged, then while the wheel zooms it.
 *
 * The first load includes the empty query's search, which lists and facets every entry.
 *
 * Usage: npm run bench:web -- [--loads N] [--queries N]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureBundledData } from '../src/logic/bundled.js';
import { importFiles } from '../src/logic/import.js';
import { buildApp } from '../src/server/app.js';
import { serverConfig } from '../src/server/config.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { percentile } from './peers.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LOADS = arg('--loads', 5);
const QUERIES = arg('--queries', 60);
const CHROMIUM = process.env.TANGLE_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const dir = mkdtempSync(join(tmpdir(), 'tangle-bench-web-'));
const store = new SqliteStore(join(dir, 'store.sqlite'));
await ensureBundledData(store);
// A synthetic ownership tree (1 + 20 + 400 + 4,800 companies) for the network explorer: the
// bundled lists' largest neighbourhoods stay under 1,000 parties, the issue asks for 5,000 on screen.
const tree: string[] = [];
const company = (id: string) =>
  tree.push(JSON.stringify({ id, schema: 'Company', properties: { name: [`Synthetic Holding ${id}`] } }));
const owns = (owner: string, asset: string) =>
  tree.push(
    JSON.stringify({
      id: `own-${asset}`,
      schema: 'Ownership',
      properties: { owner: [owner], asset: [asset] },
    }),
  );
company('syn-root');
for (let a = 0; a < 20; a++) {
  company(`syn-${a}`);
  owns('syn-root', `syn-${a}`);
  for (let b = 0; b < 20; b++) {
    company(`syn-${a}-${b}`);
    owns(`syn-${a}`, `syn-${a}-${b}`);
    for (let c = 0; c < 12; c++) {
      company(`syn-${a}-${b}-${c}`);
      owns(`syn-${a}-${b}`, `syn-${a}-${b}-${c}`);
    }
  }
}
writeFileSync(join(dir, 'tree.ftm.json'), tree.join('\n') + '\n');
await importFiles(store, { format: 'ftm', dataset: 'bench_synthetic', paths: [join(dir, 'tree.ftm.json')] });

const app = await buildApp({
  store,
  config: serverConfig({ rateLimit: { perAddress: 0, perKey: 0, login: 0 } }),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const entities = (await store.stats()).entities;

// Queries: captions of list entries spread over the lists, typed as their first two words.
const all = (await (await fetch(`${url}/search/default?limit=500&schema=LegalEntity&datasets=us_ofac_sdn&datasets=un_sc_sanctions`)).json()) as {
  results: Array<{ caption: string }>;
};
const step = Math.max(1, Math.floor(all.results.length / QUERIES));
const targets = all.results
  .filter((_, i) => i % step === 0)
  .slice(0, QUERIES)
  .map((r) => ({
    caption: r.caption,
    typed: r.caption
      .split(/[\s,]+/)
      .slice(0, 2)
      .join(' '),
  }));

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });

// First load: a fresh context (empty cache) per run, to the search page listing entries.
const loads: number[] = [];
const domReady: number[] = [];
let bytes = 0;
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(`${url}/`);
  await page.locator('table[aria-label="Search results"] tbody tr').first().waitFor();
  loads.push(performance.now() - t0);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      dom: nav.domContentLoadedEventEnd,
      bytes: nav.transferSize + res.reduce((n, r) => n + r.transferSize, 0),
    };
  });
  domReady.push(timing.dom);
  bytes = timing.bytes;
  await context.close();
}

// Search: type, then wait until the table shows the entry sought.
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
await page.goto(`${url}/`);
const box = page.getByLabel('Search names');
await page.locator('table[aria-label="Search results"] tbody tr').first().waitFor();
const ui: number[] = [];
const api: number[] = [];
let found = 0;
for (const t of targets) {
  // The new query replaces the last one in one input event (no empty query in between).
  const t0 = performance.now();
  await box.fill(t.typed);
  const ok = await page
    .waitForFunction(
      (caption) =>
        [...document.querySelectorAll('table[aria-label="Search results"] a')].some(
          (a) => a.textContent === caption,
        ),
      t.caption,
      { timeout: 5000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (ok) {
    ui.push(performance.now() - t0);
    found++;
  }
  const a0 = performance.now();
  await (await fetch(`${url}/search/default?q=${encodeURIComponent(t.typed)}&limit=25`)).json();
  api.push(performance.now() - a0);
}
await context.close();

// The network explorer on the synthetic tree, three steps out (the explorer's 5,000-party limit),
// then the frames drawn while the canvas is dragged for two seconds.
interface NetworkRun {
  nodes: number;
  edges: number;
  ms: number;
  fps: number;
  wheelFps: number;
}
let network: NetworkRun | null = null;
const openapi = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
if (openapi.paths['/graph/neighbours/{id}']) {
  const netContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const netPage = await netContext.newPage();
  const t0 = performance.now();
  await netPage.goto(`${url}/#/network?id=syn-root&hops=3`);
  const counts = await netPage.waitForFunction(
    () => {
      const text = document.querySelector('[aria-label="Controls"] p[aria-live]')?.textContent ?? '';
      const m = /^([\d,]+) nodes? · ([\d,]+) links?/.exec(text);
      return m && Number(m[1].replace(/,/g, '')) > 1
        ? [m[1], m[2]].map((x) => Number(x.replace(/,/g, '')))
        : null;
    },
    undefined,
    { timeout: 120_000 },
  );
  const ms = performance.now() - t0;
  const [nodes, edges] = (await counts.jsonValue()) as number[];
  // Frames while the user drags the canvas around for two seconds.
  const box = (await netPage.locator('.sigma-host').boundingBox())!;
  const frameRate = () =>
    netPage.evaluate(
      () =>
        new Promise<number>((done) => {
          let frames = 0;
          const end = performance.now() + 2000;
          const tick = () =>
            performance.now() < end ? (frames++, requestAnimationFrame(tick)) : done(frames / 2);
          requestAnimationFrame(tick);
        }),
    );
  const counting = frameRate();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await netPage.mouse.move(cx, cy);
  await netPage.mouse.down();
  for (let i = 0; i < 40; i++)
    await netPage.mouse.move(cx + 150 * Math.sin(i / 6), cy + 100 * Math.cos(i / 6), { steps: 2 });
  await netPage.mouse.up();
  const fps = await counting;
  // Then frames while the wheel zooms in ten notches and out ten.
  const zooming = frameRate();
  for (let i = 0; i < 20; i++) await netPage.mouse.wheel(0, i < 10 ? -100 : 100);
  network = { nodes, edges, ms, fps, wheelFps: await zooming };
  await netContext.close();
}
await browser.close();
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

const ms = (x: number) => `${Math.round(x)} ms`;
const rows: string[][] = [
  [
    'first load to results shown (median)',
    ms(percentile(loads, 50)),
    '—',
    '1500 ms',
    `${(percentile(loads, 50) / 1500).toFixed(2)}`,
  ],
  ['first load, DOMContentLoaded (median)', ms(percentile(domReady, 50)), '—', '—', '—'],
  ['first load, bytes transferred', `${Math.round(bytes / 1024)} KiB`, '—', '—', '—'],
  [
    'search, typed → result shown (median)',
    ms(percentile(ui, 50)),
    ms(percentile(api, 50)),
    '200 ms',
    `${(percentile(ui, 50) / 200).toFixed(2)}`,
  ],
  [
    'search, typed → result shown (p95)',
    ms(percentile(ui, 95)),
    ms(percentile(api, 95)),
    '200 ms',
    `${(percentile(ui, 95) / 200).toFixed(2)}`,
  ],
];
if (network)
  rows.push(
    [
      `network: ${network.nodes.toLocaleString()} nodes, ${network.edges.toLocaleString()} links on screen`,
      ms(network.ms),
      '—',
      '—',
      '—',
    ],
    [
      'network: frames per second while dragging',
      `${Math.round(network.fps)} fps`,
      '—',
      '≥ 30 fps',
      `${(network.fps / 30).toFixed(2)}`,
    ],
    [
      'network: frames per second while wheel-zooming',
      `${Math.round(network.wheelFps)} fps`,
      '—',
      '≥ 30 fps',
      `${(network.wheelFps / 30).toFixed(2)}`,
    ],
  );
else rows.push(['network', 'n/a: this server has no graph routes', '—', '—', '—']);
const headers = ['measure', 'web app (Chromium)', 'API alone', 'budget', 'web ÷ budget'];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const fmt = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(
  `\n${entities.toLocaleString()} entities (bundled lists); ${LOADS} cold loads; ${found}/${targets.length} searches found their entry\n`,
);
console.log(fmt(headers));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(fmt(r));
