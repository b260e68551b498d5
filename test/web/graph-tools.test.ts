/** The network explorer's own graph tools: scenario reachability and the GEXF export. */
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { toGexf } from '../../web/src/graph/gexf.js';
import { disconnectedBy, reachable } from '../../web/src/graph/scenario.js';

function chain(): UndirectedGraph {
  // a — b — c — d, and b — e
  const g = new UndirectedGraph();
  for (const id of ['a', 'b', 'c', 'd', 'e'])
    g.addNode(id, {
      caption: id === 'e' ? '<img src=x> "E" & co' : id.toUpperCase(),
      schema: 'Company',
      programmes: id === 'a' ? ['SDGT'] : [],
      categories: id === 'a' ? ['terrorism'] : [],
      sanctioned: id === 'a',
      x: 1,
      y: 2,
      size: 6,
      color: '#1f5fbf',
    });
  const edge = (s: string, t: string) =>
    g.addEdgeWithKey(`${s}${t}`, s, t, {
      relation: 'ownership',
      domain: 'economic',
      strength: 1,
      evidence: [{ kind: 'list', dataset: 'us_ofac_sdn', version: '2024-05-03', record_id: '306' }],
    });
  edge('a', 'b');
  edge('b', 'c');
  edge('c', 'd');
  edge('b', 'e');
  return g;
}

describe('scenario', () => {
  it('finds who loses the anchor when a party is taken out', () => {
    const g = chain();
    expect([...reachable(g, 'a', new Set())].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(disconnectedBy(g, 'a', new Set(['c']))).toEqual(['d']);
    expect(disconnectedBy(g, 'a', new Set(['b'])).sort()).toEqual(['c', 'd', 'e']);
    expect(disconnectedBy(g, 'a', new Set(['d']))).toEqual([]);
  });
});

describe('GEXF export', () => {
  it('writes every node and edge with attributes, escaping names', () => {
    const xml = toGexf(chain());
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/gexf.net\/1.3"/);
    expect(xml.match(/<node /g)).toHaveLength(5);
    expect(xml.match(/<edge /g)).toHaveLength(4);
    expect(xml).toContain('label="&lt;img src=x&gt; &quot;E&quot; &amp; co"');
    expect(xml).toContain('<attvalue for="programmes" value="SDGT"/>');
    expect(xml).toContain('<attvalue for="type" value="ownership"/>');
    expect(xml).toContain('<attvalue for="evidence" value="us_ofac_sdn:306"/>');
    expect(xml).toContain('<viz:color r="31" g="95" b="191"/>');
    expect(xml).not.toContain('<img');
  });
});
