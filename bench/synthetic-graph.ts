/**
 * The synthetic network of the graph benchmarks, generated from a seed: n nodes, m edges, one
 * endpoint uniform and one skewed towards low numbers (r^1.5), so a few parties are hubs; one
 * party in twenty sanctioned.
 */
import { seededRandom } from '../src/graph/centrality.js';
import { GraphBuilder, type Network } from '../src/graph/network.js';

/** Edge endpoints, two per edge. */
export function syntheticEnds(n: number, m: number): Int32Array {
  const rand = seededRandom(20261204);
  const ends = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    ends[2 * e] = Math.floor(rand() * n);
    ends[2 * e + 1] = Math.floor(rand() ** 1.5 * n);
  }
  return ends;
}

export function syntheticNetwork(n: number, m: number, ends = syntheticEnds(n, m)): Network {
  const none: string[] = [];
  const sdgt = ['SDGT'];
  const sanction = ['sanction'];
  const b = new GraphBuilder();
  for (let i = 0; i < n; i++) {
    const listed = i % 20 === 0;
    b.node(`n${i}`, () => ({
      caption: `Party ${i}`,
      schema: 'Company',
      datasets: none,
      programmes: listed ? sdgt : none,
      topics: listed ? sanction : none,
      members: none,
      listings: [],
    }));
  }
  const strengths = [1, 0.7, 0.42];
  for (let e = 0; e < m; e++) {
    b.addEdge(ends[2 * e], ends[2 * e + 1], {
      id: `e${e}`,
      type: 'linked_to',
      domain: 'unspecified',
      directed: false,
      strength: strengths[e % 3],
      date: null,
      evidence: none as never[],
      origin: 'list',
    });
  }
  return b.build();
}
