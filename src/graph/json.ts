/** The JSON shapes of nodes, edges and evidence that every query and route shares. */
import { categoriesOf, type Category } from './categories.js';
import type { Evidence, Network } from './network.js';

export interface NodeJson {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  programmes: string[];
  categories: Category[];
  sanctioned: boolean;
}

export interface EdgeJson {
  id: string;
  source: string;
  target: string;
  type: string;
  domain: string;
  directed: boolean;
  strength: number;
  date: string | null;
  evidence: Evidence[];
}

/** At most this many evidence items per edge or step: one list record or sentence is enough to cite. */
export const MAX_EVIDENCE = 20;

export function nodeJson(net: Network, i: number): NodeJson {
  const n = net.nodes[i];
  return {
    id: n.id,
    caption: n.caption,
    schema: n.schema,
    datasets: n.datasets,
    programmes: n.programmes,
    categories: categoriesOf(net.categories[i]),
    sanctioned: net.sanctioned[i] === 1,
  };
}

export function edgeJson(net: Network, e: number): EdgeJson {
  return {
    id: net.edgeIds[e],
    source: net.nodes[net.edgeSource[e]].id,
    target: net.nodes[net.edgeTarget[e]].id,
    type: net.types[net.edgeType[e]],
    domain: net.domains[net.edgeDomain[e]],
    directed: net.edgeDirected[e] === 1,
    strength: round(net.edgeStrength[e]),
    date: net.edgeDates[e],
    evidence: net.edgeEvidence[e].slice(0, MAX_EVIDENCE),
  };
}

export function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
