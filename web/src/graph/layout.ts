/**
 * Placement without a physics engine: the first neighbourhood in rings by distance from the
 * centre; an expansion on a ring around the node expanded, turned away from its parent so new
 * nodes fan outwards. Cheap enough for thousands of nodes, stable (nothing already placed moves).
 */
import type { AbstractGraph as Graph } from 'graphology-types';

export function placeAround(
  graph: Graph,
  centre: string,
  newcomers: Array<{ id: string; distance?: number }>,
): void {
  const cx = (graph.getNodeAttribute(centre, 'x') as number) ?? 0;
  const cy = (graph.getNodeAttribute(centre, 'y') as number) ?? 0;
  // Away from where the centre itself sits relative to the origin (its parent side).
  const outward = cx === 0 && cy === 0 ? 0 : Math.atan2(cy, cx);
  const fan = cx === 0 && cy === 0 ? 2 * Math.PI : Math.PI * 1.2;
  const rings = new Map<number, string[]>();
  for (const n of newcomers) {
    const d = Math.max(1, n.distance ?? 1);
    rings.set(d, [...(rings.get(d) ?? []), n.id]);
  }
  for (const [d, ids] of rings) {
    const radius = 60 * d + Math.sqrt(ids.length) * 14;
    ids.forEach((id, i) => {
      const share = fan === 2 * Math.PI ? i / ids.length : (i + 0.5) / ids.length - 0.5;
      const angle = fan === 2 * Math.PI ? share * fan + d * 0.35 : outward + share * fan;
      graph.mergeNodeAttributes(id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
    });
  }
}
