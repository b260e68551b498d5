/**
 * Paths between two parties: the k shortest (fewest hops, Yen's algorithm over a bidirectional
 * BFS) and the strongest (smallest Σ −ln(strength), Dijkstra from both ends; ties go to fewer hops). Each step
 * carries the evidence of every edge between its two ends: a list record or a document sentence.
 */
import { UsageError } from '../errors.js';
import { edgeJson, MAX_EVIDENCE, nodeJson, round, type NodeJson } from './json.js';
import { LIMITS } from './limits.js';
import { HOSTILE_TYPES, type Evidence, type Network } from './network.js';

export interface PathStep {
  source: string;
  target: string;
  /** Type of the strongest edge between the two; `types` lists all. */
  type: string;
  types: string[];
  /** The domain of the tie the step is named after (economic, energy, military…). */
  domain: string;
  /** 'forward' when the edge runs source → target, 'backward' when against, 'undirected'. */
  direction: 'forward' | 'backward' | 'undirected';
  strength: number;
  evidence: Evidence[];
}

export interface PathJson {
  length: number;
  weight: number;
  /** True for the strongest evidence-weighted path among those returned. */
  strongest: boolean;
  kind: 'shortest' | 'strongest';
  nodes: string[];
  captions: string[];
  steps: PathStep[];
}

export interface PathResult {
  source: NodeJson;
  target: NodeJson;
  paths: PathJson[];
  message?: string;
}

export interface PathOptions {
  k?: number;
  maxHops?: number;
}

/** Blocked nodes and adjacent pairs, for Yen's spur searches. */
interface Blocks {
  nodes?: Uint8Array;
  pairs?: Set<number>;
}

/**
 * Fewest-hop path from a to b within maxHops, or undefined: BFS from both ends, always growing the
 * smaller frontier, finishing the level where they meet so the join is a shortest one.
 */
export function shortestPath(
  net: Network,
  a: number,
  b: number,
  maxHops: number,
  blocks: Blocks = {},
): number[] | undefined {
  if (a === b) return [a];
  const n = net.nodeCount;
  const fs = net.borrow();
  const bs = net.borrow();
  try {
    const fStamp = fs.next();
    const bStamp = bs.next();
    fs.mark[a] = fStamp;
    fs.dist[a] = 0;
    fs.parent[a] = -1;
    bs.mark[b] = bStamp;
    bs.dist[b] = 0;
    bs.parent[b] = -1;
    let fFrontier = [a];
    let bFrontier = [b];
    let fDepth = 0;
    let bDepth = 0;
    const { adjOffsets, adj } = net;
    const blockedNodes = blocks.nodes;
    const pairs = blocks.pairs;
    while (fFrontier.length && bFrontier.length && fDepth + bDepth < maxHops) {
      const forward = fFrontier.length <= bFrontier.length;
      const [me, them, myStamp, theirStamp] = forward ? [fs, bs, fStamp, bStamp] : [bs, fs, bStamp, fStamp];
      const frontier = forward ? fFrontier : bFrontier;
      const next: number[] = [];
      let best = Infinity;
      let meetU = -1;
      let meetV = -1;
      for (const u of frontier) {
        for (let k = adjOffsets[u], end = adjOffsets[u + 1]; k < end; k++) {
          const v = adj[k];
          if (blockedNodes && blockedNodes[v]) continue;
          if (pairs && (pairs.has(u * n + v) || pairs.has(v * n + u))) continue;
          if (them.mark[v] === theirStamp) {
            const total = me.dist[u] + 1 + them.dist[v];
            if (total < best) {
              best = total;
              meetU = u;
              meetV = v;
            }
            continue;
          }
          if (me.mark[v] === myStamp) continue;
          me.mark[v] = myStamp;
          me.dist[v] = me.dist[u] + 1;
          me.parent[v] = u;
          next.push(v);
        }
      }
      if (meetU >= 0) {
        if (best > maxHops) return undefined;
        const mine: number[] = [];
        for (let x = meetU; x !== -1; x = me.parent[x]) mine.push(x);
        const theirs: number[] = [];
        for (let x = meetV; x !== -1; x = them.parent[x]) theirs.push(x);
        // mine runs meet → my seed, theirs meet → their seed.
        return forward ? [...mine.reverse(), ...theirs] : [...theirs.reverse(), ...mine];
      }
      if (forward) {
        fFrontier = next;
        fDepth++;
      } else {
        bFrontier = next;
        bDepth++;
      }
    }
    return undefined;
  } finally {
    net.release(fs);
    net.release(bs);
  }
}

/** Yen's k shortest loopless paths by hop count, each within maxHops. */
export function kShortestPaths(net: Network, a: number, b: number, k: number, maxHops: number): number[][] {
  const first = shortestPath(net, a, b, maxHops);
  if (!first) return [];
  const found: number[][] = [first];
  const candidates: number[][] = [];
  const seen = new Set<string>([first.join(',')]);
  const n = net.nodeCount;
  const blockedNodes = new Uint8Array(n);
  while (found.length < k) {
    const last = found[found.length - 1];
    for (let i = 0; i < last.length - 1; i++) {
      const spur = last[i];
      const root = last.slice(0, i + 1);
      const pairs = new Set<number>();
      for (const p of found) {
        if (p.length > i + 1 && root.every((x, j) => p[j] === x)) pairs.add(p[i] * n + p[i + 1]);
      }
      for (let j = 0; j < i; j++) blockedNodes[root[j]] = 1;
      const spurPath = shortestPath(net, spur, b, maxHops - i, { nodes: blockedNodes, pairs });
      for (let j = 0; j < i; j++) blockedNodes[root[j]] = 0;
      if (!spurPath) continue;
      const path = [...root.slice(0, -1), ...spurPath];
      const key = path.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(path);
    }
    if (!candidates.length) break;
    candidates.sort((x, y) => x.length - y.length);
    found.push(candidates.shift()!);
  }
  return found;
}

/** Binary heap keyed by (weight, hops). */
class Heap {
  private nodes: number[] = [];
  private weights: number[] = [];
  private hops: number[] = [];
  get size(): number {
    return this.nodes.length;
  }
  private less(i: number, j: number): boolean {
    return (
      this.weights[i] < this.weights[j] ||
      (this.weights[i] === this.weights[j] && this.hops[i] < this.hops[j])
    );
  }
  private swap(i: number, j: number): void {
    [this.nodes[i], this.nodes[j]] = [this.nodes[j], this.nodes[i]];
    [this.weights[i], this.weights[j]] = [this.weights[j], this.weights[i]];
    [this.hops[i], this.hops[j]] = [this.hops[j], this.hops[i]];
  }
  push(node: number, weight: number, hops: number): void {
    this.nodes.push(node);
    this.weights.push(weight);
    this.hops.push(hops);
    let i = this.nodes.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  peek(): [number, number, number] {
    return [this.nodes[0], this.weights[0], this.hops[0]];
  }
  pop(): [number, number, number] {
    const top: [number, number, number] = [this.nodes[0], this.weights[0], this.hops[0]];
    const last = this.nodes.length - 1;
    this.swap(0, last);
    this.nodes.pop();
    this.weights.pop();
    this.hops.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.nodes.length && this.less(l, m)) m = l;
      if (r < this.nodes.length && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
}

/**
 * Strongest path: smallest Σ −ln(strength), fewer hops on ties. Dijkstra from both ends at once
 * (the side whose next label is lighter goes first), stopping once the two next labels together
 * weigh at least the best meeting found: on a large graph each side then stays within about half
 * the path's weight of its party instead of one search covering the whole ball. Nodes beyond
 * maxHops from their own end are not expanded and a meeting longer than maxHops does not count;
 * labels heavier than `bound` (the weight of a path already known) are dropped.
 */
export function strongestPath(
  net: Network,
  a: number,
  b: number,
  maxHops: number,
  bound = Infinity,
): number[] | undefined {
  return net.withScratch((fwd) =>
    net.withScratch((bwd) => {
      const sides = [
        { s: fwd, stamp: fwd.next(), heap: new Heap() },
        { s: bwd, stamp: bwd.next(), heap: new Heap() },
      ];
      for (const [side, start] of [
        [sides[0], a],
        [sides[1], b],
      ] as const) {
        side.s.mark[start] = side.stamp;
        side.s.parent[start] = -1;
        side.s.dist[start] = 0;
        side.s.weight[start] = 0;
        side.heap.push(start, 0, 0);
      }
      // Path weights are reported rounded to 6 decimals: allow for that.
      const limit = bound + 1e-6;
      let bestW = Infinity;
      let bestH = Infinity;
      let meetU = -1;
      let meetV = -1;
      let meetFromA = true;
      let visited = 0;
      while (sides[0].heap.size && sides[1].heap.size) {
        const [tf, tb] = [sides[0].heap.peek(), sides[1].heap.peek()];
        const w = tf[1] + tb[1];
        const h = tf[2] + tb[2];
        if (w > bestW || (w === bestW && h >= bestH)) break;
        const forward = tf[1] < tb[1] || (tf[1] === tb[1] && tf[2] <= tb[2]);
        const me = sides[forward ? 0 : 1];
        const other = sides[forward ? 1 : 0];
        const { mark, settled, weight, dist, parent } = me.s;
        const [u, wu, hu] = me.heap.pop();
        if (settled[u] === me.stamp) continue;
        settled[u] = me.stamp;
        if (hu >= maxHops || ++visited > LIMITS.visit) continue;
        for (let k = net.adjOffsets[u]; k < net.adjOffsets[u + 1]; k++) {
          const v = net.adj[k];
          const nw = wu + net.adjWeight[k];
          if (nw > limit) continue;
          if (other.s.mark[v] === other.stamp) {
            // A meeting: this side's label of u, the link, the other side's label of v.
            const mw = nw + other.s.weight[v];
            const mh = hu + 1 + other.s.dist[v];
            if (mh <= maxHops && (mw < bestW || (mw === bestW && mh < bestH))) {
              bestW = mw;
              bestH = mh;
              [meetU, meetV, meetFromA] = [u, v, forward];
            }
          }
          if (settled[v] === me.stamp) continue;
          const known = mark[v] === me.stamp;
          if (!known || nw < weight[v] || (nw === weight[v] && hu + 1 < dist[v])) {
            mark[v] = me.stamp;
            weight[v] = nw;
            dist[v] = hu + 1;
            parent[v] = u;
            me.heap.push(v, nw, hu + 1);
          }
        }
      }
      if (meetU === -1 || bestW > limit) return undefined;
      // From a to the meeting link, then on to b.
      const [nearA, nearB] = meetFromA ? [meetU, meetV] : [meetV, meetU];
      const path: number[] = [];
      for (let x = nearA; x !== -1; x = fwd.parent[x]) path.push(x);
      path.reverse();
      for (let x = nearB; x !== -1; x = bwd.parent[x]) path.push(x);
      return path;
    }),
  );
}

function describeStep(net: Network, u: number, v: number): PathStep & { w: number } {
  const edges = net.edgesBetween(u, v);
  // The step is named after its strongest tie; a hostile act between the two is evidence, never the tie.
  const ties = edges.filter((e) => !HOSTILE_TYPES.has(net.types[net.edgeType[e]]));
  const candidates = ties.length ? ties : edges;
  let best = candidates[0];
  for (const e of candidates) if (net.edgeStrength[e] > net.edgeStrength[best]) best = e;
  const directed = net.edgeDirected[best] === 1;
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    for (const ev of edgeJson(net, e).evidence) {
      const key = JSON.stringify(ev);
      if (seen.has(key) || evidence.length >= MAX_EVIDENCE) continue;
      seen.add(key);
      evidence.push(ev);
    }
  }
  return {
    source: net.nodes[u].id,
    target: net.nodes[v].id,
    type: net.types[net.edgeType[best]],
    types: [...new Set(edges.map((e) => net.types[net.edgeType[e]]))],
    domain: net.domains[net.edgeDomain[best]],
    direction: !directed ? 'undirected' : net.edgeSource[best] === u ? 'forward' : 'backward',
    strength: round(net.edgeStrength[best]),
    evidence,
    w: -Math.log(net.edgeStrength[best]),
  };
}

function pathJson(net: Network, path: number[], kind: PathJson['kind']): PathJson {
  const steps: PathStep[] = [];
  let weight = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    const { w, ...step } = describeStep(net, path[i], path[i + 1]);
    weight += w;
    steps.push(step);
  }
  return {
    length: steps.length,
    weight: round(weight),
    strongest: false,
    kind,
    nodes: path.map((x) => net.nodes[x].id),
    captions: path.map((x) => net.nodes[x].caption),
    steps,
  };
}

export function findPaths(net: Network, a: number, b: number, o: PathOptions = {}): PathResult {
  const k = o.k ?? 3;
  const maxHops = o.maxHops ?? 6;
  if (k < 1 || k > LIMITS.k) throw new UsageError(`k must be 1–${LIMITS.k}`);
  if (maxHops < 1 || maxHops > LIMITS.pathHops) throw new UsageError(`max hops must be 1–${LIMITS.pathHops}`);
  const source = nodeJson(net, a);
  const target = nodeJson(net, b);
  if (a === b) throw new UsageError('source and target are the same party');
  const shortest = kShortestPaths(net, a, b, k, maxHops).map((p) => pathJson(net, p, 'shortest'));
  if (!shortest.length) {
    return {
      source,
      target,
      paths: [],
      message: `no path between ${source.caption} and ${target.caption} within ${maxHops} hops`,
    };
  }
  const paths = shortest;
  const bound = Math.min(...shortest.map((p) => p.weight));
  const strong = strongestPath(net, a, b, maxHops, bound);
  if (strong) {
    const ids = strong.map((x) => net.nodes[x].id).join(',');
    if (!paths.some((p) => p.nodes.join(',') === ids)) paths.push(pathJson(net, strong, 'strongest'));
  }
  let best = paths[0];
  for (const p of paths)
    if (p.weight < best.weight || (p.weight === best.weight && p.length < best.length)) best = p;
  best.strongest = true;
  return { source, target, paths };
}
