/**
 * What reading leaves in the store: documents (versioned by url or title), their sentences, the
 * parties they name with every mention, and the claims they make, each claim pointing at its
 * document, evidence sentence and character offsets. Claims are reviewed (proposed → accepted or
 * rejected, or edited), and every review is kept in a history: who, when, what changed.
 *
 * A claim's endpoints are store ids: the list entity a party was linked to, or for a party that no
 * list knows a stable id derived from its schema and normalised name (`doc-<hash>`), so that two
 * documents naming the same unlisted group meet in one node.
 *
 * Asynchronous like the Store, so that a PostgreSQL implementation can stand beside SQLite.
 */
import type { Domain, Extraction, RelationType } from '../text/extraction.js';

export const REVIEW_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_ACTIONS = ['accept', 'reject', 'edit'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface NewDocument {
  text: string;
  title?: string;
  url?: string;
  /** YYYY-MM-DD */
  date?: string;
  publisher?: string;
  /** The format the text was extracted from (text, markdown, html, pdf, docx). */
  format: string;
  /** The file name or upload name the text came from. */
  sourceName?: string;
}

export interface DocumentRef {
  id: string;
  title: string | null;
  date: string | null;
  url: string | null;
}

export interface StoredDocument extends DocumentRef {
  publisher: string | null;
  /** SHA-256 of the text. */
  checksum: string;
  /** 1 for the first text read under a url (or title), 2 for the next changed text, … */
  version: number;
  /** The version this one replaced, if any. */
  previous_id: string | null;
  /** False once a newer version of the same document has been read. */
  current: boolean;
  format: string;
  source_name: string | null;
  read_at: string;
  read_by: string | null;
  /** Characters of text. */
  length: number;
  entity_count: number;
  claim_count: number;
}

export interface StoredMention {
  text: string;
  start: number;
  end: number;
}

export interface StoredDocumentEntity {
  /** The store id the party stands for: linked_id, or `doc-<hash>` for a party no list knows. */
  id: string;
  /** The id within the document's extraction (e1, e2…). */
  local_id: string;
  name: string;
  schema: string;
  linked_id: string | null;
  link_confidence: number;
  ambiguous: boolean;
  status: ReviewStatus;
  mentions: StoredMention[];
}

export interface StoredClaim {
  id: string;
  /** Store ids of the two parties (after any review edit). */
  source_id: string;
  target_id: string;
  /** The parties as the reading found them: entity ids within the document (e1, e2…). */
  source_local: string;
  target_local: string;
  type: RelationType;
  subtype: string | null;
  item: string | null;
  domain: Domain;
  hedged: boolean;
  negated: boolean;
  date: string | null;
  status: ReviewStatus;
  confidence: number;
  reviewed_by: string | null;
  reviewed_at: string | null;
  document: DocumentRef;
  sentence: string;
  start: number;
  end: number;
}

export interface DocumentDetail extends StoredDocument {
  text: string;
  sentences: Array<{ start: number; end: number }>;
  entities: StoredDocumentEntity[];
  claims: StoredClaim[];
}

/** A party that only documents know, with the documents that name it. */
export interface DocumentBornEntity {
  id: string;
  /** As the reading named and typed it, or as a reviewer corrected it. */
  name: string;
  schema: string;
  /** proposed until a reviewer accepts (or edits) or rejects it; a rejected party's claims reach no graph. */
  status: ReviewStatus;
  first_document_id: string;
  documents: string[];
}

/** Where a document names a party: the mention and the sentence around it, for a reviewer to see. */
export interface PartyMention {
  document_id: string;
  title: string | null;
  text: string;
  start: number;
  end: number;
  /** The sentence holding the mention (offsets in the document text, end exclusive), when known. */
  sentence_start: number | null;
  sentence_end: number | null;
  sentence: string | null;
}

/** A reviewer's decision on a party no list knows (its `doc-…` id, across every document naming it). */
export interface PartyReviewRequest {
  id: string;
  action: ReviewAction;
  /** edit: the right name and / or schema. */
  name?: string;
  schema?: string;
  reason?: string;
  by: string;
}

export interface PartyReview {
  id: number;
  party_id: string;
  at: string;
  by: string;
  action: ReviewAction;
  /** What the review changed: field → [before, after]. */
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
}

export interface ClaimQuery {
  status?: ReviewStatus[];
  /** Claims with this store id as source or target. */
  entityId?: string;
  documentId?: string;
  /** Also claims of documents that a newer version has replaced (default: only current versions). */
  includeSuperseded?: boolean;
  limit?: number;
  offset?: number;
}

export interface SaveOptions {
  /** Accept every claim and every new party of this reading (single-user workflow). */
  accept?: boolean;
  /** Who read it (a username, or null from the command line without --by). */
  by?: string | null;
}

export interface SaveOutcome {
  document: StoredDocument;
  /** False when exactly this text had been read before: nothing was stored again. */
  created: boolean;
  /** The id of the version this reading replaced. */
  replaced: string | null;
  entities: StoredDocumentEntity[];
  claims: StoredClaim[];
}

export interface ClaimEdit {
  type?: RelationType;
  source?: string;
  target?: string;
  /** Swap source and target (after any new source / target is applied). */
  reverse?: boolean;
  domain?: Domain;
}

export interface ReviewRequest {
  claimId: string;
  action: ReviewAction;
  by: string;
  edit?: ClaimEdit;
}

export interface ClaimReview {
  id: number;
  claim_id: string;
  at: string;
  by: string;
  action: ReviewAction | 'carried_over';
  /** Field → [before, after]. */
  changes: Record<string, [unknown, unknown]>;
}

export interface DocumentStore {
  /** Store one reading in one transaction; reading the same text again changes nothing. */
  saveReading(doc: NewDocument, extraction: Extraction, options?: SaveOptions): Promise<SaveOutcome>;
  getDocument(id: string): Promise<DocumentDetail | undefined>;
  listDocuments(options?: {
    limit?: number;
    offset?: number;
    includeSuperseded?: boolean;
  }): Promise<StoredDocument[]>;
  countDocuments(options?: { includeSuperseded?: boolean }): Promise<number>;
  listClaims(query?: ClaimQuery): Promise<StoredClaim[]>;
  countClaims(query?: ClaimQuery): Promise<number>;
  getClaim(id: string): Promise<StoredClaim | undefined>;
  /** Accept, reject or edit a claim; the review is recorded with who and when. */
  reviewClaim(request: ReviewRequest): Promise<StoredClaim>;
  claimHistory(claimId: string): Promise<ClaimReview[]>;
  /** Parties that no list knows, met in documents (the graph makes nodes of them). */
  listDocumentEntities(): Promise<DocumentBornEntity[]>;
  /** Whether a store id is a party born in a document. */
  hasDocumentEntity(id: string): Promise<boolean>;
  /** One such party, with its review state; undefined for an id no document made. */
  getDocumentEntity(id: string): Promise<DocumentBornEntity | undefined>;
  /** Accept, reject or correct (name, schema) a party no list knows; recorded with who and when. */
  reviewDocumentEntity(request: PartyReviewRequest): Promise<DocumentBornEntity>;
  documentEntityHistory(id: string): Promise<PartyReview[]>;
  /** Every mention of a party across the documents naming it (document order, then text order). */
  documentEntityMentions(id: string, limit?: number): Promise<PartyMention[]>;
  /** Ids of parties a reviewer rejected: their claims are kept but make no link. */
  rejectedDocumentEntities(): Promise<Set<string>>;
  /** Changes whenever a document is read or a claim reviewed (also by another process). */
  marker(): string;
}
