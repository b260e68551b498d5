/**
 * Communities by Louvain (`louvain.ts`, seeded so a run can be repeated), each
 * summarised: size, its best-connected members, sanctioned members and threat categories.
 * Parties without links form no community.
 */
import { CATEGORIES, type Category } from './categories.js';
import { round } from './json.js';
import { louvain } from './louvain.js';
import type { Network } from './network.js';

export interface CommunitySummary {
  id: number;
  size: number;
  sanctioned: number;
  top_members: Array<{ entity_id: string; caption: string; degree: number }>;
  categories: Partial<Record<Category, number>>;
  programmes: Array<{ programme: string; count: number }>;
}

export interface CommunitiesResult {
  method: string;
  modularity: number;
  communities: CommunitySummary[];
  /** Communities found in all (the list is cut at `limit`). */
  total: number;
}

export interface Partition {
  /** Community number per node; -1 for parties without links. */
  community: Int32Array;
  count: number;
  modularity: number;
}

const partitions = new WeakMap<Network, Partition>();

/** Louvain over the linked parties, computed once per network. */
export function partition(net: Network, seed = 1): Partition {
  const cached = partitions.get(net);
  if (cached) return cached;
  const result = louvainPartition(net, seed);
  partitions.set(net, result);
  return result;
}

/** Louvain over the linked parties, computed afresh; communities numbered by size, largest first. */
export function louvainPartition(net: Network, seed = 1): Partition {
  const found = louvain(net.nodeCount, net.adjOffsets, net.adj, seed);
  const sizes = new Int32Array(found.count);
  for (const c of found.community) if (c >= 0) sizes[c]++;
  const bySize = Array.from({ length: found.count }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const renumber = new Int32Array(found.count);
  bySize.forEach((c, i) => (renumber[c] = i));
  const community = found.community.map((c) => (c >= 0 ? renumber[c] : -1));
  return { community, count: found.count, modularity: found.modularity };
}

export function communityMembers(net: Network, c: number): number[] {
  const { community } = partition(net);
  const out: number[] = [];
  for (let u = 0; u < net.nodeCount; u++) if (community[u] === c) out.push(u);
  return out;
}

export function communities(net: Network, o: { limit?: number; minSize?: number } = {}): CommunitiesResult {
  const p = partition(net);
  const limit = o.limit ?? 50;
  const minSize = o.minSize ?? 2;
  const members: number[][] = Array.from({ length: p.count }, () => []);
  for (let u = 0; u < net.nodeCount; u++) if (p.community[u] >= 0) members[p.community[u]].push(u);
  const kept = members.filter((m) => m.length >= minSize);
  const summaries = kept.slice(0, limit).map((m, i) => summarise(net, p.community[m[0]] ?? i, m));
  return {
    method: 'Louvain (seeded)',
    modularity: round(p.modularity),
    communities: summaries,
    total: kept.length,
  };
}

function summarise(net: Network, id: number, m: number[]): CommunitySummary {
  const categories: Partial<Record<Category, number>> = {};
  const programmes = new Map<string, number>();
  let sanctioned = 0;
  for (const u of m) {
    if (net.sanctioned[u]) sanctioned++;
    CATEGORIES.forEach((c, i) => {
      if (net.categories[u] & (1 << i)) categories[c] = (categories[c] ?? 0) + 1;
    });
    for (const p of net.nodes[u].programmes) programmes.set(p, (programmes.get(p) ?? 0) + 1);
  }
  const top = [...m].sort((a, b) => net.degree(b) - net.degree(a)).slice(0, 5);
  return {
    id,
    size: m.length,
    sanctioned,
    top_members: top.map((u) => ({
      entity_id: net.nodes[u].id,
      caption: net.nodes[u].caption,
      degree: net.degree(u),
    })),
    categories,
    programmes: [...programmes.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([programme, count]) => ({ programme, count })),
  };
}
