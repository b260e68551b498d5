/**
 * Documents, sentences, document parties, mentions and claims in the same SQLite file as the
 * lists, on the SqliteStore's connection (own tables, like the account tables).
 *
 * A document's id is derived from the SHA-256 of its text, so reading the same text twice finds
 * the first reading and stores nothing. A different text under the same url (or, without a url,
 * the same title) is the next version of that document: the old version stays, with its claims
 * and their reviews, but is no longer current; reviews of claims that the new version repeats
 * word for word are carried over, with a history entry saying so.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { FieldError } from '../errors.js';
import { model } from '../model/model.js';
import { shortHash } from '../model/entity.js';
import { normalizeName } from '../names/normalize.js';
import { DOMAINS, RELATION_TYPES, type Extraction } from '../text/extraction.js';
import type {
  ClaimEdit,
  ClaimQuery,
  ClaimReview,
  DocumentBornEntity,
  DocumentDetail,
  DocumentStore,
  NewDocument,
  PartyMention,
  PartyReview,
  PartyReviewRequest,
  ReviewRequest,
  ReviewStatus,
  SaveOptions,
  SaveOutcome,
  StoredClaim,
  StoredDocument,
  StoredDocumentEntity,
} from './documents.js';
import { REVIEW_STATUSES } from './documents.js';
import { ensureSchemaVersion, ensureTables } from './schema-version.js';

const DOCUMENTS_SCHEMA_VERSION = 1;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  series TEXT NOT NULL,
  version INTEGER NOT NULL,
  previous_id TEXT,
  current INTEGER NOT NULL,
  title TEXT,
  url TEXT,
  date TEXT,
  publisher TEXT,
  checksum TEXT NOT NULL,
  format TEXT NOT NULL,
  source_name TEXT,
  read_at TEXT NOT NULL,
  read_by TEXT,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_series ON documents (series, version);
CREATE TABLE IF NOT EXISTS document_sentences (
  document_id TEXT NOT NULL REFERENCES documents (id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  PRIMARY KEY (document_id, idx)
);
CREATE TABLE IF NOT EXISTS document_entities (
  document_id TEXT NOT NULL REFERENCES documents (id),
  local_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  name TEXT NOT NULL,
  schema TEXT NOT NULL,
  linked_id TEXT,
  link_confidence REAL NOT NULL,
  ambiguous INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected')),
  PRIMARY KEY (document_id, local_id)
);
CREATE INDEX IF NOT EXISTS document_entities_store ON document_entities (store_id);
CREATE TABLE IF NOT EXISTS document_mentions (
  document_id TEXT NOT NULL REFERENCES documents (id),
  local_id TEXT NOT NULL,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS document_mentions_entity ON document_mentions (document_id, local_id);
CREATE TABLE IF NOT EXISTS document_born_entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  schema TEXT NOT NULL,
  first_document_id TEXT NOT NULL REFERENCES documents (id),
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id),
  seq INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  source_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  source_local TEXT NOT NULL,
  target_local TEXT NOT NULL,
  type TEXT NOT NULL,
  subtype TEXT,
  item TEXT,
  domain TEXT NOT NULL,
  hedged INTEGER NOT NULL,
  negated INTEGER NOT NULL,
  date TEXT,
  confidence REAL NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected')),
  reviewed_by TEXT,
  reviewed_at TEXT
);
CREATE INDEX IF NOT EXISTS claims_document ON claims (document_id, seq);
CREATE INDEX IF NOT EXISTS claims_source ON claims (source_id);
CREATE INDEX IF NOT EXISTS claims_target ON claims (target_id);
CREATE TABLE IF NOT EXISTS claim_reviews (
  id INTEGER PRIMARY KEY,
  claim_id TEXT NOT NULL REFERENCES claims (id),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  changes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claim_reviews_claim ON claim_reviews (claim_id, id);
CREATE TABLE IF NOT EXISTS party_reviews (
  id INTEGER PRIMARY KEY,
  party_id TEXT NOT NULL REFERENCES document_born_entities (id),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected')),
  name TEXT NOT NULL,
  schema TEXT NOT NULL,
  changes TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX IF NOT EXISTS party_reviews_party ON party_reviews (party_id, id);
`;

/** Schemata a reviewer may give a document's party (the read contract's, or any FtM party schema). */
const PARTY_SCHEMATA = ['Person', 'Organization', 'Company', 'PublicBody', 'Country', 'Vessel', 'Location'];
const PARTY_NAME_MAX = 300;

interface DocumentRow {
  id: string;
  series: string;
  version: number;
  previous_id: string | null;
  current: number;
  title: string | null;
  url: string | null;
  date: string | null;
  publisher: string | null;
  checksum: string;
  format: string;
  source_name: string | null;
  read_at: string;
  read_by: string | null;
  length: number;
  entity_count: number;
  claim_count: number;
}

interface ClaimRow {
  id: string;
  document_id: string;
  sentence: string;
  start: number;
  end: number;
  source_id: string;
  target_id: string;
  source_local: string;
  target_local: string;
  type: string;
  subtype: string | null;
  item: string | null;
  domain: string;
  hedged: number;
  negated: number;
  date: string | null;
  confidence: number;
  status: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  doc_title: string | null;
  doc_date: string | null;
  doc_url: string | null;
}

interface EntityRow {
  local_id: string;
  store_id: string;
  name: string;
  schema: string;
  linked_id: string | null;
  link_confidence: number;
  ambiguous: number;
  status: string;
}

const DOCUMENT_COLUMNS = `d.id, d.series, d.version, d.previous_id, d.current, d.title, d.url, d.date, d.publisher,
  d.checksum, d.format, d.source_name, d.read_at, d.read_by, length(d.text) AS length,
  (SELECT count(*) FROM document_entities e WHERE e.document_id = d.id) AS entity_count,
  (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claim_count`;

const CLAIM_COLUMNS = `c.id, c.document_id, c.sentence, c.start, c."end", c.source_id, c.target_id, c.source_local, c.target_local, c.type,
  c.subtype, c.item, c.domain, c.hedged, c.negated, c.date, c.confidence, c.status, c.reviewed_by,
  c.reviewed_at, d.title AS doc_title, d.date AS doc_date, d.url AS doc_url`;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The id of a document's text: the same text always gets the same id. */
export function documentId(text: string): string {
  return `document-${sha256Hex(text).slice(0, 20)}`;
}

/** The stable store id of a party that no list knows: schema + normalised name. */
export function documentEntityId(schema: string, name: string): string {
  return `doc-${shortHash(schema, normalizeName(name))}`;
}

function toDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    url: row.url,
    publisher: row.publisher,
    checksum: row.checksum,
    version: row.version,
    previous_id: row.previous_id,
    current: row.current === 1,
    format: row.format,
    source_name: row.source_name,
    read_at: row.read_at,
    read_by: row.read_by,
    length: row.length,
    entity_count: row.entity_count,
    claim_count: row.claim_count,
  };
}

function toClaim(row: ClaimRow): StoredClaim {
  return {
    id: row.id,
    source_id: row.source_id,
    target_id: row.target_id,
    source_local: row.source_local,
    target_local: row.target_local,
    type: row.type as StoredClaim['type'],
    subtype: row.subtype,
    item: row.item,
    domain: row.domain as StoredClaim['domain'],
    hedged: row.hedged === 1,
    negated: row.negated === 1,
    date: row.date,
    status: row.status as ReviewStatus,
    confidence: row.confidence,
    reviewed_by: row.reviewed_by,
    reviewed_at: row.reviewed_at,
    document: { id: row.document_id, title: row.doc_title, date: row.doc_date, url: row.doc_url },
    sentence: row.sentence,
    start: row.start,
    end: row.end,
  };
}

/** Refuse an extraction whose ids or offsets do not fit its text: nothing unsourced is stored. */
function checkExtraction(text: string, extraction: Extraction): void {
  const inText = (start: number, end: number) =>
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end;
  const ids = new Set<string>();
  for (const e of extraction.entities) {
    if (ids.has(e.id)) throw new Error(`the reader returned the entity id ${e.id} twice`);
    ids.add(e.id);
    for (const m of e.mentions) {
      if (!inText(m.start, m.end))
        throw new Error(`the reader returned a mention of ${e.id} outside the text`);
    }
  }
  for (const r of extraction.relations) {
    if (!ids.has(r.source) || !ids.has(r.target)) {
      throw new Error(`the reader returned a relation between unknown entities ${r.source} → ${r.target}`);
    }
    if (!inText(r.start, r.end))
      throw new Error(`the reader returned a relation with offsets outside the text`);
    if (!(RELATION_TYPES as readonly string[]).includes(r.type)) {
      throw new Error(`the reader returned an unknown relation type ${r.type}`);
    }
    if (!(DOMAINS as readonly string[]).includes(r.domain)) {
      throw new Error(`the reader returned an unknown domain ${r.domain}`);
    }
  }
  for (const s of extraction.sentences) {
    if (!inText(s.start, s.end)) throw new Error('the reader returned a sentence outside the text');
  }
}

export class SqliteDocumentStore implements DocumentStore {
  private readonly now: () => Date;

  constructor(
    private readonly db: Database.Database,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    ensureTables(db, DDL);
    ensureSchemaVersion(db, 'documents_schema_version', DOCUMENTS_SCHEMA_VERSION, 'the document tables');
  }

  async saveReading(
    doc: NewDocument,
    extraction: Extraction,
    options: SaveOptions = {},
  ): Promise<SaveOutcome> {
    checkExtraction(doc.text, extraction);
    const id = documentId(doc.text);
    const run = this.db.transaction((): SaveOutcome => {
      const existing = this.documentRow(id);
      if (existing) {
        return {
          document: toDocument(existing),
          created: false,
          replaced: null,
          entities: this.entitiesOf(id),
          claims: this.claimsWhere('c.document_id = ?', [id]),
        };
      }
      const at = this.now().toISOString();
      const series = doc.url
        ? `url:${doc.url}`
        : doc.title
          ? `title:${normalizeName(doc.title)}`
          : `text:${id}`;
      const previous = this.db
        .prepare(`SELECT id, version FROM documents WHERE series = ? ORDER BY version DESC LIMIT 1`)
        .get(series) as { id: string; version: number } | undefined;
      if (previous) this.db.prepare(`UPDATE documents SET current = 0 WHERE series = ?`).run(series);
      this.db
        .prepare(
          `INSERT INTO documents (id, series, version, previous_id, current, title, url, date, publisher, checksum,
             format, source_name, read_at, read_by, text) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          series,
          (previous?.version ?? 0) + 1,
          previous?.id ?? null,
          doc.title ?? null,
          doc.url ?? null,
          doc.date ?? null,
          doc.publisher ?? null,
          sha256Hex(doc.text),
          doc.format,
          doc.sourceName ?? null,
          at,
          options.by ?? null,
          doc.text,
        );
      const addSentence = this.db.prepare(
        `INSERT INTO document_sentences (document_id, idx, start, "end") VALUES (?, ?, ?, ?)`,
      );
      extraction.sentences.forEach((s, i) => addSentence.run(id, i, s.start, s.end));

      const status: ReviewStatus = options.accept ? 'accepted' : 'proposed';
      const storeIds = new Map<string, string>();
      const addEntity = this.db.prepare(
        `INSERT INTO document_entities (document_id, local_id, store_id, name, schema, linked_id, link_confidence,
           ambiguous, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const addBorn = this.db.prepare(
        `INSERT OR IGNORE INTO document_born_entities (id, name, schema, first_document_id, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      );
      const addMention = this.db.prepare(
        `INSERT INTO document_mentions (document_id, local_id, text, start, "end") VALUES (?, ?, ?, ?, ?)`,
      );
      for (const e of extraction.entities) {
        const storeId = e.linked_id ?? documentEntityId(e.schema, e.name);
        storeIds.set(e.id, storeId);
        if (!e.linked_id) addBorn.run(storeId, e.name, e.schema, id, at);
        addEntity.run(
          id,
          e.id,
          storeId,
          e.name,
          e.schema,
          e.linked_id,
          e.linked_id ? e.link_confidence : 0,
          e.ambiguous ? 1 : 0,
          status,
        );
        for (const m of e.mentions) addMention.run(id, e.id, doc.text.slice(m.start, m.end), m.start, m.end);
      }

      const addClaim = this.db.prepare(
        `INSERT OR IGNORE INTO claims (id, document_id, seq, sentence, start, "end", source_id, target_id, source_local,
           target_local, type, subtype, item, domain, hedged, negated, date, confidence, status, reviewed_by, reviewed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const history = this.db.prepare(
        `INSERT INTO claim_reviews (claim_id, at, by, action, changes) VALUES (?, ?, ?, ?, ?)`,
      );
      const earlier = previous ? this.claimsWhere('c.document_id = ?', [previous.id]) : [];
      extraction.relations.forEach((r, seq) => {
        const source = storeIds.get(r.source)!;
        const target = storeIds.get(r.target)!;
        const sentence = doc.text.slice(r.start, r.end);
        const claimId = `claim-${shortHash(id, String(r.start), String(r.end), source, target, r.type, String(r.negated))}`;
        // A review of the same claim in the previous version still holds.
        const same = earlier.find(
          (c) =>
            c.status !== 'proposed' &&
            c.source_id === source &&
            c.target_id === target &&
            c.type === r.type &&
            c.negated === r.negated &&
            c.sentence === sentence,
        );
        const claimStatus = same ? same.status : status;
        const reviewedBy = same ? same.reviewed_by : options.accept ? (options.by ?? 'cli') : null;
        const reviewedAt = same ? same.reviewed_at : options.accept ? at : null;
        const inserted = addClaim.run(
          claimId,
          id,
          seq,
          sentence,
          r.start,
          r.end,
          source,
          target,
          r.source,
          r.target,
          r.type,
          r.subtype,
          r.item,
          r.domain,
          r.hedged ? 1 : 0,
          r.negated ? 1 : 0,
          r.date,
          r.confidence,
          claimStatus,
          reviewedBy,
          reviewedAt,
        ).changes;
        if (!inserted) return;
        if (same) {
          history.run(
            claimId,
            at,
            same.reviewed_by ?? 'unknown',
            'carried_over',
            JSON.stringify({ from: [same.id, claimStatus] }),
          );
        } else if (options.accept) {
          history.run(
            claimId,
            at,
            reviewedBy,
            'accept',
            JSON.stringify({ status: ['proposed', 'accepted'] }),
          );
        }
      });
      return {
        document: toDocument(this.documentRow(id)!),
        created: true,
        replaced: previous?.id ?? null,
        entities: this.entitiesOf(id),
        claims: this.claimsWhere('c.document_id = ?', [id]),
      };
    });
    return run.immediate();
  }

  private documentRow(id: string): DocumentRow | undefined {
    return this.db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as
      DocumentRow | undefined;
  }

  private entitiesOf(documentId: string): StoredDocumentEntity[] {
    const rows = this.db
      .prepare(
        // A reviewed party no list knows shows as the review left it, in every document naming it.
        `SELECT e.local_id, e.store_id, COALESCE(r.name, e.name) AS name, COALESCE(r.schema, e.schema) AS schema,
           e.linked_id, e.link_confidence, e.ambiguous, COALESCE(r.status, e.status) AS status
         FROM document_entities e
         LEFT JOIN party_reviews r ON r.id = (SELECT MAX(id) FROM party_reviews WHERE party_id = e.store_id)
         WHERE e.document_id = ? ORDER BY e.rowid`,
      )
      .all(documentId) as EntityRow[];
    const mentions = this.db
      .prepare(
        `SELECT local_id, text, start, "end" FROM document_mentions WHERE document_id = ? ORDER BY start`,
      )
      .all(documentId) as Array<{ local_id: string; text: string; start: number; end: number }>;
    return rows.map((r) => ({
      id: r.store_id,
      local_id: r.local_id,
      name: r.name,
      schema: r.schema,
      linked_id: r.linked_id,
      link_confidence: r.link_confidence,
      ambiguous: r.ambiguous === 1,
      status: r.status as ReviewStatus,
      mentions: mentions
        .filter((m) => m.local_id === r.local_id)
        .map((m) => ({ text: m.text, start: m.start, end: m.end })),
    }));
  }

  private claimsWhere(where: string, params: unknown[], limit = -1, offset = 0): StoredClaim[] {
    const rows = this.db
      .prepare(
        `SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id
         WHERE ${where} ORDER BY d.read_at, d.id, c.seq LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as ClaimRow[];
    return rows.map(toClaim);
  }

  async getDocument(id: string): Promise<DocumentDetail | undefined> {
    const row = this.documentRow(id);
    if (!row) return undefined;
    const { text } = this.db.prepare(`SELECT text FROM documents WHERE id = ?`).get(id) as { text: string };
    const sentences = this.db
      .prepare(`SELECT start, "end" FROM document_sentences WHERE document_id = ? ORDER BY idx`)
      .all(id) as Array<{ start: number; end: number }>;
    return {
      ...toDocument(row),
      text,
      sentences,
      entities: this.entitiesOf(id),
      claims: this.claimsWhere('c.document_id = ?', [id]),
    };
  }

  async listDocuments(
    options: { limit?: number; offset?: number; includeSuperseded?: boolean } = {},
  ): Promise<StoredDocument[]> {
    const rows = this.db
      .prepare(
        `SELECT ${DOCUMENT_COLUMNS} FROM documents d ${options.includeSuperseded ? '' : 'WHERE d.current = 1'}
         ORDER BY d.read_at, d.id LIMIT ? OFFSET ?`,
      )
      .all(options.limit ?? -1, options.offset ?? 0) as DocumentRow[];
    return rows.map(toDocument);
  }

  async countDocuments(options: { includeSuperseded?: boolean } = {}): Promise<number> {
    const where = options.includeSuperseded ? '' : 'WHERE current = 1';
    return (this.db.prepare(`SELECT count(*) AS n FROM documents ${where}`).get() as { n: number }).n;
  }

  private claimFilter(query: ClaimQuery): { where: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (!query.includeSuperseded && !query.documentId) parts.push('d.current = 1');
    if (query.status?.length) {
      for (const s of query.status) {
        if (!(REVIEW_STATUSES as readonly string[]).includes(s)) {
          throw new FieldError('status', `must be one of ${REVIEW_STATUSES.join(', ')}`);
        }
      }
      parts.push(`c.status IN (${query.status.map(() => '?').join(', ')})`);
      params.push(...query.status);
    }
    if (query.entityId) {
      parts.push('(c.source_id = ? OR c.target_id = ?)');
      params.push(query.entityId, query.entityId);
    }
    if (query.documentId) {
      parts.push('c.document_id = ?');
      params.push(query.documentId);
    }
    return { where: parts.length ? parts.join(' AND ') : '1 = 1', params };
  }

  async listClaims(query: ClaimQuery = {}): Promise<StoredClaim[]> {
    const { where, params } = this.claimFilter(query);
    return this.claimsWhere(where, params, query.limit ?? -1, query.offset ?? 0);
  }

  async countClaims(query: ClaimQuery = {}): Promise<number> {
    const { where, params } = this.claimFilter(query);
    return (
      this.db
        .prepare(`SELECT count(*) AS n FROM claims c JOIN documents d ON d.id = c.document_id WHERE ${where}`)
        .get(...params) as { n: number }
    ).n;
  }

  async getClaim(id: string): Promise<StoredClaim | undefined> {
    return this.claimsWhere('c.id = ?', [id])[0];
  }

  async reviewClaim(request: ReviewRequest): Promise<StoredClaim> {
    const run = this.db.transaction((): StoredClaim => {
      const claim = this.claimsWhere('c.id = ?', [request.claimId])[0];
      if (!claim) throw new FieldError('claim', `no claim ${request.claimId}`);
      const at = this.now().toISOString();
      const changes: Record<string, [unknown, unknown]> = {};
      const next = { ...claim };
      if (request.action === 'edit') applyEdit(next, request.edit ?? {});
      next.status = request.action === 'reject' ? 'rejected' : 'accepted';
      for (const key of ['source_id', 'target_id', 'type', 'domain', 'status'] as const) {
        if (next[key] !== claim[key]) changes[key] = [claim[key], next[key]];
      }
      if (request.action === 'edit' && Object.keys(changes).every((k) => k === 'status')) {
        throw new FieldError(
          'edit',
          'changes nothing: give --type, --source, --target, --reverse or --domain',
        );
      }
      this.db
        .prepare(
          `UPDATE claims SET source_id = ?, target_id = ?, type = ?, domain = ?, status = ?, reviewed_by = ?,
             reviewed_at = ? WHERE id = ?`,
        )
        .run(next.source_id, next.target_id, next.type, next.domain, next.status, request.by, at, claim.id);
      this.db
        .prepare(`INSERT INTO claim_reviews (claim_id, at, by, action, changes) VALUES (?, ?, ?, ?, ?)`)
        .run(claim.id, at, request.by, request.action, JSON.stringify(changes));
      return this.claimsWhere('c.id = ?', [claim.id])[0];
    });
    return run.immediate();
  }

  async claimHistory(claimId: string): Promise<ClaimReview[]> {
    const rows = this.db
      .prepare(
        `SELECT id, claim_id, at, by, action, changes FROM claim_reviews WHERE claim_id = ? ORDER BY id`,
      )
      .all(claimId) as Array<Omit<ClaimReview, 'changes'> & { changes: string }>;
    return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as ClaimReview['changes'] }));
  }

  async listDocumentEntities(): Promise<DocumentBornEntity[]> {
    return this.bornEntities('1 = 1', []);
  }

  async getDocumentEntity(id: string): Promise<DocumentBornEntity | undefined> {
    return this.bornEntities('b.id = ?', [id])[0];
  }

  /** Parties no list knows, as the latest review left them (name, schema, status). */
  private bornEntities(where: string, params: unknown[]): DocumentBornEntity[] {
    const rows = this.db
      .prepare(
        `SELECT b.id, COALESCE(r.name, b.name) AS name, COALESCE(r.schema, b.schema) AS schema,
           COALESCE(r.status, 'proposed') AS status, b.first_document_id,
           (SELECT group_concat(DISTINCT e.document_id) FROM document_entities e WHERE e.store_id = b.id) AS documents
         FROM document_born_entities b
         LEFT JOIN party_reviews r ON r.id = (SELECT MAX(id) FROM party_reviews WHERE party_id = b.id)
         WHERE ${where} ORDER BY name, b.id`,
      )
      .all(...params) as Array<Omit<DocumentBornEntity, 'documents'> & { documents: string | null }>;
    return rows.map((r) => ({ ...r, documents: r.documents ? r.documents.split(',') : [] }));
  }

  async reviewDocumentEntity(request: PartyReviewRequest): Promise<DocumentBornEntity> {
    const run = this.db.transaction((): DocumentBornEntity => {
      const party = this.bornEntities('b.id = ?', [request.id])[0];
      if (!party) throw new FieldError('id', `no party ${request.id} read from a document`);
      const next = { ...party };
      if (request.action === 'edit') {
        if (request.name === undefined && request.schema === undefined)
          throw new FieldError('edit', 'changes nothing: give a name or a schema');
        if (request.name !== undefined) {
          const name = request.name.replace(/\s+/g, ' ').trim();
          if (!name) throw new FieldError('name', 'must not be empty');
          if (name.length > PARTY_NAME_MAX)
            throw new FieldError('name', `must be at most ${PARTY_NAME_MAX} characters`);
          next.name = name;
        }
        if (request.schema !== undefined) {
          const known =
            PARTY_SCHEMATA.includes(request.schema) ||
            (model.has(request.schema) &&
              ['LegalEntity', 'Vehicle'].some((a) => model.get(request.schema!).isA(a)));
          if (!known)
            throw new FieldError(
              'schema',
              `must be one of ${PARTY_SCHEMATA.join(', ')} (or another FtM party schema)`,
            );
          next.schema = request.schema;
        }
      }
      next.status = request.action === 'reject' ? 'rejected' : 'accepted';
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of ['name', 'schema', 'status'] as const)
        if (next[key] !== party[key]) changes[key] = [party[key], next[key]];
      this.db
        .prepare(
          `INSERT INTO party_reviews (party_id, at, by, action, status, name, schema, changes, reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          party.id,
          this.now().toISOString(),
          request.by,
          request.action,
          next.status,
          next.name,
          next.schema,
          JSON.stringify(changes),
          request.reason ?? null,
        );
      return this.bornEntities('b.id = ?', [party.id])[0]!;
    });
    return run.immediate();
  }

  async documentEntityMentions(id: string, limit = 500): Promise<PartyMention[]> {
    const rows = this.db
      .prepare(
        `SELECT m.document_id, d.title, m.text, m.start, m."end",
           s.start AS sentence_start, s."end" AS sentence_end
         FROM document_entities e
         JOIN document_mentions m ON m.document_id = e.document_id AND m.local_id = e.local_id
         JOIN documents d ON d.id = e.document_id
         LEFT JOIN document_sentences s ON s.document_id = m.document_id AND s.start <= m.start AND s."end" >= m."end"
         WHERE e.store_id = ?
         ORDER BY d.read_at, m.document_id, m.start
         LIMIT ?`,
      )
      .all(id, limit) as Array<Omit<PartyMention, 'sentence'>>;
    // Sentences cut in JavaScript: the offsets count UTF-16 units, SQLite's substr code points.
    const texts = new Map<string, string>();
    const textOf = this.db.prepare(`SELECT text FROM documents WHERE id = ?`);
    return rows.map((r) => {
      if (r.sentence_start === null || r.sentence_end === null) return { ...r, sentence: null };
      let text = texts.get(r.document_id);
      if (text === undefined) {
        text = (textOf.get(r.document_id) as { text: string }).text;
        texts.set(r.document_id, text);
      }
      return { ...r, sentence: text.slice(r.sentence_start, r.sentence_end) };
    });
  }

  async documentEntityHistory(id: string): Promise<PartyReview[]> {
    const rows = this.db
      .prepare(
        `SELECT id, party_id, at, by, action, changes, reason FROM party_reviews WHERE party_id = ? ORDER BY id`,
      )
      .all(id) as Array<Omit<PartyReview, 'changes'> & { changes: string }>;
    return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as PartyReview['changes'] }));
  }

  async rejectedDocumentEntities(): Promise<Set<string>> {
    const rows = this.db
      .prepare(
        `SELECT party_id FROM party_reviews r WHERE r.id = (SELECT MAX(id) FROM party_reviews WHERE party_id = r.party_id)
           AND r.status = 'rejected'`,
      )
      .all() as Array<{ party_id: string }>;
    return new Set(rows.map((r) => r.party_id));
  }

  marker(): string {
    const row = this.db
      .prepare(
        `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM claims) AS claims,
           (SELECT COALESCE(MAX(id), 0) FROM claim_reviews) AS reviews,
           (SELECT COALESCE(MAX(id), 0) FROM party_reviews) AS parties`,
      )
      .get() as { documents: number; claims: number; reviews: number; parties: number };
    return `${row.documents}.${row.claims}.${row.reviews}.${row.parties}`;
  }

  async hasDocumentEntity(id: string): Promise<boolean> {
    return this.db.prepare(`SELECT 1 FROM document_born_entities WHERE id = ?`).get(id) !== undefined;
  }
}

/** Apply a reviewer's correction to a claim (in memory; the caller stores it). */
function applyEdit(claim: StoredClaim, edit: ClaimEdit): void {
  if (edit.type !== undefined) {
    if (!(RELATION_TYPES as readonly string[]).includes(edit.type)) {
      throw new FieldError('type', `must be one of ${RELATION_TYPES.join(', ')}`);
    }
    claim.type = edit.type;
  }
  if (edit.domain !== undefined) {
    if (!(DOMAINS as readonly string[]).includes(edit.domain)) {
      throw new FieldError('domain', `must be one of ${DOMAINS.join(', ')}`);
    }
    claim.domain = edit.domain;
  }
  if (edit.source !== undefined) claim.source_id = edit.source;
  if (edit.target !== undefined) claim.target_id = edit.target;
  if (edit.reverse) [claim.source_id, claim.target_id] = [claim.target_id, claim.source_id];
  if (claim.source_id === claim.target_id)
    throw new FieldError('target', 'a claim needs two different parties');
}
