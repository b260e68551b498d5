/** Scenario mode: take nodes out and see which of the others lose their connection to the anchor. */
import type { AbstractGraph as Graph } from 'graphology-types';

/** Nodes reachable from `from` without passing through any of `removed` (breadth-first). */
export function reachable(graph: Graph, from: string, removed: Set<string>): Set<string> {
  const seen = new Set<string>();
  if (!graph.hasNode(from) || removed.has(from)) return seen;
  const queue = [from];
  seen.add(from);
  while (queue.length) {
    const u = queue.shift()!;
    graph.forEachNeighbor(u, (v) => {
      if (!seen.has(v) && !removed.has(v)) {
        seen.add(v);
        queue.push(v);
      }
    });
  }
  return seen;
}

/** What removing `removed` cuts off from `anchor`: the nodes no longer reachable (the removed ones aside). */
export function disconnectedBy(graph: Graph, anchor: string, removed: Set<string>): string[] {
  const before = reachable(graph, anchor, new Set());
  const after = reachable(graph, anchor, removed);
  return [...before].filter((n) => !after.has(n) && !removed.has(n));
}
