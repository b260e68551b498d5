/** GEXF 1.3 export of what the explorer shows: nodes and edges with their attributes, positions and colours. */
import type { AbstractGraph as Graph } from 'graphology-types';

const xml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

function rgb(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16);
  return `r="${(n >> 16) & 255}" g="${(n >> 8) & 255}" b="${n & 255}"`;
}

export function toGexf(graph: Graph): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `  <meta><creator>Tangle</creator><description>network explorer export</description></meta>`,
    '  <graph defaultedgetype="undirected" mode="static">',
    '    <attributes class="node">',
    '      <attribute id="schema" title="schema" type="string"/>',
    '      <attribute id="programmes" title="programmes" type="string"/>',
    '      <attribute id="categories" title="categories" type="string"/>',
    '      <attribute id="sanctioned" title="sanctioned" type="boolean"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="domain" title="domain" type="string"/>',
    '      <attribute id="strength" title="strength" type="double"/>',
    '      <attribute id="evidence" title="evidence" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  graph.forEachNode((id, a) => {
    out.push(
      `      <node id="${xml(id)}" label="${xml(String(a.caption))}">`,
      '        <attvalues>',
      `          <attvalue for="schema" value="${xml(String(a.schema))}"/>`,
      `          <attvalue for="programmes" value="${xml((a.programmes as string[]).join(' '))}"/>`,
      `          <attvalue for="categories" value="${xml((a.categories as string[]).join(' '))}"/>`,
      `          <attvalue for="sanctioned" value="${a.sanctioned ? 'true' : 'false'}"/>`,
      '        </attvalues>',
      `        <viz:position x="${Number(a.x).toFixed(3)}" y="${Number(a.y).toFixed(3)}" z="0"/>`,
      `        <viz:color ${rgb(String(a.color))}/>`,
      `        <viz:size value="${Number(a.size).toFixed(2)}"/>`,
      '      </node>',
    );
  });
  out.push('    </nodes>', '    <edges>');
  graph.forEachEdge((id, a, source, target) => {
    const evidence = (a.evidence as Array<{ kind: string; dataset?: string; record_id?: string; document_id?: string }>)
      .map((e) => (e.kind === 'list' ? `${e.dataset}:${e.record_id}` : `document:${e.document_id}`))
      .join(' ');
    out.push(
      `      <edge id="${xml(id)}" source="${xml(source)}" target="${xml(target)}" weight="${Number(a.strength)}">`,
      '        <attvalues>',
      `          <attvalue for="type" value="${xml(String(a.relation))}"/>`,
      `          <attvalue for="domain" value="${xml(String(a.domain))}"/>`,
      `          <attvalue for="strength" value="${Number(a.strength)}"/>`,
      `          <attvalue for="evidence" value="${xml(evidence)}"/>`,
      '        </attvalues>',
      '      </edge>',
    );
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
