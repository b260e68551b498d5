/**
 * Breadth-first search from one or more seeds, up to a number of hops, over the neighbour table
 * (fast path) or over the incidence table when edges are filtered or nodes left out. The result
 * lists visited nodes in BFS order with their distance and the node they were reached from.
 */
import type { EdgeTest } from './filter.js';
import type { Network, Scratch } from './network.js';

export interface BfsOptions {
  maxHops: number;
  /** Stop once this many nodes are visited (seeds included). */
  maxNodes?: number;
  edgeOk?: EdgeTest;
  /** Nodes that may be reached but not passed through. */
  nodeOk?: (v: number) => boolean;
  /** Nodes taken out of the network (1 = never visited). */
  blocked?: Uint8Array;
}

export interface BfsResult {
  order: number[];
  /** Distance and parent of each visited node, by position in `order`. */
  dist: number[];
  parent: number[];
  truncated: boolean;
}

/** BFS inside a borrowed scratch: scratch.dist/parent are valid for nodes whose mark is `stamp`. */
export function bfs(net: Network, seeds: number[], o: BfsOptions, s: Scratch): BfsResult & { stamp: number } {
  const stamp = s.next();
  const { mark, dist, parent, queue } = s;
  const maxNodes = o.maxNodes ?? Number.MAX_SAFE_INTEGER;
  let head = 0;
  let tail = 0;
  let truncated = false;
  for (const seed of seeds) {
    if (mark[seed] === stamp) continue;
    mark[seed] = stamp;
    dist[seed] = 0;
    parent[seed] = -1;
    queue[tail++] = seed;
  }
  const { adjOffsets, adj, incOffsets, incEdges } = net;
  const blocked = o.blocked;
  const filtered = o.edgeOk !== undefined || o.nodeOk !== undefined || blocked !== undefined;
  outer: while (head < tail) {
    const u = queue[head++];
    const du = dist[u];
    if (du >= o.maxHops) continue;
    if (o.nodeOk && du > 0 && !o.nodeOk(u)) continue;
    if (!filtered) {
      for (let k = adjOffsets[u], end = adjOffsets[u + 1]; k < end; k++) {
        const v = adj[k];
        if (mark[v] === stamp) continue;
        if (tail >= maxNodes) {
          truncated = true;
          break outer;
        }
        mark[v] = stamp;
        dist[v] = du + 1;
        parent[v] = u;
        queue[tail++] = v;
      }
    } else {
      for (let k = incOffsets[u], end = incOffsets[u + 1]; k < end; k++) {
        const e = incEdges[k];
        if (o.edgeOk && !o.edgeOk(e)) continue;
        const v = net.other(e, u);
        if (mark[v] === stamp || (blocked && blocked[v])) continue;
        if (tail >= maxNodes) {
          truncated = true;
          break outer;
        }
        mark[v] = stamp;
        dist[v] = du + 1;
        parent[v] = u;
        queue[tail++] = v;
      }
    }
  }
  const order = Array.from(queue.subarray(0, tail));
  return {
    order,
    dist: order.map((v) => dist[v]),
    parent: order.map((v) => parent[v]),
    truncated,
    stamp,
  };
}

/** Node path from a seed to v, following BFS parents (valid while the scratch is held). */
export function pathTo(s: Scratch, v: number): number[] {
  const path: number[] = [];
  for (let x = v; x !== -1; x = s.parent[x]) path.push(x);
  return path.reverse();
}
