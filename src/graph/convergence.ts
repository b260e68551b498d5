/**
 * Convergence of threats: which categories (terrorism, narcotics, sanctions evasion, proliferation
 * and arms, corruption, energy, military) a selection of parties carries, where they meet in one
 * party, and which links join parties of different categories. The `intersections` are the data
 * of an UpSet chart (exact category combinations), `pairs` those of a Venn diagram (overlaps).
 */
import { UsageError } from '../errors.js';
import { CATEGORIES, categoriesOf, type Category } from './categories.js';
import { communityMembers, partition } from './communities.js';
import { nodeJson, type NodeJson } from './json.js';
import { LIMITS } from './limits.js';
import type { Network } from './network.js';
import { bfs } from './traverse.js';

export interface ConvergenceOptions {
  /** Parties to look at, with their neighbourhood of `hops` (default 1). */
  ids?: number[];
  hops?: number;
  /** Or one Louvain community (see `communities`). */
  community?: number;
  limit?: number;
}

export interface ConvergenceResult {
  selection: { size: number; with_categories: number; ids?: string[]; community?: number; hops?: number };
  /** The given parties and their own categories. */
  entities: Array<NodeJson>;
  categories: Array<{ category: Category; entities: number }>;
  intersections: Array<{ categories: Category[]; size: number; entities: string[] }>;
  pairs: Array<{ a: Category; b: Category; size: number }>;
  /** Parties that carry two categories or more, most first. */
  meeting_points: Array<NodeJson & { degree: number }>;
  /** Links between parties whose categories differ: where one threat reaches another. */
  bridges: Array<{
    source: string;
    target: string;
    source_categories: Category[];
    target_categories: Category[];
  }>;
}

export function convergence(net: Network, o: ConvergenceOptions): ConvergenceResult {
  const limit = Math.min(o.limit ?? 50, LIMITS.results);
  let nodes: number[];
  const selection: ConvergenceResult['selection'] = { size: 0, with_categories: 0 };
  if (o.ids?.length) {
    const hops = o.hops ?? 1;
    if (hops < 0 || hops > 3) throw new UsageError('hops must be 0–3 for convergence');
    nodes =
      hops === 0
        ? [...new Set(o.ids)]
        : net.withScratch((s) => bfs(net, o.ids!, { maxHops: hops, maxNodes: LIMITS.visit }, s).order);
    selection.ids = o.ids.map((i) => net.nodes[i].id);
    selection.hops = hops;
  } else if (o.community !== undefined) {
    if (o.community < 0 || o.community >= partition(net).count)
      throw new UsageError(`no community ${o.community}`);
    nodes = communityMembers(net, o.community);
    selection.community = o.community;
  } else {
    nodes = Array.from({ length: net.nodeCount }, (_, i) => i);
  }
  selection.size = nodes.length;
  const inSelection = new Set(nodes);
  const byCategory = new Array<number>(CATEGORIES.length).fill(0);
  const combos = new Map<number, number[]>();
  const pairCounts = new Map<string, number>();
  const meeting: number[] = [];
  for (const u of nodes) {
    const mask = net.categories[u];
    if (!mask) continue;
    selection.with_categories++;
    for (let i = 0; i < CATEGORIES.length; i++) if (mask & (1 << i)) byCategory[i]++;
    const list = combos.get(mask);
    if (list) list.push(u);
    else combos.set(mask, [u]);
    const cats = categoriesOf(mask);
    if (cats.length >= 2) meeting.push(u);
    for (let i = 0; i < cats.length; i++) {
      for (let j = i + 1; j < cats.length; j++) {
        const key = `${cats[i]}|${cats[j]}`;
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      }
    }
  }
  const bridges: ConvergenceResult['bridges'] = [];
  for (const u of nodes) {
    const mu = net.categories[u];
    if (!mu || bridges.length >= limit) continue;
    for (let k = net.adjOffsets[u]; k < net.adjOffsets[u + 1] && bridges.length < limit; k++) {
      const v = net.adj[k];
      const mv = net.categories[v];
      // Each link once; both ends categorised, differently.
      if (v < u || !inSelection.has(v) || !mv || mu === mv) continue;
      bridges.push({
        source: net.nodes[u].id,
        target: net.nodes[v].id,
        source_categories: categoriesOf(mu),
        target_categories: categoriesOf(mv),
      });
    }
  }
  meeting.sort(
    (a, b) => popcount(net.categories[b]) - popcount(net.categories[a]) || net.degree(b) - net.degree(a),
  );
  return {
    selection,
    entities: (o.ids ?? []).map((i) => nodeJson(net, i)),
    categories: CATEGORIES.map((category, i) => ({ category, entities: byCategory[i] })).filter(
      (c) => c.entities,
    ),
    intersections: [...combos.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([mask, us]) => ({
        categories: categoriesOf(mask),
        size: us.length,
        entities: us.slice(0, limit).map((u) => net.nodes[u].id),
      })),
    pairs: [...pairCounts.entries()]
      .map(([key, size]) => {
        const [a, b] = key.split('|') as [Category, Category];
        return { a, b, size };
      })
      .sort((x, y) => y.size - x.size),
    meeting_points: meeting.slice(0, limit).map((u) => ({ ...nodeJson(net, u), degree: net.degree(u) })),
    bridges,
  };
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}
