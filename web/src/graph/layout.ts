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

/**
 * Spread a small picture so that labels do not sit on each other: a few hundred steps of a
 * spring layout (links pull to a set length, every pair pushes apart) from the placed positions.
 * Labels run to the right of their node, so parties side by side push harder than parties one
 * above the other. Only `movable` parties move (all but the first when every party may move).
 * Quadratic in the parties: used up to `MAX_RELAXED` of them.
 */
export const MAX_RELAXED = 300;

export function relax(graph: Graph, movable: Set<string> | 'all', anchor: string, iterations = 300): void {
  const n = graph.order;
  if (n < 3 || n > MAX_RELAXED) return;
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const moves = new Uint8Array(n);
  ids.forEach((id, i) => {
    [x[i], y[i]] = position(graph, id);
    moves[i] = id !== anchor && (movable === 'all' || movable.has(id)) ? 1 : 0;
  });
  const links: Array<[number, number]> = [];
  graph.forEachEdge((_e, _a, s, t) => links.push([index.get(s)!, index.get(t)!]));
  if (movable === 'all' && index.has(anchor)) layered(graph, ids, index, anchor, x, y);
  const length = 90;
  // Horizontal distance counts less: a label is far wider than it is tall.
  const squeeze = 2.5;
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  let temperature = length;
  for (let it = 0; it < iterations; it++) {
    fx.fill(0);
    fy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = x[i] - x[j];
        let dy = y[i] - y[j];
        if (dx === 0 && dy === 0) {
          dx = (i - j) * 0.01;
          dy = 0.01;
        }
        // Distance in label terms, and the push along its gradient: parties side by side
        // (whose labels would meet) move apart mostly up and down, which costs little room.
        const d2 = (dx / squeeze) ** 2 + dy ** 2;
        const push = (length * length) / Math.max(d2, 1);
        const px = (dx / (squeeze * squeeze)) * push;
        const py = (dy + (dy === 0 ? (i - j) * 0.01 : 0)) * push;
        fx[i] += px;
        fy[i] += py;
        fx[j] -= px;
        fy[j] -= py;
      }
    }
    for (const [a, b] of links) {
      const dx = x[a] - x[b];
      const dy = y[a] - y[b];
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const pull = d / length;
      fx[a] -= dx * pull;
      fy[a] -= dy * pull;
      fx[b] += dx * pull;
      fy[b] += dy * pull;
    }
    for (let i = 0; i < n; i++) {
      if (!moves[i]) continue;
      const f = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]);
      if (f === 0) continue;
      const step = Math.min(f, temperature);
      x[i] += (fx[i] / f) * step;
      y[i] += (fy[i] / f) * step;
    }
    temperature = Math.max(1, temperature * 0.985);
  }
  // When every party may move, mirror the picture so the anchor sits on the left: its
  // neighbours' labels then run into the picture, not off its right edge.
  if (movable === 'all') {
    const a = index.get(anchor);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i] / n;
    if (a !== undefined && x[a] > mean) for (let i = 0; i < n; i++) x[i] = 2 * x[a] - x[i];
  }
  ids.forEach((id, i) => {
    if (moves[i] || movable === 'all') graph.mergeNodeAttributes(id, { x: x[i], y: y[i] });
  });
}

/**
 * A small picture starts from layers by distance to the anchor, each party under the parties it
 * hangs from (the mean place of its neighbours one layer up), so the spring steps begin untangled.
 */
function layered(
  graph: Graph,
  ids: string[],
  index: Map<string, number>,
  anchor: string,
  x: Float64Array,
  y: Float64Array,
): void {
  const depth = new Int32Array(ids.length).fill(-1);
  const layers: number[][] = [[index.get(anchor)!]];
  depth[index.get(anchor)!] = 0;
  for (let d = 0; layers[d]?.length; d++) {
    const next: number[] = [];
    for (const i of layers[d]!)
      graph.forEachNeighbor(ids[i]!, (nb) => {
        const j = index.get(nb)!;
        if (depth[j] < 0) {
          depth[j] = d + 1;
          next.push(j);
        }
      });
    if (next.length) layers.push(next);
  }
  const rest = ids.map((_, i) => i).filter((i) => depth[i] < 0);
  if (rest.length) layers.push(rest);
  const gap = 90;
  layers.forEach((layer, d) => {
    const key = (i: number) => {
      let sum = 0;
      let count = 0;
      graph.forEachNeighbor(ids[i]!, (nb) => {
        const j = index.get(nb)!;
        if (depth[j] === d - 1) {
          sum += x[j];
          count++;
        }
      });
      return count ? sum / count : 0;
    };
    const order = layer.map((i) => [i, key(i)] as const).sort((a, b) => a[1] - b[1]);
    order.forEach(([i], k) => {
      x[i] = (k - (order.length - 1) / 2) * gap * 1.5;
      y[i] = d * gap;
    });
  });
}
