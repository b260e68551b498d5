/**
 * The compact Brandes kernel (float32 σ, pulled BFS levels) gives the sums of the one-source
 * kernel in doubles to float32 precision, and exact betweenness when every node is a source.
 */
import { describe, expect, it } from 'vitest';
import { brokers } from '../../src/graph/brokers.js';
import {
  brandesSums,
  finishBetweenness,
  sampleSources,
  seededRandom,
  type Csr,
} from '../../src/graph/centrality.js';
import { compactKernel, compactSumsWith } from '../../src/graph/compact-brandes.js';

/** The compact kernel's sums (compiled once per process). */
async function brandesSumsCompact(g: Csr, sources: Int32Array, pushRatio?: number) {
  return compactSumsWith(await compactKernel(), g, sources, pushRatio);
}
import { companies, listLink } from './synthetic.js';

/** A random neighbour table: skewed degrees, self-loops dropped, some isolated nodes and small components. */
function randomCsr(seed: number, n: number, m: number): Csr {
  const rand = seededRandom(seed);
  const nb: Array<Set<number>> = Array.from({ length: n }, () => new Set());
  for (let e = 0; e < m; e++) {
    const u = Math.floor(rand() * n);
    const v = Math.floor(rand() ** 1.5 * n);
    if (u === v) continue;
    nb[u].add(v);
    nb[v].add(u);
  }
  const adjOffsets = new Int32Array(n + 1);
  const adj: number[] = [];
  for (let u = 0; u < n; u++) {
    adjOffsets[u] = adj.length;
    adj.push(...nb[u]);
  }
  adjOffsets[n] = adj.length;
  return { nodeCount: n, adjOffsets, adj: Int32Array.from(adj) };
}

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), Math.abs(b[i])));
  }
  return worst;
}

/** Exact betweenness by definition: all-pairs BFS distances and path counts, Σ σ_sv σ_vt / σ_st. */
function bruteForce(g: Csr): Float64Array {
  const n = g.nodeCount;
  const dist: Int32Array[] = [];
  const count: Float64Array[] = [];
  for (let s = 0; s < n; s++) {
    const d = new Int32Array(n).fill(-1);
    const c = new Float64Array(n);
    d[s] = 0;
    c[s] = 1;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h];
      for (let k = g.adjOffsets[u]; k < g.adjOffsets[u + 1]; k++) {
        const v = g.adj[k];
        if (d[v] === -1) {
          d[v] = d[u] + 1;
          queue.push(v);
        }
        if (d[v] === d[u] + 1) c[v] += c[u];
      }
    }
    dist.push(d);
    count.push(c);
  }
  const bc = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < n; t++) {
      if (s === t || dist[s][t] < 0) continue;
      for (let v = 0; v < n; v++) {
        if (v === s || v === t || dist[s][v] < 0 || dist[v][t] < 0) continue;
        if (dist[s][v] + dist[v][t] === dist[s][t]) bc[v] += (count[s][v] * count[v][t]) / count[s][t];
      }
    }
  }
  // Undirected, normalised like networkx: each pair counted twice above, divided by (n-1)(n-2)/2.
  const norm = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  return bc.map((x) => x * norm);
}

describe('compact Brandes kernel', () => {
  it('gives the one-source sums on random graphs, pushing, pulling or mixing levels', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const n = 3 + seed * 11;
      const g = randomCsr(seed, n, Math.floor(n * (0.4 + (seed % 5) * 0.5)));
      for (const k of [1, 5, 32, 33, 70, n]) {
        const sources = sampleSources(n, k, seed);
        const want = brandesSums(g, sources);
        // A huge push ratio pushes every level, a tiny one pulls every level.
        for (const pushRatio of [12, 1e9, 1e-9]) {
          const got = await brandesSumsCompact(g, sources, pushRatio);
          expect(maxRelDiff(want.sum, got.sum)).toBeLessThan(2e-6);
          expect(maxRelDiff(want.sumSq, got.sumSq)).toBeLessThan(4e-6);
        }
      }
    }
  });

  it('falls back to doubles for a source whose path counts outgrow float32', async () => {
    // A chain of 140 diamonds doubles the number of shortest paths at each: 2^140 > 3.4e38.
    const diamonds = 140;
    const n = 3 * diamonds + 1;
    const nb: number[][] = Array.from({ length: n }, () => []);
    const link = (a: number, b: number) => {
      nb[a].push(b);
      nb[b].push(a);
    };
    for (let i = 0; i < diamonds; i++) {
      const a = 3 * i;
      link(a, a + 1);
      link(a, a + 2);
      link(a + 1, a + 3);
      link(a + 2, a + 3);
    }
    const adjOffsets = new Int32Array(n + 1);
    for (let u = 0; u < n; u++) adjOffsets[u + 1] = adjOffsets[u] + nb[u].length;
    const g: Csr = { nodeCount: n, adjOffsets, adj: Int32Array.from(nb.flat()) };
    const sources = Int32Array.of(0, 1, n - 1, 200);
    const want = brandesSums(g, sources);
    const got = await brandesSumsCompact(g, sources);
    expect(got.sum.every(Number.isFinite)).toBe(true);
    expect(maxRelDiff(want.sum, got.sum)).toBeLessThan(2e-6);
    expect(maxRelDiff(want.sumSq, got.sumSq)).toBeLessThan(4e-6);
  });

  it('computes exact betweenness (every node a source) equal to the definition', async () => {
    for (const seed of [3, 8, 13]) {
      const n = 60;
      const g = randomCsr(seed, n, 90);
      const { sum, sumSq } = await brandesSumsCompact(g, sampleSources(n, n, 0));
      const r = finishBetweenness(n, sum, sumSq, n);
      expect(r.exact).toBe(true);
      const want = bruteForce(g);
      for (let v = 0; v < n; v++) expect(r.scores[v]).toBeCloseTo(want[v], 7);
    }
  });

  it('leaves sampled brokers (scores and standard errors) unchanged, on this thread and on workers', async () => {
    const g = randomCsr(21, 3000, 6000);
    const b = companies(g.nodeCount);
    for (let u = 0; u < g.nodeCount; u++) {
      for (let k = g.adjOffsets[u]; k < g.adjOffsets[u + 1]; k++) {
        const v = g.adj[k];
        if (u < v) listLink(b, u, v, `e${u}-${v}`);
      }
    }
    const net = b.build();
    const o = { top: 25, sampled: true, samples: 200, seed: 4 };
    const single = await brokers(net, { ...o, workers: 0, kernel: 'single' });
    expect(single.method).toMatch(/sampled: 200 of 3000/);
    for (const workers of [0, 2]) {
      const compact = await brokers(net, { ...o, workers, kernel: 'compact' });
      expect(compact.method).toBe(single.method);
      expect(compact.results.map((x) => x.entity_id)).toEqual(single.results.map((x) => x.entity_id));
      compact.results.forEach((x, i) => {
        expect(Math.abs(x.score - single.results[i].score)).toBeLessThan(1e-6 * single.results[i].score);
        expect(Math.abs(x.error - single.results[i].error)).toBeLessThan(1e-5 * single.results[i].error);
      });
    }
  });
});
