/**
 * The strongest path (Dijkstra from both ends) is as strong as a one-sided Dijkstra finds, ties
 * going to fewer hops, on random networks with links of every strength and some parties cut off.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/graph/centrality.js';
import type { Network } from '../../src/graph/network.js';
import { strongestPath } from '../../src/graph/paths.js';
import { companies, listLink } from './synthetic.js';

const STRENGTHS = [1, 0.7, 0.42, 0.25];

function randomNetwork(seed: number, n: number, m: number): Network {
  const rand = seededRandom(seed);
  const b = companies(n);
  for (let e = 0; e < m; e++) {
    const u = Math.floor(rand() * n);
    const v = Math.floor(rand() ** 2 * n);
    if (u !== v) listLink(b, u, v, `e${e}`, STRENGTHS[Math.floor(rand() * STRENGTHS.length)]);
  }
  return b.build();
}

/** Smallest (weight, hops) from a to every node: a plain one-sided Dijkstra, by scanning. */
function reference(net: Network, a: number): { weight: Float64Array; hops: Int32Array } {
  const n = net.nodeCount;
  const weight = new Float64Array(n).fill(Infinity);
  const hops = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  weight[a] = 0;
  hops[a] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) {
      if (done[i] || weight[i] === Infinity) continue;
      if (u === -1 || weight[i] < weight[u] || (weight[i] === weight[u] && hops[i] < hops[u])) u = i;
    }
    if (u === -1) break;
    done[u] = 1;
    for (let k = net.adjOffsets[u]; k < net.adjOffsets[u + 1]; k++) {
      const v = net.adj[k];
      const w = weight[u] + net.adjWeight[k];
      if (w < weight[v] || (w === weight[v] && hops[u] + 1 < hops[v])) {
        weight[v] = w;
        hops[v] = hops[u] + 1;
      }
    }
  }
  return { weight, hops };
}

function pathWeight(net: Network, path: number[]): number {
  let w = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    let best = Infinity;
    for (let k = net.adjOffsets[path[i]]; k < net.adjOffsets[path[i] + 1]; k++) {
      if (net.adj[k] === path[i + 1]) best = Math.min(best, net.adjWeight[k]);
    }
    expect(best).toBeLessThan(Infinity);
    w += best;
  }
  return w;
}

describe('strongest path from both ends', () => {
  it('finds the weight (and, among equals, the hops) of a one-sided Dijkstra, or no path', () => {
    let found = 0;
    let missing = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const n = 40 + seed * 15;
      const net = randomNetwork(seed, n, Math.floor(n * 1.3));
      const rand = seededRandom(seed * 7);
      for (let q = 0; q < 15; q++) {
        const a = Math.floor(rand() * n);
        const b = Math.floor(rand() * n);
        if (a === b) continue;
        const want = reference(net, a);
        const path = strongestPath(net, a, b, 1000);
        if (want.hops[b] === -1) {
          expect(path).toBeUndefined();
          missing++;
          continue;
        }
        expect(path).toBeDefined();
        expect(path![0]).toBe(a);
        expect(path![path!.length - 1]).toBe(b);
        expect(new Set(path).size).toBe(path!.length);
        expect(pathWeight(net, path!)).toBeCloseTo(want.weight[b], 9);
        expect(path!.length - 1).toBe(want.hops[b]);
        found++;
      }
    }
    expect(found).toBeGreaterThan(50);
    expect(missing).toBeGreaterThan(5);
  });

  it('keeps within the hops and the bound it is given', () => {
    const net = randomNetwork(5, 200, 260);
    const rand = seededRandom(11);
    for (let q = 0; q < 40; q++) {
      const a = Math.floor(rand() * 200);
      const b = Math.floor(rand() * 200);
      if (a === b) continue;
      const path = strongestPath(net, a, b, 3);
      if (path) expect(path.length - 1).toBeLessThanOrEqual(3);
      const free = strongestPath(net, a, b, 1000);
      if (free) {
        const w = pathWeight(net, free);
        expect(strongestPath(net, a, b, 1000, w - 0.01)).toBeUndefined();
        expect(strongestPath(net, a, b, 1000, w)).toBeDefined();
      }
    }
  });
});
