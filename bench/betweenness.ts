/**
 * The betweenness kernels side by side (issue 11) on the synthetic graph of `bench/graph.ts`
 * (1,000,000 nodes / 3,000,000 edges by default): the one-source-at-a-time Brandes kernel and the
 * compact one (WebAssembly: float32 σ, bitmaps, large BFS levels pulled), on the same sampled sources, on this
 * thread. Checks that both give the same sums (to float32 precision), and prints wall and CPU time
 * per source.
 *
 * Usage: npm run bench:betweenness -- [--nodes N] [--edges M] [--sources K] [--push-ratio R]
 *          [--skip-single] [--brokers] [--brokers-single]
 *   --sources       sources for the kernel comparison (default 64; drawn like brokers() draws them)
 *   --brokers       also time brokers() with 1,000 sampled sources on its worker threads
 *   --brokers-single  the same with the one-source kernel in the workers (slow: minutes)
 */
import { availableParallelism } from 'node:os';
import { syntheticNetwork } from './synthetic-graph.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const has = (name: string) => process.argv.includes(name);

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed<T>(fn: () => T): [T, Timing] {
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const r = fn();
  const wallMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  return [r, { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }];
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<[T, Timing]> {
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const r = await fn();
  const wallMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  return [r, { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }];
}

/** Largest relative difference between two arrays of sums (0 when equal). */
function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), Math.abs(b[i])));
  }
  return worst;
}

const s = (ms: number) => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  const { brandesSums, sampleSources } = await import('../src/graph/centrality.js');
  const { compactKernel, compactSumsWith } = await import('../src/graph/compact-brandes.js');
  const kernel = await compactKernel();
  const { brokers } = await import('../src/graph/brokers.js');
  const n = Number(arg('--nodes') ?? 1_000_000);
  const m = Number(arg('--edges') ?? 3_000_000);
  const k = Number(arg('--sources') ?? 64);
  const pushRatio = Number(arg('--push-ratio') ?? 24);

  const [net, build] = timed(() => syntheticNetwork(n, m));
  const csr = { nodeCount: net.nodeCount, adjOffsets: net.adjOffsets, adj: net.adj };
  const sources = sampleSources(n, k, 1);
  const lines = [
    `synthetic ${n.toLocaleString('en')} nodes / ${m.toLocaleString('en')} edges (seeded), ` +
      `${csr.adj.length.toLocaleString('en')} adjacency entries; built in ${s(build.wallMs)} s; ` +
      `${k} sources (seed 1); one thread; load average ${(await import('node:os')).loadavg()[0].toFixed(2)} at start`,
    '',
    '| kernel | wall (s) | CPU (s) | CPU per source (ms) | one-source / compact |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  let single: Timing | undefined;
  let singleSums: { sum: Float64Array; sumSq: Float64Array } | undefined;
  if (!has('--skip-single')) {
    process.stderr.write('one-source kernel…\n');
    [singleSums, single] = timed(() => brandesSums(csr, sources));
    lines.push(
      `| one source at a time | ${s(single.wallMs)} | ${s(single.cpuMs)} | ${(single.cpuMs / k).toFixed(1)} | |`,
    );
  }
  process.stderr.write('compact kernel…\n');
  const [compactSums, compact] = timed(() => compactSumsWith(kernel, csr, sources, pushRatio));
  lines.push(
    `| compact (push ratio ${pushRatio}) | ${s(compact.wallMs)} | ${s(compact.cpuMs)} | ${(compact.cpuMs / k).toFixed(1)} | ` +
      `${single ? `${(single.cpuMs / compact.cpuMs).toFixed(1)}× CPU, ${(single.wallMs / compact.wallMs).toFixed(1)}× wall` : '—'} |`,
  );
  lines.push('');
  if (singleSums) {
    lines.push(
      `Largest relative difference between the kernels' sums: Σδ ${maxRelDiff(singleSums.sum, compactSums.sum).toExponential(2)}, ` +
        `Σδ² ${maxRelDiff(singleSums.sumSq, compactSums.sumSq).toExponential(2)}.`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  const runs: Array<['compact' | 'single', string]> = [];
  if (has('--brokers')) runs.push(['compact', 'compact (WebAssembly, float32 σ, pulled levels)']);
  if (has('--brokers-single')) runs.push(['single', 'one source at a time']);
  if (runs.length) {
    const out = [
      '',
      `brokers(net, { sampled: true, samples: 1000, seed: 1 }), ${Math.min(4, availableParallelism())} worker threads (the default here):`,
      '',
      '| kernel | wall (s) | CPU of all threads (s) | ≤ 60 s |',
      '| --- | ---: | ---: | --- |',
    ];
    const results: Array<{ kernel: string; top: string[]; scores: number[]; wall: number }> = [];
    for (const [kernel, label] of runs) {
      process.stderr.write(`brokers, ${label}…\n`);
      const [r, t] = await timedAsync(() =>
        brokers(net, { top: 10, sampled: true, samples: 1000, seed: 1, kernel }),
      );
      results.push({
        kernel,
        top: r.results.map((x) => `${x.entity_id} ${x.score} ±${x.error}`),
        scores: r.results.map((x) => x.score),
        wall: t.wallMs,
      });
      out.push(`| ${label} | ${s(t.wallMs)} | ${s(t.cpuMs)} | ${t.wallMs <= 60_000 ? 'yes' : 'no'} |`);
    }
    if (results.length === 2) {
      out.push('');
      out.push(
        `one-source / compact wall: ${(results[1].wall / results[0].wall).toFixed(1)}×; ` +
          `top 10 ${JSON.stringify(results[0].top.map((x) => x.split(' ')[0])) === JSON.stringify(results[1].top.map((x) => x.split(' ')[0])) ? 'the same parties in the same order' : 'DIFFER'}, ` +
          `scores within ${maxRelDiff(Float64Array.from(results[0].scores), Float64Array.from(results[1].scores)).toExponential(1)} relative.`,
      );
    }
    out.push('', `top 10 (compact run first): ${results[0].top.join('; ')}`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
}

await main();
