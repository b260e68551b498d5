/**
 * What reading a document produces: the parties it names (linked to store entities where the
 * store knows them) and the relationships it claims between them, each with its evidence sentence
 * and character offsets. These types are the contract between the reading engine (mentions,
 * linking, relation extraction) and what stores, prints and serves its results; the field names of
 * `tangle read --json` follow them.
 */

/** Relation types, in the vocabulary reporting is annotated with (source acts on, holds or belongs to target). */
export const RELATION_TYPES = [
  'ownership',
  'directorship',
  'membership',
  'employment',
  'family',
  'associate',
  'supplies',
  'pays',
  'finances',
  'transports',
  'trades_with',
  'sanctions',
  'strikes',
  'allied_with',
  'controls',
  'operates',
  'threatens',
  'deploys',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const DOMAINS = [
  'economic',
  'energy',
  'military',
  'diplomatic',
  'political',
  'social',
  'criminal',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** Schemata a document party can have (FollowTheMoney names). */
export const PARTY_SCHEMATA = [
  'Person',
  'Organization',
  'Company',
  'PublicBody',
  'Country',
  'Vessel',
  'Location',
] as const;

export interface ExtractedMention {
  text: string;
  /** Character offsets into the document text (end exclusive). */
  start: number;
  end: number;
}

export interface ExtractedEntity {
  /** Local to the extraction ("e1", "e2"…). */
  id: string;
  name: string;
  schema: string;
  /** The store entity this party is, or null when no list knows it. */
  linked_id: string | null;
  /** How sure the link is (0..1); 0 when linked_id is null. */
  link_confidence: number;
  /** True when several store entities fit and none clearly wins: the link needs a reviewer. */
  ambiguous: boolean;
  mentions: ExtractedMention[];
}

export interface ExtractedRelation {
  /** Ids from the extraction's entities. */
  source: string;
  target: string;
  type: RelationType;
  /** The finer verb when the type is a family head: leads, launders_for, traffics, proxy_of, works_with, partner… */
  subtype: string | null;
  /** What flows, for supplies / transports / trades_with / pays: oil, refined fuel, gold, naphtha, drones… */
  item: string | null;
  domain: Domain;
  sentence: string;
  /** Offsets of the evidence sentence in the document text. */
  start: number;
  end: number;
  hedged: boolean;
  negated: boolean;
  /** YYYY, YYYY-MM or YYYY-MM-DD: stated in the sentence or its paragraph, else the document's date, else null. */
  date: string | null;
  confidence: number;
}

export interface Sentence {
  start: number;
  end: number;
}

export interface Extraction {
  sentences: Sentence[];
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}

export interface DocumentMeta {
  title?: string;
  /** The document's date (YYYY-MM-DD), used for claims whose sentence states none. */
  date?: string;
  url?: string;
  publisher?: string;
}

/**
 * A reader holds the gazetteer built from the store's names (built once, reused for every
 * document). `src/text/reader.ts` exports `createReader(store: Store): Promise<DocumentReader>`.
 */
export interface DocumentReader {
  read(text: string, meta?: DocumentMeta): Extraction;
  /** Gazetteer size and build cost, for benchmarks and `tangle read --verbose`. */
  readonly stats: { names: number; entities: number; buildMs: number };
}
