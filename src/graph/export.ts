/**
 * Exports of the network (or of the neighbourhood of one party) for other tools: GEXF (Gephi),
 * GraphML (yEd, networkx, Gephi), FollowTheMoney JSON lines, CSV (nodes and edges) and Cypher
 * (Neo4j). Node ids are store entity ids. Output is produced as a sequence of text chunks, so a
 * million-node network streams instead of becoming one string.
 */
import { UsageError } from '../errors.js';
import { model } from '../model/model.js';
import { categoriesOf } from './categories.js';
import { LIMITS } from './limits.js';
import type { Network } from './network.js';
import { bfs } from './traverse.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'ftm', 'csv', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Only this party's neighbourhood. */
  around?: number;
  hops?: number;
  /** For csv: which table (default edges). */
  part?: 'nodes' | 'edges';
}

/** Nodes and edges to export: all, or those within `hops` of `around`. */
export function selection(net: Network, o: ExportOptions): { nodes: number[]; edges: number[] } {
  if (o.around === undefined) {
    return {
      nodes: Array.from({ length: net.nodeCount }, (_, i) => i),
      edges: Array.from({ length: net.edgeCount }, (_, i) => i),
    };
  }
  const hops = o.hops ?? 1;
  if (hops < 1 || hops > LIMITS.hops) throw new UsageError(`hops must be 1–${LIMITS.hops}`);
  const nodes = net.withScratch(
    (s) => bfs(net, [o.around!], { maxHops: hops, maxNodes: LIMITS.visit }, s).order,
  );
  const inside = new Uint8Array(net.nodeCount);
  for (const v of nodes) inside[v] = 1;
  const edges: number[] = [];
  for (const u of nodes) {
    for (let k = net.incOffsets[u]; k < net.incOffsets[u + 1]; k++) {
      const e = net.incEdges[k];
      // Each edge once, from its source end.
      if (net.edgeSource[e] === u && inside[net.edgeTarget[e]]) edges.push(e);
    }
  }
  return { nodes, edges: edges.sort((a, b) => a - b) };
}

export function* exportNetwork(net: Network, format: ExportFormat, o: ExportOptions = {}): Generator<string> {
  const sel = selection(net, o);
  switch (format) {
    case 'graphml':
      yield* graphml(net, sel);
      return;
    case 'gexf':
      yield* gexf(net, sel);
      return;
    case 'ftm':
      yield* ftm(net, sel);
      return;
    case 'csv':
      yield* o.part === 'nodes' ? csvNodes(net, sel.nodes) : csvEdges(net, sel.edges);
      return;
    case 'cypher':
      yield* cypher(net, sel);
      return;
    default:
      throw new UsageError(`unknown export format "${String(format)}" (one of ${EXPORT_FORMATS.join(', ')})`);
  }
}

/** Text safe inside XML: escaped, and without the control characters XML 1.0 forbids. */
function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function nodeFields(net: Network, u: number) {
  const n = net.nodes[u];
  return {
    caption: n.caption,
    schema: n.schema,
    datasets: n.datasets.join(';'),
    programmes: n.programmes.join(';'),
    categories: categoriesOf(net.categories[u]).join(';'),
    sanctioned: net.sanctioned[u] === 1,
  };
}

function edgeFields(net: Network, e: number) {
  const s = net.edgeStrength[e];
  return {
    relationship_id: net.edgeIds[e],
    type: net.types[net.edgeType[e]],
    domain: net.domains[net.edgeDomain[e]],
    directed: net.edgeDirected[e] === 1,
    strength: Math.round(s * 1e6) / 1e6,
    weight: Math.round(-Math.log(s) * 1e6) / 1e6,
    date: net.edgeDates[e] ?? '',
    evidence_count: net.edgeEvidence[e].length,
    origin: net.edgeFromClaim[e] ? 'claim' : 'list',
  };
}

const NODE_KEYS: Array<[string, string]> = [
  ['caption', 'string'],
  ['schema', 'string'],
  ['datasets', 'string'],
  ['programmes', 'string'],
  ['categories', 'string'],
  ['sanctioned', 'boolean'],
];
const EDGE_KEYS: Array<[string, string]> = [
  ['relationship_id', 'string'],
  ['type', 'string'],
  ['domain', 'string'],
  ['directed', 'boolean'],
  ['strength', 'double'],
  ['weight', 'double'],
  ['date', 'string'],
  ['evidence_count', 'int'],
  ['origin', 'string'],
];

/** Chunks of about this many lines. */
const BATCH = 2000;

function* graphml(net: Network, sel: { nodes: number[]; edges: number[] }): Generator<string> {
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  for (const [k, t] of NODE_KEYS)
    head.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`);
  for (const [k, t] of EDGE_KEYS)
    head.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`);
  // Undirected: a path may follow a link either way; each edge keeps its direction in `directed`.
  head.push('  <graph id="tangle" edgedefault="undirected">');
  yield `${head.join('\n')}\n`;
  let out: string[] = [];
  for (const u of sel.nodes) {
    const f = nodeFields(net, u);
    const data = Object.entries(f)
      .map(([k, v]) => `<data key="n_${k}">${xml(String(v))}</data>`)
      .join('');
    out.push(`    <node id="${xml(net.nodes[u].id)}">${data}</node>`);
    if (out.length >= BATCH) {
      yield `${out.join('\n')}\n`;
      out = [];
    }
  }
  for (const e of sel.edges) {
    const f = edgeFields(net, e);
    const data = Object.entries(f)
      .map(([k, v]) => `<data key="e_${k}">${xml(String(v))}</data>`)
      .join('');
    out.push(
      `    <edge id="e${e}" source="${xml(net.nodes[net.edgeSource[e]].id)}" target="${xml(net.nodes[net.edgeTarget[e]].id)}">${data}</edge>`,
    );
    if (out.length >= BATCH) {
      yield `${out.join('\n')}\n`;
      out = [];
    }
  }
  out.push('  </graph>', '</graphml>');
  yield `${out.join('\n')}\n`;
}

function* gexf(net: Network, sel: { nodes: number[]; edges: number[] }): Generator<string> {
  const gexfType = (t: string): string => (t === 'int' ? 'integer' : t);
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>Tangle</creator><description>parties and links, with provenance in the store</description></meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    ...NODE_KEYS.filter(([k]) => k !== 'caption').map(
      ([k, t]) => `      <attribute id="${k}" title="${k}" type="${gexfType(t)}"/>`,
    ),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_KEYS.filter(([k]) => k !== 'weight').map(
      ([k, t]) => `      <attribute id="${k}" title="${k}" type="${gexfType(t)}"/>`,
    ),
    '    </attributes>',
    '    <nodes>',
  ];
  yield `${head.join('\n')}\n`;
  let out: string[] = [];
  for (const u of sel.nodes) {
    const { caption, ...rest } = nodeFields(net, u);
    const att = Object.entries(rest)
      .map(([k, v]) => `<attvalue for="${k}" value="${xml(String(v))}"/>`)
      .join('');
    out.push(
      `      <node id="${xml(net.nodes[u].id)}" label="${xml(caption)}"><attvalues>${att}</attvalues></node>`,
    );
    if (out.length >= BATCH) {
      yield `${out.join('\n')}\n`;
      out = [];
    }
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of sel.edges) {
    const { weight, ...rest } = edgeFields(net, e);
    void weight;
    const att = Object.entries(rest)
      .map(([k, v]) => `<attvalue for="${k}" value="${xml(String(v))}"/>`)
      .join('');
    // Gephi's weight is "more is stronger": the strength, not the path weight.
    out.push(
      `      <edge id="${e}" source="${xml(net.nodes[net.edgeSource[e]].id)}" target="${xml(net.nodes[net.edgeTarget[e]].id)}" type="${rest.directed ? 'directed' : 'undirected'}" weight="${rest.strength}" label="${xml(rest.type)}"><attvalues>${att}</attvalues></edge>`,
    );
    if (out.length >= BATCH) {
      yield `${out.join('\n')}\n`;
      out = [];
    }
  }
  out.push('    </edges>', '  </graph>', '</gexf>');
  yield `${out.join('\n')}\n`;
}

/** FtM relationship schema per edge type, with its two end properties. */
const FTM_EDGES: Record<string, [string, string, string]> = {
  ownership: ['Ownership', 'owner', 'asset'],
  directorship: ['Directorship', 'director', 'organization'],
  membership: ['Membership', 'member', 'organization'],
  employment: ['Employment', 'employee', 'employer'],
  family: ['Family', 'person', 'relative'],
  associate: ['Associate', 'person', 'associate'],
  representation: ['Representation', 'agent', 'client'],
  pays: ['Payment', 'payer', 'beneficiary'],
};

function fits(schemaName: string, prop: string, nodeSchema: string): boolean {
  const range = model.get(schemaName).getProperty(prop)?.range;
  return !range || (model.has(nodeSchema) && model.get(nodeSchema).isA(range));
}

function* ftm(net: Network, sel: { nodes: number[]; edges: number[] }): Generator<string> {
  let out: string[] = [];
  const flush = (force = false): string | undefined => {
    if (!out.length || (!force && out.length < BATCH)) return undefined;
    const chunk = `${out.join('\n')}\n`;
    out = [];
    return chunk;
  };
  for (const u of sel.nodes) {
    const n = net.nodes[u];
    const schema = model.has(n.schema) ? n.schema : 'LegalEntity';
    const properties: Record<string, string[]> = { name: [n.caption] };
    if (n.topics.length) properties.topics = n.topics;
    if (n.programmes.length) properties.program = n.programmes;
    out.push(JSON.stringify({ id: n.id, schema, properties, datasets: n.datasets }));
    const chunk = flush();
    if (chunk) yield chunk;
  }
  const used = new Map<string, number>();
  for (const e of sel.edges) {
    const type = net.types[net.edgeType[e]];
    const s = net.nodes[net.edgeSource[e]];
    const t = net.nodes[net.edgeTarget[e]];
    let [schema, from, to] = FTM_EDGES[type] ?? ['UnknownLink', 'subject', 'object'];
    if (!fits(schema, from, s.schema) || !fits(schema, to, t.schema))
      [schema, from, to] = ['UnknownLink', 'subject', 'object'];
    const properties: Record<string, string[]> = { [from]: [s.id], [to]: [t.id], role: [type] };
    const date = net.edgeDates[e];
    if (date) properties.date = [date];
    const docs = net.edgeEvidence[e].filter((x) => x.kind === 'document');
    if (docs.length) {
      properties.summary = docs.map((d) => d.sentence);
      const urls = docs.map((d) => d.url).filter((x): x is string => Boolean(x));
      if (urls.length) properties.sourceUrl = urls;
    }
    // One relationship entity can link several pairs: later pairs get a suffix to stay unique.
    const base = net.edgeIds[e];
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    const id = seen ? `${base}-${seen}` : base;
    out.push(
      JSON.stringify({ id, schema, properties, datasets: net.edgeFromClaim[e] ? ['documents'] : s.datasets }),
    );
    const chunk = flush();
    if (chunk) yield chunk;
  }
  const last = flush(true);
  if (last) yield last;
}

function csvCell(v: unknown): string {
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function* csvNodes(net: Network, nodes: number[]): Generator<string> {
  let out = [['id', ...NODE_KEYS.map(([k]) => k)].join(',')];
  for (const u of nodes) {
    out.push([net.nodes[u].id, ...Object.values(nodeFields(net, u))].map(csvCell).join(','));
    if (out.length >= BATCH) {
      yield `${out.join('\n')}\n`;
      out = [];
    }
  }
  if (out.length) yield `${out.join('\n')}\n`;
}

function* csvEdges(net: Network, edges: number[]): Generator<string> {
  let out = [['source', 'target', ...EDGE_KEYS.map(([k]) => k)].join(',')];
  for (const e of edges) {
    const row = [
      net.nodes[net.edgeSource[e]].id,
      net.nodes[net.edgeTarget[e]].id,
      ...Object.values(edgeFields(net, e)),
    ];
    out.push(row.map(csvCell).join(','));
    if (out.length >= BATCH) {
      yield `${out.join('\n')}\n`;
      out = [];
    }
  }
  if (out.length) yield `${out.join('\n')}\n`;
}

/** A Cypher literal: JSON strings, numbers, booleans and lists are valid Cypher; map keys stay bare. */
function cypherMap(o: Record<string, unknown>): string {
  return `{${Object.entries(o)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ')}}`;
}

function cypherName(s: string): string {
  return s.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'LINK';
}

function* cypher(net: Network, sel: { nodes: number[]; edges: number[] }): Generator<string> {
  yield 'CREATE CONSTRAINT party_id IF NOT EXISTS FOR (n:Party) REQUIRE n.id IS UNIQUE;\n';
  const bySchema = new Map<string, number[]>();
  for (const u of sel.nodes) {
    const s = net.nodes[u].schema;
    const list = bySchema.get(s);
    if (list) list.push(u);
    else bySchema.set(s, [u]);
  }
  const CHUNK = 500;
  for (const [schema, nodes] of bySchema) {
    for (let i = 0; i < nodes.length; i += CHUNK) {
      const rows = nodes.slice(i, i + CHUNK).map((u) => {
        const f = nodeFields(net, u);
        return cypherMap({
          id: net.nodes[u].id,
          ...f,
          datasets: net.nodes[u].datasets,
          programmes: net.nodes[u].programmes,
          categories: categoriesOf(net.categories[u]),
        });
      });
      yield `UNWIND [${rows.join(', ')}] AS row MERGE (n:Party {id: row.id}) SET n += row, n:${cypherName(schema)};\n`;
    }
  }
  const byType = new Map<string, number[]>();
  for (const e of sel.edges) {
    const t = net.types[net.edgeType[e]];
    const list = byType.get(t);
    if (list) list.push(e);
    else byType.set(t, [e]);
  }
  for (const [type, edges] of byType) {
    for (let i = 0; i < edges.length; i += CHUNK) {
      const rows = edges.slice(i, i + CHUNK).map((e) =>
        cypherMap({
          source: net.nodes[net.edgeSource[e]].id,
          target: net.nodes[net.edgeTarget[e]].id,
          ...edgeFields(net, e),
        }),
      );
      yield `UNWIND [${rows.join(', ')}] AS row MATCH (a:Party {id: row.source}), (b:Party {id: row.target}) CREATE (a)-[r:${cypherName(type).toUpperCase()}]->(b) SET r = row;\n`;
    }
  }
}
