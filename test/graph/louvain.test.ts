/**
 * Louvain on typed arrays: finds planted communities, reports the modularity of the partition it
 * returns, and partitions random graphs as well as graphology-communities-louvain does.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { seededRandom, type Csr } from '../../src/graph/centrality.js';
import { louvain } from '../../src/graph/louvain.js';

function csr(n: number, links: Array<[number, number]>): Csr {
  const nb: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of links) {
    nb[a].push(b);
    nb[b].push(a);
  }
  const adjOffsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) adjOffsets[u + 1] = adjOffsets[u] + nb[u].length;
  return { nodeCount: n, adjOffsets, adj: Int32Array.from(nb.flat()) };
}

function randomLinks(seed: number, n: number, m: number): Array<[number, number]> {
  const rand = seededRandom(seed);
  const links: Array<[number, number]> = [];
  for (let e = 0; e < m; e++) links.push([Math.floor(rand() * n), Math.floor(rand() ** 1.5 * n)]);
  return links;
}

/** Newman's modularity by its definition, over distinct links between different nodes. */
function modularity(g: Csr, community: Int32Array): number {
  const pairs = new Set<string>();
  for (let u = 0; u < g.nodeCount; u++) {
    for (let k = g.adjOffsets[u]; k < g.adjOffsets[u + 1]; k++) {
      const v = g.adj[k];
      if (u !== v) pairs.add(u < v ? `${u} ${v}` : `${v} ${u}`);
    }
  }
  const m = pairs.size;
  const degree = new Map<number, number>();
  const inner = new Map<number, number>();
  const tot = new Map<number, number>();
  for (const p of pairs) {
    const [u, v] = p.split(' ').map(Number);
    degree.set(u, (degree.get(u) ?? 0) + 1);
    degree.set(v, (degree.get(v) ?? 0) + 1);
    if (community[u] === community[v]) inner.set(community[u], (inner.get(community[u]) ?? 0) + 1);
  }
  for (const [u, d] of degree) tot.set(community[u], (tot.get(community[u]) ?? 0) + d);
  let q = 0;
  for (const [c, t] of tot) q += (inner.get(c) ?? 0) / m - (t / (2 * m)) ** 2;
  return q;
}

const graphologyLouvain = louvainModule as unknown as {
  detailed(graph: UndirectedGraph, options?: { rng?: () => number }): { modularity: number };
};

describe('louvain', () => {
  it('finds two cliques joined by one link, and leaves isolated nodes out', () => {
    const links: Array<[number, number]> = [];
    for (const base of [0, 6]) {
      for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) links.push([base + a, base + b]);
    }
    links.push([4, 6]);
    const g = csr(12, links); // nodes 5 and 11 have no links
    const r = louvain(g.nodeCount, g.adjOffsets, g.adj, 1);
    expect(r.count).toBe(2);
    expect(r.community[5]).toBe(-1);
    expect(r.community[11]).toBe(-1);
    expect(new Set([0, 1, 2, 3, 4].map((u) => r.community[u])).size).toBe(1);
    expect(new Set([6, 7, 8, 9, 10].map((u) => r.community[u])).size).toBe(1);
    expect(r.community[0]).not.toBe(r.community[6]);
    expect(r.modularity).toBeCloseTo(modularity(g, r.community), 12);
  });

  it('partitions random graphs as well as graphology-communities-louvain, the same each run', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const n = 150 + seed * 60;
      const links = randomLinks(seed, n, Math.floor(n * (1 + (seed % 3))));
      const g = csr(n, links);
      const r = louvain(g.nodeCount, g.adjOffsets, g.adj, seed);
      expect(r.modularity).toBeCloseTo(modularity(g, r.community), 12);
      expect(louvain(g.nodeCount, g.adjOffsets, g.adj, seed).community).toEqual(r.community);
      const ref = new UndirectedGraph();
      for (const [a, b] of links) {
        if (a === b) continue;
        ref.mergeNode(String(a));
        ref.mergeNode(String(b));
        ref.mergeEdge(String(a), String(b));
      }
      const theirs = graphologyLouvain.detailed(ref, { rng: seededRandom(seed) }).modularity;
      expect(r.modularity).toBeGreaterThan(theirs - 0.02);
      expect(r.modularity).toBeGreaterThan(0.2);
    }
  });
});
