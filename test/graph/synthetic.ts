/**
 * Plain parties and links for networks built in tests (companies named `p<i>`, `linked_to` list
 * links), so each test only says how its parties are linked.
 */
import { GraphBuilder } from '../../src/graph/network.js';

/** A builder holding n plain companies, node i named `p<i>`. */
export function companies(n: number): GraphBuilder {
  const b = new GraphBuilder();
  for (let i = 0; i < n; i++) {
    b.node(`p${i}`, () => ({
      caption: `Party ${i}`,
      schema: 'Company',
      datasets: [],
      programmes: [],
      topics: [],
      members: [],
      listings: [],
    }));
  }
  return b;
}

/** An undirected list link of the given strength. */
export function listLink(b: GraphBuilder, u: number, v: number, id: string, strength = 1): void {
  b.addEdge(u, v, {
    id,
    type: 'linked_to',
    domain: 'unspecified',
    directed: false,
    strength,
    date: null,
    evidence: [],
    origin: 'list',
  });
}
