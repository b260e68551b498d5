/**
 * Placement without a physics engine, a radial tree: the parties one step out sit on a ring around
 * the party expanded; each farther party sits on a fan around the nearer one it hangs from, turned
 * away from the centre. Linear in the nodes placed, stable (nothing already placed moves), so
 * thousands of nodes appear at once.
 */
import type { AbstractGraph as Graph } from 'graphology-types';

interface Newcomer {
  id: string;
  distance?: number;
}

function position(graph: Graph, id: string): [number, number] {
  return [(graph.getNodeAttribute(id, 'x') as number) ?? 0, (graph.getNodeAttribute(id, 'y') as number) ?? 0];
}

/** Children on an arc around their parent: a full ring for the centre, a fan facing outwards otherwise. */
function placeChildren(
  graph: Graph,
  parent: string,
  children: string[],
  outward: number | null,
  depth: number,
): void {
  const [px, py] = position(graph, parent);
  const n = children.length;
  const radius = (outward === null ? 70 : 45 / depth) + Math.sqrt(n) * (outward === null ? 16 : 9);
  const fan = outward === null ? 2 * Math.PI : Math.min(Math.PI, 0.5 + n * 0.25);
  children.forEach((id, i) => {
    const angle = outward === null ? (i / n) * fan : outward + ((i + 0.5) / n - 0.5) * fan;
    graph.mergeNodeAttributes(id, { x: px + radius * Math.cos(angle), y: py + radius * Math.sin(angle) });
  });
}

export function placeAround(graph: Graph, centre: string, newcomers: Newcomer[]): void {
  const [cx, cy] = position(graph, centre);
  const fresh = new Set(newcomers.map((n) => n.id));
  const placed = new Set<string>();
  graph.forEachNode((id) => {
    if (!fresh.has(id)) placed.add(id);
  });
  // The first party sits at the origin and gets a full ring; a party expanded later fans outwards.
  const away = cx === 0 && cy === 0 ? null : Math.atan2(cy, cx);
  const byDistance = new Map<number, string[]>();
  for (const n of newcomers) {
    const d = Math.max(1, n.distance ?? 1);
    byDistance.set(d, [...(byDistance.get(d) ?? []), n.id]);
  }
  for (const d of [...byDistance.keys()].sort((a, b) => a - b)) {
    // Each party hangs from a neighbour already placed (the centre for the first ring).
    const children = new Map<string, string[]>();
    for (const id of byDistance.get(d)!) {
      let parent = centre;
      if (d > 1)
        graph.forEachNeighbor(id, (v) => {
          if (parent === centre && v !== centre && placed.has(v)) parent = v;
        });
      children.set(parent, [...(children.get(parent) ?? []), id]);
    }
    for (const [parent, ids] of children) {
      const [px, py] = position(graph, parent);
      const outward = parent === centre ? away : Math.atan2(py - cy, px - cx);
      placeChildren(graph, parent, ids, outward, d);
    }
    for (const id of byDistance.get(d)!) placed.add(id);
  }
}

/**
 * Parties a path brought in: each one step further along the path from the party before it,
 * heading away from the origin in a zig-zag, so a path reads as a line outwards. `fresh` are those to place.
 */
export function placeAlong(graph: Graph, path: string[], fresh: Set<string>, bend = 0): void {
  for (let i = 1; i < path.length; i++) {
    const id = path[i];
    if (!fresh.has(id)) continue;
    const [px, py] = position(graph, path[i - 1]);
    // Zig-zag, so that a long path keeps its labels apart.
    const heading = (px === 0 && py === 0 ? 0 : Math.atan2(py, px)) + bend + (i % 2 ? 0.8 : -0.8);
    graph.mergeNodeAttributes(id, { x: px + 90 * Math.cos(heading), y: py + 90 * Math.sin(heading) });
    fresh.delete(id);
  }
}
