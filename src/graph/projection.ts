/**
 * Projection of the store (and, when given, document claims) into a Network.
 *
 * Nodes are parties: people, organisations, companies, public bodies, vessels, aircraft, and the
 * countries or other parties a claim names. Sanction entities are folded into the node of the
 * party they sanction (programmes, listing dates); addresses, identity documents and wallets are
 * not nodes. Edges come from relationship entities (UnknownLink for OFAC "Linked To", Ownership,
 * Family, Associate…), from references between parties (a vessel's owner and operator, a
 * company's parent), and from claims. A nationality is never an edge: a country hub would make
 * every pair of compatriots two hops apart.
 *
 * Entity resolution plugs in through `canonicalId`: every store id is mapped before it becomes
 * a node, so merged entities are one node whose `members` lists the store ids.
 */
import { model, type Schema } from '../model/model.js';
import type { EntityRecord, Store } from '../store/store.js';
import { claimMask, programmeMask, topicMask } from './categories.js';
import type { ClaimSource, GraphClaim } from './claims.js';
import { GraphBuilder, type Evidence, type Network } from './network.js';
import { LIST_STRENGTH, claimStrength } from './strength.js';

export interface ProjectionOptions {
  claims?: ClaimSource;
  /** Also use proposed claims (weaker than accepted ones). */
  includeProposed?: boolean;
  /** Canonical id of a store entity id (entity resolution); identity by default. */
  canonicalId?: (id: string) => string;
  /**
   * The clusters entity resolution made (canonical id and member ids). A document party (doc-…)
   * in a cluster is named among its node's members even when none of its own claims is in the
   * network, so that asking for it by its id finds the merged node.
   */
  clusters?: () => Iterable<{ canonicalId: string; members: readonly string[] }>;
}

export interface ProjectionStats {
  nodes: number;
  edges: number;
  listEdges: number;
  claimEdges: number;
  /** Claims read but not used: negated, or an end that is no party. */
  claimsSkipped: number;
  /** Reading the store's current entities (most of the time on list data). */
  readMs: number;
  ms: number;
}

export interface Projection {
  network: Network;
  stats: ProjectionStats;
}

/** Edge type and domain per relationship schema (the reading vocabulary where it has a word). */
const RELATIONSHIP_TYPES: Record<string, { type: string; domain: string }> = {
  UnknownLink: { type: 'linked_to', domain: 'unspecified' },
  Ownership: { type: 'ownership', domain: 'economic' },
  Directorship: { type: 'directorship', domain: 'economic' },
  Employment: { type: 'employment', domain: 'economic' },
  Membership: { type: 'membership', domain: 'political' },
  Family: { type: 'family', domain: 'social' },
  Associate: { type: 'associate', domain: 'social' },
  Representation: { type: 'representation', domain: 'economic' },
  Payment: { type: 'pays', domain: 'economic' },
  Debt: { type: 'debt', domain: 'economic' },
  Succession: { type: 'succession', domain: 'economic' },
  Occupancy: { type: 'occupancy', domain: 'political' },
};

/** References a party makes to another party that are links in their own right. */
const REFERENCE_TYPES: Record<string, { type: string; domain: string; reverse: boolean }> = {
  // The owner owns the vessel: the edge runs from the referenced party to the holder.
  owner: { type: 'ownership', domain: 'economic', reverse: true },
  operator: { type: 'operates', domain: 'economic', reverse: true },
  parent: { type: 'ownership', domain: 'economic', reverse: true },
};

/**
 * The only properties the projection reads: a party's topics and references, a sanction's target,
 * programmes and dates, and each relationship schema's two ends and dates. Reading only these
 * skips most of the store (addresses, identifiers, remarks).
 */
const PROJECTED_PROPERTIES: readonly string[] = [
  ...new Set([
    'topics',
    'entity',
    'program',
    'listingDate',
    'startDate',
    'endDate',
    'date',
    ...Object.keys(REFERENCE_TYPES),
    ...[...model.schemata.values()].flatMap((s) => (s.edge ? [s.edge.source, s.edge.target] : [])),
  ]),
];

/** Schemata the projection uses: parties, sanctions and relationships (not addresses or documents). */
const PROJECTED_SCHEMATA: readonly string[] = [...model.schemata.values()]
  .filter((s) => s.edge || s.name === 'Sanction' || isPartySchema(s.name))
  .map((s) => s.name);

/** Claim types that have no direction. */
const UNDIRECTED_CLAIMS = new Set(['associate', 'family', 'allied_with', 'trades_with', 'works_with']);

function schemaOf(name: string): Schema | undefined {
  return model.has(name) ? model.get(name) : undefined;
}

export function isPartySchema(name: string): boolean {
  const s = schemaOf(name);
  // Schemata FtM lacks (a document's Country) are parties by definition of the reading side.
  if (!s) return true;
  return s.isA('LegalEntity') || s.isA('Vehicle') || s.name === 'Country';
}

interface PendingRelationship {
  record: EntityRecord;
  schema: Schema;
}

interface PendingReference {
  holder: string;
  prop: string;
  targets: string[];
  record: EntityRecord;
}

export async function projectStore(store: Store, options: ProjectionOptions = {}): Promise<Projection> {
  const t0 = performance.now();
  const canonical = options.canonicalId ?? ((id: string) => id);
  const versions = new Map<string, string | null>();
  for (const d of await store.listDatasets()) versions.set(d.name, d.latestVersion);

  const builder = new GraphBuilder();
  const relationships: PendingRelationship[] = [];
  const references: PendingReference[] = [];
  const sanctions: EntityRecord[] = [];

  const addParty = (record: EntityRecord): void => {
    const id = canonical(record.id);
    const i = builder.node(id, () => ({
      caption: record.caption,
      schema: record.schema,
      datasets: [],
      programmes: [],
      topics: [],
      members: [],
      listings: [],
    }));
    const info = builder.nodes[i];
    info.members.push(record.id);
    // A merged node is captioned by its own id's entity, else by the first one met.
    if (record.id === id) {
      info.caption = record.caption;
      info.schema = record.schema;
    }
    mergeInto(info.datasets, record.datasets);
    const topics = record.properties.topics ?? [];
    mergeInto(info.topics, topics);
    let mask = 0;
    for (const t of topics) mask |= topicMask(t);
    builder.addCategories(i, mask);
  };

  for await (const record of store.currentEntities({
    properties: PROJECTED_PROPERTIES,
    schemata: PROJECTED_SCHEMATA,
  })) {
    const schema = schemaOf(record.schema);
    if (schema?.edge) {
      relationships.push({ record, schema });
    } else if (schema?.name === 'Sanction') {
      sanctions.push(record);
    } else if (isPartySchema(record.schema)) {
      addParty(record);
      for (const prop of Object.keys(REFERENCE_TYPES)) {
        const targets = record.properties[prop];
        if (targets?.length) references.push({ holder: record.id, prop, targets, record });
      }
    }
  }

  const readMs = performance.now() - t0;

  const listEvidence = (record: EntityRecord): Evidence[] =>
    record.datasets.flatMap((dataset) =>
      (record.recordIds[dataset] ?? []).map((recordId) => ({
        kind: 'list' as const,
        dataset,
        version: versions.get(dataset) ?? null,
        record_id: recordId,
        entity_id: record.id,
      })),
    );
  const partyIndex = (id: string): number | undefined => builder.index.get(canonical(id));

  for (const record of sanctions) {
    const programmes = record.properties.program ?? [];
    const date = record.properties.listingDate?.[0] ?? record.properties.startDate?.[0] ?? null;
    for (const target of record.properties.entity ?? []) {
      const i = partyIndex(target);
      if (i === undefined) continue;
      const info = builder.nodes[i];
      mergeInto(info.programmes, programmes);
      mergeInto(info.datasets, record.datasets);
      if (!info.topics.includes('sanction')) info.topics.push('sanction');
      let mask = 0;
      for (const p of programmes) {
        mask |= programmeMask(p);
        info.listings.push({ programme: p, date, dataset: record.datasets[0], sanction_id: record.id });
      }
      builder.addCategories(i, mask);
    }
  }

  // Programmes in a stable order, whatever order the sanctions came in.
  for (const info of builder.nodes) if (info.programmes.length > 1) info.programmes.sort();

  let listEdges = 0;
  for (const { record, schema } of relationships) {
    const edge = schema.edge!;
    const kind = RELATIONSHIP_TYPES[schema.name] ?? {
      type: schema.name.toLowerCase(),
      domain: 'unspecified',
    };
    const p = record.properties;
    const date = p.startDate?.[0] ?? p.date?.[0] ?? record.firstSeen;
    const evidence = listEvidence(record);
    for (const s of p[edge.source] ?? []) {
      for (const t of p[edge.target] ?? []) {
        const a = partyIndex(s);
        const b = partyIndex(t);
        if (a === undefined || b === undefined) continue;
        builder.addEdge(a, b, {
          id: record.id,
          type: kind.type,
          domain: kind.domain,
          directed: edge.directed,
          strength: LIST_STRENGTH,
          date,
          evidence,
          origin: 'list',
        });
        listEdges++;
      }
    }
  }
  for (const ref of references) {
    const kind = REFERENCE_TYPES[ref.prop];
    const holder = partyIndex(ref.holder)!;
    for (const t of ref.targets) {
      const other = partyIndex(t);
      if (other === undefined) continue;
      const [a, b] = kind.reverse ? [other, holder] : [holder, other];
      builder.addEdge(a, b, {
        id: `${ref.holder}:${ref.prop}:${t}`,
        type: kind.type,
        domain: kind.domain,
        directed: true,
        strength: LIST_STRENGTH,
        date: ref.record.firstSeen,
        evidence: listEvidence(ref.record),
        origin: 'list',
      });
      listEdges++;
    }
  }

  let claimEdges = 0;
  let claimsSkipped = 0;
  if (options.claims) {
    const statuses = options.includeProposed ? ['accepted', 'proposed'] : ['accepted'];
    const claims = (await options.claims.listClaims({ status: statuses })).filter((c) =>
      statuses.includes(c.status),
    );
    await addDocumentParties(builder, claims, options.claims, canonical, options.clusters?.() ?? []);
    for (const c of claims) {
      const strength = claimStrength(c);
      const a = partyIndex(c.source_id);
      const b = partyIndex(c.target_id);
      if (!(strength > 0) || a === undefined || b === undefined || a === b) {
        claimsSkipped++;
        continue;
      }
      builder.addEdge(a, b, {
        id: c.id,
        type: c.type,
        domain: c.domain,
        directed: !UNDIRECTED_CLAIMS.has(c.type),
        strength,
        date: c.date,
        evidence: [claimEvidence(c)],
        origin: 'claim',
      });
      const mask = claimMask(c);
      builder.addCategories(a, mask);
      builder.addCategories(b, mask);
      claimEdges++;
    }
  }

  const network = builder.build();
  return {
    network,
    stats: {
      nodes: network.nodeCount,
      edges: network.edgeCount,
      listEdges,
      claimEdges,
      claimsSkipped,
      readMs: Math.round(readMs),
      ms: Math.round(performance.now() - t0),
    },
  };
}

export function claimEvidence(c: GraphClaim): Evidence {
  return {
    kind: 'document',
    document_id: c.document.id,
    title: c.document.title,
    date: c.date ?? c.document.date,
    url: c.document.url,
    sentence: c.sentence,
    start: c.start,
    end: c.end,
    hedged: c.hedged,
    status: c.status,
    claim_id: c.id,
  };
}

/**
 * Parties only documents know (not negated claims' ends) become nodes of their own, or join the
 * node of the cluster entity resolution put them in: every doc-… id a node stands for is one of
 * its members, so the graph finds that node by any of them (a list entry's id, a document party's
 * id, the cluster's canonical id).
 */
async function addDocumentParties(
  builder: GraphBuilder,
  claims: GraphClaim[],
  source: ClaimSource,
  canonical: (id: string) => string,
  clusters: Iterable<{ canonicalId: string; members: readonly string[] }>,
): Promise<void> {
  const wanted = new Set<string>();
  for (const c of claims) {
    if (c.negated) continue;
    for (const id of [c.source_id, c.target_id]) wanted.add(id);
  }
  // Merged members no list holds: document parties whose own claims may all be out of the network.
  const fromClusters = new Set<string>();
  for (const cluster of clusters) {
    const i = builder.index.get(cluster.canonicalId);
    if (i === undefined && !cluster.members.some((m) => wanted.has(m))) continue;
    for (const m of cluster.members) {
      if (wanted.has(m) || (i !== undefined && builder.nodes[i].members.includes(m))) continue;
      fromClusters.add(m);
    }
  }
  const missing = [...wanted, ...fromClusters].filter((id) => {
    const i = builder.index.get(canonical(id));
    return i === undefined || !builder.nodes[i].members.includes(id);
  });
  if (!missing.length) return;
  const known = new Map((await source.listParties?.(missing))?.map((p) => [p.id, p]) ?? []);
  for (const id of missing) {
    const party = known.get(id);
    // A cluster member that is no document party (a list entry the store no longer holds) adds nothing.
    if (!party && fromClusters.has(id)) continue;
    const i = builder.node(canonical(id), () => ({
      caption: party?.caption ?? id,
      schema: party?.schema ?? 'LegalEntity',
      datasets: [],
      programmes: [],
      topics: [],
      members: [],
      listings: [],
    }));
    const info = builder.nodes[i];
    info.members.push(id);
    mergeInto(info.datasets, ['documents']);
  }
}

function mergeInto(target: string[], values: readonly string[]): void {
  for (const v of values) if (!target.includes(v)) target.push(v);
}
