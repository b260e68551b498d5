/**
 * GET /xref on a cold server: how long until the run is ready, and how long does the server keep
 * other requests waiting meanwhile? The same store (the bundled lists, imported into a fresh
 * file) is served by a new server process per round, pairing in a worker thread and in process
 * (20 ms slices on the event loop) in turn, so both are measured in the same run on the same
 * machine state.
 *
 * Per round: the server starts (its matcher index is built before it listens, as `tangle serve`
 * does), then one GET /xref?wait=0 starts the run; /healthz is asked every 10 ms (the next request
 * 10 ms after the previous answer) and /xref?wait=0 every 250 ms until it answers 200. The gap is
 * the time between two /healthz answers (10 ms when nothing blocks); the server also reports its
 * own event-loop delay (perf_hooks).
 *
 * On Linux the worker thread runs at nice 10 (the server's thread wins a scarce CPU); the mode
 * `worker-unniced` leaves it at the server's priority, for comparison.
 *
 * Usage: npm run bench:xref-server -- [--rounds N] [--modes worker,in-process,worker-unniced]
 * (N rounds of each mode, default 2; default modes worker and in-process)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ensureBundledData } from '../src/logic/bundled.js';
import { buildApp } from '../src/server/app.js';
import { serverConfig } from '../src/server/config.js';
import { SqliteStore } from '../src/store/sqlite.js';

/** `worker-unniced`: the worker thread left at the server's priority (TANGLE_XREF_NICE=0). */
type Mode = 'worker' | 'in-process' | 'worker-unniced';
const MODES: readonly Mode[] = ['worker', 'in-process', 'worker-unniced'];

interface ServeReady {
  type: 'ready';
  url: string;
  startSeconds: number;
}
interface ServeReport {
  type: 'report';
  loopMaxMs: number;
  loopP99Ms: number;
  /** Event-loop stalls of STALL_MS or more: when (seconds after measuring began) and how long (ms). */
  stalls: Array<[number, number]>;
}

const STALL_MS = 50;

if (process.argv.includes('--serve')) {
  // The server: a store file opened as `tangle serve` opens it, pairing as BENCH_MODE says.
  const t0 = performance.now();
  const store = new SqliteStore(process.env.BENCH_DB!);
  const app = await buildApp({
    store,
    config: serverConfig({
      rateLimit: { perAddress: 0, perKey: 0, login: 0 },
      xrefWorker: process.env.BENCH_MODE !== 'in-process',
    }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  // A 5 ms ticker tells when the loop stalled, to set beside the stages.
  const stalls: Array<[number, number]> = [];
  let ticker: NodeJS.Timeout | undefined;
  process.on('message', (m: string) => {
    if (m === 'measure') {
      loop.reset();
      loop.enable();
      const begun = performance.now();
      let last = begun;
      ticker = setInterval(() => {
        const now = performance.now();
        if (now - last >= STALL_MS) stalls.push([(last - begun) / 1000, now - last]);
        last = now;
      }, 5);
    } else if (m === 'report') {
      loop.disable();
      clearInterval(ticker);
      process.send!({
        type: 'report',
        loopMaxMs: loop.max / 1e6,
        loopP99Ms: loop.percentile(99) / 1e6,
        stalls,
      } satisfies ServeReport);
    } else if (m === 'stop') {
      void app.close().then(async () => {
        await store.close();
        process.exit(0);
      });
    }
  });
  process.send!({
    type: 'ready',
    url: `http://127.0.0.1:${port}`,
    startSeconds: (performance.now() - t0) / 1000,
  } satisfies ServeReady);
} else {
  await main();
}

interface Round {
  mode: Mode;
  startSeconds: number;
  readySeconds: number;
  pairs: number;
  screened: number;
  /** When each stage was first seen, seconds after the first request. */
  stages: Record<string, number>;
  healthz: number;
  gapMaxMs: number;
  gapP99Ms: number;
  answerMaxMs: number;
  loopMaxMs: number;
  loopP99Ms: number;
  stalls: Array<[number, number]>;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--rounds');
  const rounds = i > 0 ? Number(process.argv[i + 1]) : 2;
  const m = process.argv.indexOf('--modes');
  const modes = (m > 0 ? process.argv[m + 1]!.split(',') : ['worker', 'in-process']) as Mode[];
  for (const mode of modes)
    if (!MODES.includes(mode)) throw new Error(`no mode ${mode}: ${MODES.join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'tangle-xref-server-'));
  try {
    const db = join(dir, 'bundled.sqlite');
    const t0 = performance.now();
    const store = new SqliteStore(db);
    await ensureBundledData(store);
    await store.close();
    console.log(`bundled store imported in ${((performance.now() - t0) / 1000).toFixed(1)} s (${db})`);

    const results: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const mode of modes) {
        const result = await round(db, mode);
        results.push(result);
        console.log(
          `round ${r + 1} ${mode}: ready in ${result.readySeconds.toFixed(2)} s, ` +
            `longest /healthz gap ${result.gapMaxMs.toFixed(0)} ms`,
        );
      }
    }
    report(results, modes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function round(db: string, mode: Mode): Promise<Round> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    env: {
      ...process.env,
      BENCH_DB: db,
      BENCH_MODE: mode,
      ...(mode === 'worker-unniced' ? { TANGLE_XREF_NICE: '0' } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await message<ServeReady>(child, 'ready');
    const { url } = ready;
    child.send('measure');
    const t0 = performance.now();
    const since = () => (performance.now() - t0) / 1000;
    let done = false;

    // /healthz every 10 ms until the run is ready.
    const answers: number[] = [];
    const latencies: number[] = [];
    const poll = (async () => {
      while (!done) {
        const start = performance.now();
        const r = await fetch(`${url}/healthz`);
        await r.arrayBuffer();
        if (!r.ok) throw new Error(`/healthz answered ${r.status}`);
        const end = performance.now();
        answers.push(end);
        latencies.push(end - start);
        await sleep(10);
      }
    })();

    // The run: started by the first request, asked again every 250 ms.
    const stages: Record<string, number> = {};
    let body: { pairs?: unknown[]; total?: number; screened?: number; stage?: string } = {};
    for (;;) {
      const r = await fetch(`${url}/xref?wait=0&limit=1`);
      body = (await r.json()) as typeof body;
      if (r.status === 200) break;
      if (r.status !== 202) throw new Error(`/xref answered ${r.status}: ${JSON.stringify(body)}`);
      if (body.stage && stages[body.stage] === undefined) stages[body.stage] = since();
      await sleep(250);
    }
    const readySeconds = since();
    done = true;
    await poll;
    child.send('report');
    const loop = await message<ServeReport>(child, 'report');

    const gaps = answers.slice(1).map((a, k) => a - answers[k]!);
    return {
      mode,
      startSeconds: ready.startSeconds,
      readySeconds,
      pairs: body.total ?? 0,
      screened: body.screened ?? 0,
      stages,
      healthz: answers.length,
      gapMaxMs: Math.max(...gaps),
      gapP99Ms: percentile(gaps, 99),
      answerMaxMs: Math.max(...latencies),
      loopMaxMs: loop.loopMaxMs,
      loopP99Ms: loop.loopP99Ms,
      stalls: loop.stalls,
    };
  } finally {
    if (child.connected) child.send('stop');
    if (child.exitCode === null)
      await new Promise((resolve) => {
        const timer = setTimeout(() => child.kill(), 10_000);
        child.once('exit', () => resolve(clearTimeout(timer)));
      });
  }
}

function report(results: Round[], modes: readonly Mode[]): void {
  const f = (n: number, digits = 0) => n.toFixed(digits);
  console.log(
    '\n| round | mode | server start s | ready s | stages seen (s after request) | pairs | /healthz answers | longest gap ms | p99 gap ms | slowest answer ms | loop delay max ms | loop p99 ms |',
  );
  console.log('|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  results.forEach((r, k) => {
    const stages = Object.entries(r.stages)
      .map(([s, t]) => `${s} ${f(t, 1)}`)
      .join(', ');
    console.log(
      `| ${Math.floor(k / modes.length) + 1} | ${r.mode} | ${f(r.startSeconds, 1)} | ${f(r.readySeconds, 2)} | ${stages} | ${r.pairs} | ${r.healthz} | ${f(r.gapMaxMs)} | ${f(r.gapP99Ms)} | ${f(r.answerMaxMs)} | ${f(r.loopMaxMs)} | ${f(r.loopP99Ms)} |`,
    );
  });
  const median = (mode: Mode, key: keyof Round) => {
    const values = results.filter((r) => r.mode === mode).map((r) => r[key] as number);
    return percentile(values, 50);
  };
  const columns = modes.map((mode) => `${mode} |`).join(' ');
  const ratio = modes.includes('worker') && modes.includes('in-process');
  console.log(`\n| median over rounds | ${columns}${ratio ? ' in-process ÷ worker |' : ''}`);
  console.log(`|---|${modes.map(() => '---:|').join('')}${ratio ? '---:|' : ''}`);
  const rows: Array<[string, keyof Round, number]> = [
    ['ready s', 'readySeconds', 2],
    ['longest /healthz gap ms', 'gapMaxMs', 0],
    ['p99 /healthz gap ms', 'gapP99Ms', 0],
    ['slowest /healthz answer ms', 'answerMaxMs', 0],
    ['event-loop delay max ms', 'loopMaxMs', 0],
    ['event-loop delay p99 ms', 'loopP99Ms', 0],
  ];
  for (const [label, key, digits] of rows) {
    const values = modes.map((mode) => median(mode, key));
    const w = median('worker', key);
    const p = median('in-process', key);
    console.log(
      `| ${label} | ${values.map((v) => f(v, digits)).join(' | ')} |${ratio ? ` ${(p / w).toFixed(2)}× |` : ''}`,
    );
  }
  console.log(
    `\nevent-loop stalls of ${STALL_MS} ms or more: how many, the longest (s after the first request: ms)`,
  );
  results.forEach((r, k) => {
    const longest = [...r.stalls].sort((a, b) => b[1] - a[1]).slice(0, 6);
    const list = longest.map(([at, ms]) => `${f(at, 2)}: ${f(ms)}`).join(', ');
    console.log(
      `- round ${Math.floor(k / modes.length) + 1} ${r.mode}: ${r.stalls.length}${list ? `; ${list}` : ''}`,
    );
  });
  const pairs = new Set(results.map((r) => r.pairs));
  console.log(`\npairs per run: ${[...pairs].join(', ')} (${pairs.size === 1 ? 'the same' : 'DIFFERENT'})`);
}

/** The median for p = 50; the nearest rank otherwise. */
function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  if (p === 50 && sorted.length % 2 === 0) {
    return (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function message<T extends { type: string }>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: T) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`the server stopped (code ${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
