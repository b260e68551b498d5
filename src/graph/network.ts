/**
 * The in-memory network: parties as numbered nodes, links as columns of typed arrays, and two
 * compressed adjacency tables (CSR) built once:
 * - incidence: every edge at both of its ends, for queries that filter edges (domain, dates)
 *   or need their evidence;
 * - neighbours: each adjacent pair once, with the smallest −ln(strength) of the edges between
 *   them, for the unfiltered traversals (BFS, Dijkstra, betweenness) that must be fast on a
 *   million nodes.
 * Traversals borrow reusable scratch arrays (see Scratch) instead of allocating per query.
 */
import { strengthWeight } from './strength.js';

/** Relation types that are acts of one party against another, not ties between them. */
export const HOSTILE_TYPES: ReadonlySet<string> = new Set(['sanctions', 'strikes', 'threatens']);

export interface ListEvidence {
  kind: 'list';
  dataset: string;
  version: string | null;
  record_id: string;
  /** The store entity that states the link (a relationship entity, or the party holding the reference). */
  entity_id: string;
}

export interface DocumentEvidence {
  kind: 'document';
  document_id: string;
  title: string | null;
  date: string | null;
  url: string | null;
  sentence: string;
  start: number;
  end: number;
  hedged: boolean;
  status: string;
  claim_id: string;
}

export type Evidence = ListEvidence | DocumentEvidence;

export interface NodeInfo {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  programmes: string[];
  topics: string[];
  /** Ids of the store entities this node stands for (several once entity resolution merges them). */
  members: string[];
  /** Dated listings, for timelines: programme and date. */
  listings: Array<{ programme: string; date: string | null; dataset: string; sanction_id: string }>;
}

export interface EdgeInput {
  id: string;
  type: string;
  domain: string;
  directed: boolean;
  strength: number;
  date: string | null;
  evidence: Evidence[];
  /** 'list' or 'claim'. */
  origin: 'list' | 'claim';
}

const EMPTY: never[] = [];

/** Edges as columns while a network is being built: no object per edge survives the build. */
export interface EdgeColumns {
  src: number[];
  dst: number[];
  strength: number[];
  type: number[];
  domain: number[];
  directed: number[];
  fromClaim: number[];
  ids: string[];
  dates: Array<string | null>;
  evidence: Evidence[][];
  types: string[];
  domains: string[];
}

export class GraphBuilder {
  readonly nodes: NodeInfo[] = [];
  readonly index = new Map<string, number>();
  readonly categoryMask: number[] = [];
  private readonly columns: EdgeColumns = {
    src: [],
    dst: [],
    strength: [],
    type: [],
    domain: [],
    directed: [],
    fromClaim: [],
    ids: [],
    dates: [],
    evidence: [],
    types: [],
    domains: [],
  };
  private readonly typeIds = new Map<string, number>();
  private readonly domainIds = new Map<string, number>();

  /** The node for an id, created with the given info when new. */
  node(id: string, make: () => Omit<NodeInfo, 'id'>): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.nodes.length;
      this.nodes.push({ id, ...make() });
      this.categoryMask.push(0);
      this.index.set(id, i);
    }
    return i;
  }

  addCategories(node: number, mask: number): void {
    this.categoryMask[node] |= mask;
  }

  /** Self-links (a party related to itself, e.g. after a merge) carry no information and are dropped. */
  addEdge(source: number, target: number, edge: EdgeInput): void {
    if (source === target || !(edge.strength > 0)) return;
    const c = this.columns;
    c.src.push(source);
    c.dst.push(target);
    c.strength.push(edge.strength);
    c.type.push(intern(c.types, this.typeIds, edge.type));
    c.domain.push(intern(c.domains, this.domainIds, edge.domain));
    c.directed.push(edge.directed ? 1 : 0);
    c.fromClaim.push(edge.origin === 'claim' ? 1 : 0);
    c.ids.push(edge.id);
    c.dates.push(edge.date);
    c.evidence.push(edge.evidence.length ? edge.evidence : EMPTY);
  }

  get edgeCount(): number {
    return this.columns.src.length;
  }

  build(): Network {
    return new Network(this.nodes, this.index, this.categoryMask, this.columns);
  }
}

function intern(table: string[], ids: Map<string, number>, s: string): number {
  let k = ids.get(s);
  if (k === undefined) {
    k = table.length;
    table.push(s);
    ids.set(s, k);
  }
  return k;
}

/** Reusable per-node arrays for one traversal at a time; `stamp` marks nodes seen in this run. */
export class Scratch {
  readonly mark: Int32Array;
  readonly dist: Int32Array;
  readonly parent: Int32Array;
  readonly queue: Int32Array;
  /** Dijkstra: path weight of discovered nodes, and a second stamp for settled ones. */
  readonly weight: Float64Array;
  readonly settled: Int32Array;
  private generation = 0;

  constructor(n: number) {
    this.weight = new Float64Array(n);
    this.settled = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.dist = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  /** A new stamp: every node reads as unvisited. */
  next(): number {
    if (++this.generation === 0x7fffffff) {
      this.mark.fill(0);
      this.settled.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}

export class Network {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly categories: Uint8Array;
  readonly sanctioned: Uint8Array;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeStrength: Float32Array;
  readonly edgeType: Uint16Array;
  readonly edgeDomain: Uint8Array;
  readonly edgeDirected: Uint8Array;
  readonly edgeFromClaim: Uint8Array;
  readonly edgeIds: string[];
  readonly edgeDates: Array<string | null>;
  readonly edgeEvidence: Evidence[][];
  readonly types: string[];
  readonly domains: string[];
  /** Incidence CSR: edges of node u are incEdges[incOffsets[u] .. incOffsets[u+1]). */
  readonly incOffsets: Int32Array;
  readonly incEdges: Int32Array;
  /** Neighbour CSR: distinct neighbours of u, with the lightest weight among the edges to each. */
  readonly adjOffsets: Int32Array;
  readonly adj: Int32Array;
  readonly adjWeight: Float32Array;
  readonly builtAt = new Date().toISOString();
  private scratchPool: Scratch[] = [];

  constructor(
    readonly nodes: NodeInfo[],
    readonly index: Map<string, number>,
    categoryMask: number[],
    c: EdgeColumns,
  ) {
    const n = nodes.length;
    const m = c.src.length;
    this.nodeCount = n;
    this.edgeCount = m;
    this.categories = Uint8Array.from(categoryMask);
    this.sanctioned = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const info = nodes[i];
      if (info.programmes.length || info.topics.includes('sanction')) this.sanctioned[i] = 1;
    }
    this.edgeSource = Int32Array.from(c.src);
    this.edgeTarget = Int32Array.from(c.dst);
    this.edgeStrength = Float32Array.from(c.strength);
    this.edgeType = Uint16Array.from(c.type);
    this.edgeDomain = Uint8Array.from(c.domain);
    this.edgeDirected = Uint8Array.from(c.directed);
    this.edgeFromClaim = Uint8Array.from(c.fromClaim);
    this.edgeIds = c.ids;
    this.edgeDates = c.dates;
    this.edgeEvidence = c.evidence;
    this.types = c.types;
    this.domains = c.domains;

    // Incidence table: count, prefix-sum, fill.
    const inc = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) {
      inc[this.edgeSource[e] + 1]++;
      inc[this.edgeTarget[e] + 1]++;
    }
    for (let i = 0; i < n; i++) inc[i + 1] += inc[i];
    const fill = inc.slice(0, n);
    const incEdges = new Int32Array(2 * m);
    for (let e = 0; e < m; e++) {
      incEdges[fill[this.edgeSource[e]]++] = e;
      incEdges[fill[this.edgeTarget[e]]++] = e;
    }
    this.incOffsets = inc;
    this.incEdges = incEdges;

    // Neighbour table: parallel edges collapse into one entry with the lightest weight. Hostile
    // acts (one party sanctions, strikes or threatens another) are no tie between the two: they stay
    // in the incidence table (evidence, timelines, filtered queries) but paths, exposure and
    // centrality do not run through them, or every sanctioned party would sit two hops from OFAC.
    const hostile = new Uint8Array(this.types.length);
    this.types.forEach((t, i) => (hostile[i] = HOSTILE_TYPES.has(t) ? 1 : 0));
    const adjOffsets = new Int32Array(n + 1);
    const adj = new Int32Array(2 * m);
    const adjWeight = new Float32Array(2 * m);
    const owner = new Int32Array(n).fill(-1);
    const slot = new Int32Array(n);
    let pos = 0;
    for (let u = 0; u < n; u++) {
      adjOffsets[u] = pos;
      for (let k = inc[u]; k < inc[u + 1]; k++) {
        const e = incEdges[k];
        if (hostile[this.edgeType[e]]) continue;
        const v = this.edgeSource[e] === u ? this.edgeTarget[e] : this.edgeSource[e];
        const w = strengthWeight(this.edgeStrength[e]);
        if (owner[v] !== u) {
          owner[v] = u;
          slot[v] = pos;
          adj[pos] = v;
          adjWeight[pos] = w;
          pos++;
        } else if (w < adjWeight[slot[v]]) {
          adjWeight[slot[v]] = w;
        }
      }
    }
    adjOffsets[n] = pos;
    this.adjOffsets = adjOffsets;
    this.adj = pos === adj.length ? adj : adj.slice(0, pos);
    this.adjWeight = pos === adjWeight.length ? adjWeight : adjWeight.slice(0, pos);
  }

  /** Distinct neighbours (number of adjacent parties). */
  degree(u: number): number {
    return this.adjOffsets[u + 1] - this.adjOffsets[u];
  }

  other(e: number, u: number): number {
    return this.edgeSource[e] === u ? this.edgeTarget[e] : this.edgeSource[e];
  }

  /** Edges between u and v, in either direction. */
  edgesBetween(u: number, v: number): number[] {
    const out: number[] = [];
    const [a, b] =
      this.incOffsets[u + 1] - this.incOffsets[u] <= this.incOffsets[v + 1] - this.incOffsets[v]
        ? [u, v]
        : [v, u];
    for (let k = this.incOffsets[a]; k < this.incOffsets[a + 1]; k++) {
      const e = this.incEdges[k];
      if (this.other(e, a) === b) out.push(e);
    }
    return out;
  }

  borrow(): Scratch {
    return this.scratchPool.pop() ?? new Scratch(this.nodeCount);
  }

  release(s: Scratch): void {
    if (this.scratchPool.length < 4) this.scratchPool.push(s);
  }

  /** Run fn with scratch arrays, returning them afterwards. */
  withScratch<T>(fn: (s: Scratch) => T): T {
    const s = this.borrow();
    try {
      return fn(s);
    } finally {
      this.release(s);
    }
  }
}
