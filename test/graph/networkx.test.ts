/**
 * Paths are real shortest paths: the lengths we report must be what networkx finds on our own
 * GraphML export, and exact betweenness must agree with networkx's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokers } from '../../src/graph/brokers.js';
import { seededRandom } from '../../src/graph/centrality.js';
import { exportNetwork } from '../../src/graph/export.js';
import { GraphBuilder, type Network } from '../../src/graph/network.js';
import { findPaths } from '../../src/graph/paths.js';
import { projectStore } from '../../src/graph/projection.js';
import { ROOT } from '../helpers/cli.js';
import { fakeClaims, fixtureStore } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'tangle-graph-nx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Debian interpreter first: that is where python3-networkx is installed. */
function python(): string {
  for (const p of ['/usr/bin/python3', 'python3']) {
    if (p.startsWith('/') && !existsSync(p)) continue;
    if (spawnSync(p, ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0) return p;
  }
  throw new Error('networkx is needed for this test (Debian: apt-get install python3-networkx)');
}

function networkx(net: Network, pairs: Array<[string, string]>) {
  const graphml = join(dir, `g${Math.random().toString(36).slice(2)}.graphml`);
  writeFileSync(graphml, [...exportNetwork(net, 'graphml')].join(''));
  const pairsFile = `${graphml}.pairs.json`;
  writeFileSync(pairsFile, JSON.stringify(pairs));
  const r = spawnSync(python(), [join(ROOT, 'test', 'graph', 'nx_check.py'), graphml, pairsFile], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as {
    nodes: number;
    lengths: Array<number | null>;
    betweenness: Record<string, number>;
  };
}

/** A sparse random network with parallel edges and weaker (claim-strength) links, from a seed. */
function randomNetwork(seed: number, n: number, m: number): Network {
  const rand = seededRandom(seed);
  const b = new GraphBuilder();
  for (let i = 0; i < n; i++) {
    b.node(`r-${i}`, () => ({
      caption: `Party ${i}`,
      schema: 'Company',
      datasets: ['synthetic'],
      programmes: [],
      topics: [],
      members: [`r-${i}`],
      listings: [],
    }));
  }
  for (let e = 0; e < m; e++) {
    const u = Math.floor(rand() * n);
    const v = Math.floor(rand() * n);
    b.addEdge(u, v, {
      id: `rel-${e}`,
      type: 'linked_to',
      domain: 'unspecified',
      directed: rand() < 0.5,
      strength: [1, 0.7, 0.42][Math.floor(rand() * 3)],
      date: null,
      evidence: [],
      origin: 'list',
    });
  }
  return b.build();
}

describe('agreement with networkx on our GraphML export', () => {
  it('reports the shortest path length networkx finds, for connected and disconnected pairs', () => {
    const net = randomNetwork(42, 400, 520);
    const rand = seededRandom(9);
    const pairs: Array<[string, string]> = [];
    while (pairs.length < 60) {
      const a = Math.floor(rand() * net.nodeCount);
      const b = Math.floor(rand() * net.nodeCount);
      if (a !== b) pairs.push([net.nodes[a].id, net.nodes[b].id]);
    }
    const nx = networkx(net, pairs);
    expect(nx.nodes).toBe(400);
    const ours = pairs.map(([a, b]) => {
      const r = findPaths(net, net.index.get(a)!, net.index.get(b)!, { k: 2, maxHops: 10 });
      return r.paths.length ? r.paths[0].length : null;
    });
    // Beyond 10 hops we report no path; networkx has no bound.
    expect(ours).toEqual(nx.lengths.map((l) => (l !== null && l > 10 ? null : l)));
    expect(ours.filter((l) => l !== null).length).toBeGreaterThan(20);
    expect(ours.filter((l) => l === null).length).toBeGreaterThan(0);
  });

  it('computes the same exact betweenness as networkx', async () => {
    const net = randomNetwork(5, 150, 220);
    const nx = networkx(net, []);
    const r = await brokers(net, { top: 10, workers: 0 });
    expect(r.method).toMatch(/exact/);
    for (const x of r.results) expect(x.score).toBeCloseTo(nx.betweenness[x.entity_id], 6);
  });

  it('computes the same exact betweenness with the compact kernel (every node sampled)', async () => {
    const net = randomNetwork(6, 150, 220);
    const nx = networkx(net, []);
    const r = await brokers(net, { top: 20, workers: 0, sampled: true, samples: 150, kernel: 'compact' });
    expect(r.sources).toBe(150);
    for (const x of r.results) {
      expect(x.score).toBeCloseTo(nx.betweenness[x.entity_id], 6);
      expect(x.error).toBe(0);
    }
  });

  it('agrees on the store projection too', async () => {
    const store = await fixtureStore();
    try {
      const net = (await projectStore(store, { claims: fakeClaims(), includeProposed: true })).network;
      const ids = net.nodes.map((n) => n.id);
      const pairs = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => [a, b] as [string, string]));
      const nx = networkx(net, pairs);
      const ours = pairs.map(
        ([a, b]) => findPaths(net, net.index.get(a)!, net.index.get(b)!, { k: 1 }).paths[0]?.length ?? null,
      );
      expect(ours).toEqual(nx.lengths);
    } finally {
      await store.close();
    }
  });
});
