/**
 * HTTP load on loopback: autocannon against POST /match/default with realistic single-query
 * bodies (names from the bundled lists, disguised), then the same load while an import of a new
 * list version runs in the server, checking that no request fails and that every answer comes
 * whole from one list version.
 *
 * Bounded: each phase runs for a fixed number of seconds against 127.0.0.1 only.
 * Usage: npm run bench:load -- [--seconds N] [--connections N] [--workers N]
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteAccountStore } from '../src/auth/sqlite-accounts.js';
import { ensureBundledData } from '../src/logic/bundled.js';
import { buildApp } from '../src/server/app.js';
import { serverConfig } from '../src/server/config.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { sharedDataDir } from './shared-data.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('--seconds', 10);
const CONNECTIONS = arg('--connections', 10);
const SHARED = sharedDataDir();

/**
 * The server runs in a child process (`--serve`), so the load generator does not share its event
 * loop; it prints its URL, an admin API key and the request bodies as one JSON line.
 */
if (process.argv.includes('--serve') && cluster.isWorker) {
  const store = new SqliteStore(process.env.BENCH_DB!);
  const accounts = new SqliteAccountStore(store.db);
  const app = await buildApp({
    store,
    accounts,
    config: serverConfig({ rateLimit: { perAddress: 0, perKey: 0, login: 0 } }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
} else if (process.argv.includes('--serve')) {
  const db = join(mkdtempSync(join(tmpdir(), 'tangle-load-')), 'store.sqlite');
  const store = new SqliteStore(db);
  await ensureBundledData(store);
  const accounts = new SqliteAccountStore(store.db);
  const admin = await accounts.createUser({
    username: 'bench-admin',
    password: 'a long bench password 7',
    role: 'admin',
  });
  const { key } = await accounts.createApiKey(admin.id, 'bench');
  // Realistic bodies: list names reordered or lower-cased, as customer records carry them.
  const names: Array<{ schema: string; name: string }> = [];
  for (const r of store.currentEntitiesSync()) {
    if (r.schema !== 'Person' && r.schema !== 'Organization' && r.schema !== 'Company') continue;
    const n = r.properties.name?.[0];
    if (!n) continue;
    const disguised =
      r.schema === 'Person' && n.includes(',')
        ? `${n.split(',')[1].trim()} ${n.split(',')[0].trim()}`
        : n.toLowerCase();
    names.push({ schema: r.schema === 'Person' ? 'Person' : 'LegalEntity', name: disguised });
    if (names.length >= 2000) break;
  }
  await store.close();
  const bodies = names.map((q) =>
    JSON.stringify({ queries: { q1: { schema: q.schema, properties: { name: [q.name] } } } }),
  );
  const workers = Number(process.argv[process.argv.indexOf('--workers') + 1]) || 1;
  for (let i = 0; i < workers; i++) cluster.fork({ BENCH_DB: db });
  let ready = 0;
  cluster.on('message', (_w, message: { url: string }) => {
    if (++ready === workers) process.stdout.write(`${JSON.stringify({ url: message.url, key, bodies })}\n`);
  });
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    process.exit(0);
  });
} else {
  const WORKERS = arg('--workers', 1);
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--serve', '--workers', String(WORKERS)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const first = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      if (buf.includes('\n')) resolve(buf.slice(0, buf.indexOf('\n')));
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const { url, key, bodies } = JSON.parse(first) as { url: string; key: string; bodies: string[] };
  // Warm the index before measuring.
  await fetch(`${url}/match/default`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bodies[0],
  });

  function run(title: string): Promise<autocannon.Result> {
    let i = 0;
    return autocannon({
      url: `${url}/match/default`,
      title,
      connections: CONNECTIONS,
      duration: SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
    });
  }

  const plain = await run('match');

  // Mixed: the same load while an admin uploads a new SDN version through the API (the index is
  // rebuilt in the background). A poller checks every /datasets answer shows one version whole.
  const countNow = async () =>
    (await (await fetch(`${url}/datasets`)).json()).datasets.find(
      (d: { name: string }) => d.name === 'us_ofac_sdn',
    )?.entities as number;
  const before = await countNow();
  let polling = true;
  const seen: number[] = [];
  const poller = (async () => {
    while (polling) {
      seen.push(await countNow());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const mixedRun = run('match during an import');
  await new Promise((r) => setTimeout(r, 1000));
  const form = new FormData();
  form.set('format', 'ofac-csv');
  form.set('versionDate', '2024-06-01');
  const newer = join(SHARED, 'ofac', 'sdn-history', 'sdn-2024-05-02.csv.gz');
  form.set('files', new Blob([readFileSync(newer)]), 'sdn-2024-05-02.csv.gz');
  const t0 = performance.now();
  const upload = await fetch(`${url}/datasets/us_ofac_sdn/import`, {
    method: 'POST',
    headers: { authorization: `ApiKey ${key}` },
    body: form,
  });
  const importMs = performance.now() - t0;
  const uploadResult = (await upload.json()) as { entities?: number; detail?: string };
  const mixed = await mixedRun;
  polling = false;
  await poller;
  const after = await countNow();
  const torn = seen.filter((n) => n !== before && n !== after).length;
  child.kill('SIGTERM');

  const rows = [plain, mixed].map((r) => [
    r.title ?? '',
    Math.round(r.requests.average).toLocaleString('en'),
    String(r.latency.p50),
    String(r.latency.p99),
    String(r.errors + r.non2xx),
    String(r.requests.total),
  ]);
  const headers = ['phase', 'req/s', 'p50 ms', 'p99 ms', 'errors + non-2xx', 'requests'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(
    `POST /match/default, one query per request, ${CONNECTIONS} connections, ${SECONDS} s per phase, loopback, ${WORKERS} server process(es)`,
  );
  console.log(fmt(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(fmt(r));
  console.log(
    `upload during the mixed phase: HTTP ${upload.status}, ${uploadResult.entities ?? uploadResult.detail} entities, ${(importMs / 1000).toFixed(1)} s (the import blocks the event loop while it writes)`,
  );
  console.log(
    `consistency: ${seen.length} /datasets reads during the mixed phase, counts ${before} before and ${after} after, ${torn} from neither version`,
  );
}
