/**
 * Claims from documents, as the graph reads them. The reading side stores them (documents and
 * their claims live in the store's SQLite file); the graph only needs this narrow view, so any
 * source of claims — the document store, an in-memory fake in tests — can feed the projection.
 */

export interface ClaimDocument {
  id: string;
  title: string | null;
  date: string | null;
  url: string | null;
}

export interface GraphClaim {
  id: string;
  /** Store entity ids (a document party no list knows has a `doc-…` id of its own). */
  source_id: string;
  target_id: string;
  type: string;
  subtype: string | null;
  /** What flows (oil, gold, drones…), for supplies / transports / trades_with / pays. */
  item: string | null;
  domain: string;
  hedged: boolean;
  negated: boolean;
  date: string | null;
  status: string;
  confidence: number;
  document: ClaimDocument;
  sentence: string;
  /** Offsets of the evidence sentence in the document text (end exclusive). */
  start: number;
  end: number;
}

/** A party that only documents know: what the graph shows for a `doc-…` id. */
export interface ClaimParty {
  id: string;
  schema: string;
  caption: string;
}

export interface ClaimSource {
  listClaims(q: { status?: string[] }): Promise<GraphClaim[]>;
  /**
   * Optional: schema and name of parties no list knows, so their nodes get a caption. Without it
   * such a node is shown by its id.
   */
  listParties?(ids: string[]): Promise<ClaimParty[]>;
}
