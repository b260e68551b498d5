/**
 * The neighbourhood of a party: every party within K hops (optionally only through some domains,
 * schemata or dates) and the edges among them, with their evidence. Large neighbourhoods stop at
 * a node limit and say so (`truncated`).
 */
import { UsageError } from '../errors.js';
import { edgeFilter, type EdgeFilterOptions } from './filter.js';
import { edgeJson, nodeJson, type EdgeJson, type NodeJson } from './json.js';
import { LIMITS } from './limits.js';
import type { Network } from './network.js';
import { bfs } from './traverse.js';

export interface NeighboursOptions extends EdgeFilterOptions {
  hops?: number;
  schemas?: string[];
  /** Maximum nodes returned (the centre included). */
  limit?: number;
}

export interface NeighboursResult {
  center: NodeJson;
  hops: number;
  nodes: Array<NodeJson & { distance: number }>;
  edges: EdgeJson[];
  truncated: boolean;
}

export function neighbours(net: Network, center: number, o: NeighboursOptions = {}): NeighboursResult {
  const hops = o.hops ?? 1;
  if (hops < 1 || hops > LIMITS.hops) throw new UsageError(`hops must be 1–${LIMITS.hops}`);
  const limit = Math.min(o.limit ?? 500, LIMITS.nodes);
  const edgeOk = edgeFilter(net, o);
  const schemas = o.schemas?.length ? new Set(o.schemas) : undefined;
  const nodeOk = schemas ? (v: number) => schemas.has(net.nodes[v].schema) : undefined;
  return net.withScratch((s) => {
    // Visit more than we return when a schema filter drops some of the nodes reached.
    const r = bfs(
      net,
      [center],
      { maxHops: hops, edgeOk, nodeOk, maxNodes: schemas ? LIMITS.visit : limit },
      s,
    );
    const nodes: Array<NodeJson & { distance: number }> = [];
    const kept = new Set<number>();
    let truncated = r.truncated;
    for (let k = 0; k < r.order.length; k++) {
      const v = r.order[k];
      if (schemas && k > 0 && !schemas.has(net.nodes[v].schema)) continue;
      if (nodes.length >= limit) {
        truncated = true;
        break;
      }
      kept.add(v);
      nodes.push({ ...nodeJson(net, v), distance: r.dist[k] });
    }
    const edges: EdgeJson[] = [];
    for (const u of kept) {
      for (let k = net.incOffsets[u]; k < net.incOffsets[u + 1]; k++) {
        const e = net.incEdges[k];
        const v = net.other(e, u);
        // Each edge once: from its lower-numbered end.
        if (v < u || !kept.has(v) || (edgeOk && !edgeOk(e))) continue;
        if (edges.length >= LIMITS.edges) {
          truncated = true;
          break;
        }
        edges.push(edgeJson(net, e));
      }
    }
    return { center: nodeJson(net, center), hops, nodes, edges, truncated };
  });
}
