/**
 * Brokers, the "force multipliers": parties that sit on many shortest paths between others
 * (betweenness), with degree and PageRank beside it. Betweenness is exact when the work is small;
 * otherwise sampled from a seeded set of sources, with a standard error. Large runs go to worker
 * threads so a server keeps answering meanwhile.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-script.js';
import { UsageError } from '../errors.js';
import {
  brandesSums,
  exactCost,
  finishBetweenness,
  pagerank,
  sampleSources,
  type BetweennessResult,
  type Csr,
} from './centrality.js';
import { compactKernel, compactSumsWith } from './compact-brandes.js';
import { round } from './json.js';
import { LIMITS } from './limits.js';
import type { Network } from './network.js';

/** Above this much work (node visits plus link scans) betweenness is sampled. */
export const EXACT_WORK = 3e8;
/** Below this much work a worker thread costs more than it saves. */
const WORKER_WORK = 2e7;

export interface BrokersOptions {
  top?: number;
  /** Sources to sample when exact is too costly (default 1000). */
  samples?: number;
  seed?: number;
  /** Force sampling even on a small graph. */
  sampled?: boolean;
  /** Worker threads (default: one per core, at most 4; 0 runs on this thread). */
  workers?: number;
  /** Brandes kernel of a sampled run (default 'compact'; the same sums, for benchmarks). */
  kernel?: BrandesKernel;
}

/**
 * 'single': one BFS per source in doubles ({@link brandesSums}); 'compact': the same sums to
 * float32 precision from the WebAssembly kernel of compact-brandes.ts, ~8× less CPU on large graphs.
 */
export type BrandesKernel = 'single' | 'compact';

export interface BrokerJson {
  entity_id: string;
  caption: string;
  schema: string;
  score: number;
  /** Standard error of a sampled score (0 when exact). */
  error: number;
  degree: number;
  pagerank: number;
  programmes: string[];
}

export interface BrokersResult {
  method: string;
  nodes: number;
  sources: number;
  results: BrokerJson[];
}

export async function brokers(net: Network, o: BrokersOptions = {}): Promise<BrokersResult> {
  const top = o.top ?? 20;
  if (top < 1 || top > LIMITS.top) throw new UsageError(`top must be 1–${LIMITS.top}`);
  const csr: Csr = net;
  const n = net.nodeCount;
  const cost = exactCost(csr);
  const exact = !o.sampled && cost <= EXACT_WORK;
  const sources = exact
    ? sampleSources(n, n, 0)
    : sampleSources(n, Math.min(n, o.samples ?? 1000), o.seed ?? 1);
  const work = exact ? cost : (cost / Math.max(1, n)) * sources.length;
  const workers = o.workers ?? (work > WORKER_WORK ? Math.min(4, availableParallelism()) : 0);
  // Exact runs are small by definition and keep the lean one-source kernel.
  const bc = await betweenness(csr, sources, workers, exact ? 'single' : (o.kernel ?? 'compact'));
  const pr = pagerank(csr);
  const ahead = (a: number, b: number) => bc.scores[a] - bc.scores[b] || pr[a] - pr[b] || b - a;
  const results = topNodes(n, top, ahead, (i) => net.degree(i) > 0).map((i) => ({
    entity_id: net.nodes[i].id,
    caption: net.nodes[i].caption,
    schema: net.nodes[i].schema,
    score: round(bc.scores[i], 9),
    error: round(bc.errors[i], 9),
    degree: net.degree(i),
    pagerank: round(pr[i], 9),
    programmes: net.nodes[i].programmes,
  }));
  const method = bc.exact
    ? 'betweenness (exact, Brandes)'
    : `betweenness (sampled: ${bc.sources} of ${n} sources, seeded; error = standard error)`;
  return { method, nodes: n, sources: bc.sources, results };
}

/**
 * The `top` nodes that `include` admits, best first by `ahead` (> 0 when a beats b): one pass
 * with a short sorted list instead of sorting every node (a second on 1M nodes).
 */
function topNodes(
  n: number,
  top: number,
  ahead: (a: number, b: number) => number,
  include: (i: number) => boolean,
): number[] {
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    if (best.length === top && ahead(i, best[top - 1]) <= 0) continue;
    if (!include(i)) continue;
    let at = best.length;
    while (at > 0 && ahead(i, best[at - 1]) > 0) at--;
    best.splice(at, 0, i);
    if (best.length > top) best.pop();
  }
  return best;
}

/** Brandes over the sources, split across worker threads when `workers` > 0. */
export async function betweenness(
  g: Csr,
  sources: Int32Array,
  workers: number,
  kernel: BrandesKernel = 'single',
): Promise<BetweennessResult> {
  const n = g.nodeCount;
  const module = kernel === 'compact' ? await compactKernel() : undefined;
  if (workers <= 0 || sources.length < 2) {
    const { sum, sumSq } = module ? compactSumsWith(module, g, sources) : brandesSums(g, sources);
    return finishBetweenness(n, sum, sumSq, sources.length);
  }
  const shared = sharedTable(g);
  const chunks = Math.min(workers, sources.length);
  const parts = await Promise.all(
    Array.from({ length: chunks }, (_, w) => {
      // Interleave sources so every worker gets a similar mix of large and small components.
      const mine = sources.filter((_, i) => i % chunks === w);
      return runWorker({
        nodeCount: n,
        adjOffsets: shared.adjOffsets,
        adj: shared.adj,
        sources: mine,
        module,
      });
    }),
  );
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  for (const p of parts) {
    for (let v = 0; v < n; v++) {
      sum[v] += p.sum[v];
      sumSq[v] += p.sumSq[v];
    }
  }
  return finishBetweenness(n, sum, sumSq, sources.length);
}

const sharedTables = new WeakMap<Csr, { adjOffsets: Int32Array; adj: Int32Array }>();

/** The neighbour table in shared memory (made once per network), so workers read it without copies. */
function sharedTable(g: Csr): { adjOffsets: Int32Array; adj: Int32Array } {
  let t = sharedTables.get(g);
  if (!t) {
    const share = (a: Int32Array): Int32Array => {
      const s = new Int32Array(new SharedArrayBuffer(a.byteLength));
      s.set(a);
      return s;
    };
    t = { adjOffsets: share(g.adjOffsets), adj: share(g.adj) };
    sharedTables.set(g, t);
  }
  return t;
}

function runWorker(job: {
  nodeCount: number;
  adjOffsets: Int32Array;
  adj: Int32Array;
  sources: Int32Array;
  /** The compiled compact kernel; without it, the doubles kernel. */
  module?: WebAssembly.Module;
}): Promise<{ sum: Float64Array; sumSq: Float64Array }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(import.meta.url, './betweenness-worker.js'), { workerData: job });
    worker.once('message', (m: { sum: Float64Array; sumSq: Float64Array }) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`betweenness worker stopped with code ${code}`));
    });
  });
}
