/**
 * Disruption scenarios: take parties (and optionally whole domains of links) out of the network
 * and compare two groups before and after — which connections between them survive and at what
 * distance, which threat categories each group can no longer reach, and which parties carry the
 * shortest paths between the groups afterwards (the brokers that take over).
 */
import { UsageError } from '../errors.js';
import { categoriesOf, type Category } from './categories.js';
import { edgeFilter, type EdgeTest } from './filter.js';
import { round } from './json.js';
import { LIMITS } from './limits.js';
import type { Network } from './network.js';
import { bfs } from './traverse.js';

export interface ScenarioOptions {
  remove: number[];
  removeDomains?: string[];
  groupA: number[];
  groupB: number[];
  maxHops?: number;
  top?: number;
}

interface GroupBroker {
  entity_id: string;
  caption: string;
  score: number;
}

export interface ScenarioResult {
  removed: Array<{ entity_id: string; caption: string }>;
  removed_domains: string[];
  max_hops: number;
  connections: Array<{
    source: string;
    target: string;
    before: number | null;
    after: number | null;
    survives: boolean;
  }>;
  survived: number;
  lost: number;
  categories: {
    a: { before: Category[]; after: Category[]; lost: Category[] };
    b: { before: Category[]; after: Category[]; lost: Category[] };
  };
  brokers_before: GroupBroker[];
  brokers_after: GroupBroker[];
  /** Brokers after the removal that were not among the top ones before. */
  take_over: GroupBroker[];
}

interface World {
  blocked?: Uint8Array;
  edgeOk?: EdgeTest;
}

export function scenario(net: Network, o: ScenarioOptions): ScenarioResult {
  const maxHops = o.maxHops ?? 6;
  const top = o.top ?? 10;
  if (maxHops < 1 || maxHops > LIMITS.pathHops) throw new UsageError(`max hops must be 1–${LIMITS.pathHops}`);
  if (!o.groupA.length || !o.groupB.length) throw new UsageError('both groups need at least one party');
  if (o.groupA.length > LIMITS.group || o.groupB.length > LIMITS.group)
    throw new UsageError(`a group may have at most ${LIMITS.group} parties`);
  if (o.remove.length > LIMITS.group) throw new UsageError(`at most ${LIMITS.group} parties may be removed`);
  if (!o.remove.length && !o.removeDomains?.length)
    throw new UsageError('nothing to remove: give parties or a domain');
  const blocked = new Uint8Array(net.nodeCount);
  for (const r of o.remove) blocked[r] = 1;
  const after: World = { blocked, edgeOk: edgeFilter(net, { excludeDomains: o.removeDomains }) };
  const before: World = {};

  const connections: ScenarioResult['connections'] = [];
  const distances = (world: World, a: number): Map<number, number> =>
    net.withScratch((s) => {
      if (world.blocked?.[a]) return new Map();
      const r = bfs(
        net,
        [a],
        { maxHops, blocked: world.blocked, edgeOk: world.edgeOk, maxNodes: LIMITS.visit },
        s,
      );
      return new Map(r.order.map((v, k) => [v, r.dist[k]]));
    });
  for (const a of o.groupA) {
    const d0 = distances(before, a);
    const d1 = distances(after, a);
    for (const b of o.groupB) {
      if (a === b) continue;
      const x = d0.get(b) ?? null;
      const y = d1.get(b) ?? null;
      if (x === null && y === null) continue;
      connections.push({
        source: net.nodes[a].id,
        target: net.nodes[b].id,
        before: x,
        after: y,
        survives: y !== null,
      });
    }
  }
  const reach = (world: World, group: number[]): number => {
    const seeds = group.filter((g) => !world.blocked?.[g]);
    if (!seeds.length) return 0;
    return net.withScratch((s) => {
      const r = bfs(
        net,
        seeds,
        { maxHops, blocked: world.blocked, edgeOk: world.edgeOk, maxNodes: LIMITS.visit },
        s,
      );
      let mask = 0;
      for (const v of r.order) mask |= net.categories[v];
      return mask;
    });
  };
  const cats = (group: number[]) => {
    const m0 = reach(before, group);
    const m1 = reach(after, group);
    return { before: categoriesOf(m0), after: categoriesOf(m1), lost: categoriesOf(m0 & ~m1) };
  };
  const b0 = groupBrokers(net, o.groupA, o.groupB, maxHops, before, top);
  const b1 = groupBrokers(net, o.groupA, o.groupB, maxHops, after, top);
  const earlier = new Set(b0.map((b) => b.entity_id));
  return {
    removed: o.remove.map((r) => ({ entity_id: net.nodes[r].id, caption: net.nodes[r].caption })),
    removed_domains: o.removeDomains ?? [],
    max_hops: maxHops,
    connections,
    survived: connections.filter((c) => c.before !== null && c.survives).length,
    lost: connections.filter((c) => c.before !== null && !c.survives).length,
    categories: { a: cats(o.groupA), b: cats(o.groupB) },
    brokers_before: b0,
    brokers_after: b1,
    take_over: b1.filter((b) => !earlier.has(b.entity_id)),
  };
}

/**
 * Group betweenness: for each party, the share of shortest A→B paths (within maxHops) that pass
 * through it — Brandes' accumulation with only B's members as targets.
 */
function groupBrokers(
  net: Network,
  groupA: number[],
  groupB: number[],
  maxHops: number,
  world: World,
  top: number,
): GroupBroker[] {
  const n = net.nodeCount;
  const isTarget = new Uint8Array(n);
  for (const b of groupB) isTarget[b] = 1;
  const score = new Map<number, number>();
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const seenFrom = new Int32Array(n).fill(-1);
  const order: number[] = [];
  // Each call stamps the neighbours it has yielded, so parallel edges count once.
  let call = 0;
  const neighbours = (u: number, fn: (v: number) => void): void => {
    const stamp = ++call;
    for (let k = net.incOffsets[u]; k < net.incOffsets[u + 1]; k++) {
      const e = net.incEdges[k];
      if (world.edgeOk && !world.edgeOk(e)) continue;
      const v = net.other(e, u);
      if (world.blocked?.[v] || seenFrom[v] === stamp) continue;
      seenFrom[v] = stamp;
      fn(v);
    }
  };
  for (const s of groupA) {
    if (world.blocked?.[s]) continue;
    order.length = 0;
    order.push(s);
    dist[s] = 0;
    sigma[s] = 1;
    for (let head = 0; head < order.length; head++) {
      const u = order[head];
      if (dist[u] >= maxHops) continue;
      neighbours(u, (v) => {
        if (dist[v] === -1) {
          dist[v] = dist[u] + 1;
          order.push(v);
        }
        if (dist[v] === dist[u] + 1) sigma[v] += sigma[u];
      });
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const w = order[i];
      const coeff = ((w !== s && isTarget[w] ? 1 : 0) + delta[w]) / sigma[w];
      neighbours(w, (v) => {
        if (dist[v] === dist[w] - 1) delta[v] += sigma[v] * coeff;
      });
      if (w !== s && !isTarget[w] && delta[w] > 0) score.set(w, (score.get(w) ?? 0) + delta[w]);
    }
    for (const u of order) {
      dist[u] = -1;
      sigma[u] = 0;
      delta[u] = 0;
    }
  }
  const pairs = Math.max(1, groupA.length * groupB.length);
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([v, x]) => ({
      entity_id: net.nodes[v].id,
      caption: net.nodes[v].caption,
      score: round(x / pairs),
    }));
}
