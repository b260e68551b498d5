/**
 * Exposure: how close a party — or a screened name — is to sanctioned parties. The nearest
 * sanctioned parties within K hops, each with its programmes, distance and the path to it.
 * A screened name starts from every list entry the name matches (those entries are at distance 0).
 */
import { UsageError } from '../errors.js';
import { nodeJson, type NodeJson } from './json.js';
import { LIMITS } from './limits.js';
import type { Network } from './network.js';
import { bfs, pathTo } from './traverse.js';

export interface Exposure {
  entity_id: string;
  caption: string;
  schema: string;
  programmes: string[];
  distance: number;
  /** Node ids from the queried party to this one, both included. */
  path: string[];
  path_captions: string[];
}

export interface ScreenedMatch {
  entity_id: string;
  caption: string;
  score: number;
}

export interface ExposureResult {
  entity: (NodeJson & { query: string }) | { query: string; screened: true; matches: ScreenedMatch[] };
  hops: number;
  exposures: Exposure[];
  /** Sanctioned parties found in all (the list is cut at `limit`). */
  total: number;
  truncated: boolean;
}

export interface ExposureOptions {
  hops?: number;
  limit?: number;
}

/** Exposure of a party in the network (itself excluded: its own listing is in `entity`). */
export function exposure(net: Network, node: number, query: string, o: ExposureOptions = {}): ExposureResult {
  const r = exposureFrom(net, [node], o, false);
  return { entity: { ...nodeJson(net, node), query }, ...r };
}

/** Exposure of a name screened against the lists: starts from every matching entry in the network. */
export function screenedExposure(
  net: Network,
  query: string,
  matches: ScreenedMatch[],
  o: ExposureOptions = {},
): ExposureResult {
  const seeds = matches.map((m) => net.index.get(m.entity_id)).filter((i): i is number => i !== undefined);
  const r = exposureFrom(net, seeds, o, true);
  return { entity: { query, screened: true, matches }, ...r };
}

function exposureFrom(
  net: Network,
  seeds: number[],
  o: ExposureOptions,
  includeSeeds: boolean,
): Omit<ExposureResult, 'entity'> {
  const hops = o.hops ?? 3;
  if (hops < 1 || hops > LIMITS.hops) throw new UsageError(`hops must be 1–${LIMITS.hops}`);
  const limit = Math.min(o.limit ?? 100, LIMITS.results);
  return net.withScratch((s) => {
    const r = bfs(net, seeds, { maxHops: hops, maxNodes: LIMITS.visit }, s);
    const exposures: Exposure[] = [];
    let total = 0;
    for (let k = 0; k < r.order.length; k++) {
      const v = r.order[k];
      if (!net.sanctioned[v] || (r.dist[k] === 0 && !includeSeeds)) continue;
      total++;
      // BFS order is distance order: the first `limit` are the nearest.
      if (exposures.length >= limit) continue;
      const path = pathTo(s, v);
      const info = net.nodes[v];
      exposures.push({
        entity_id: info.id,
        caption: info.caption,
        schema: info.schema,
        programmes: info.programmes,
        distance: r.dist[k],
        path: path.map((x) => net.nodes[x].id),
        path_captions: path.map((x) => net.nodes[x].caption),
      });
    }
    return { hops, exposures, total, truncated: r.truncated || total > exposures.length };
  });
}
