/**
 * Reading documents into the store, and reviewing what they claim: the work behind
 * `tangle read / documents / claims / review` and the /documents and /claims routes.
 *
 * Files are turned into text first, all of them, so that one bad file in a batch stops the batch
 * before anything is stored. Each document is then read (unless exactly this text was read
 * before) and stored in one transaction.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { FieldError, InputError } from '../errors.js';
import type {
  ClaimEdit,
  DocumentBornEntity,
  DocumentStore,
  ReviewAction,
  SaveOutcome,
  StoredClaim,
} from '../store/documents.js';
import { documentId } from '../store/sqlite-documents.js';
import type { Store } from '../store/store.js';
import { DOCUMENT_EXTENSIONS, documentTextFromFile, type DocumentFormat } from '../text/document-text.js';
import type { DocumentMeta, DocumentReader } from '../text/extraction.js';

export interface ReadingContext {
  store: Store;
  documents: DocumentStore;
  /** The reader, built on first use (see ReaderCache). */
  reader: () => Promise<DocumentReader>;
}

/** A document's text, ready to read. */
export interface DocumentInput {
  /** The file or upload name, for errors and provenance. */
  name: string;
  text: string;
  format: DocumentFormat;
  /** A title the file itself states. */
  fileTitle?: string;
}

export interface ReadOptions {
  accept?: boolean;
  by?: string | null;
}

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX_META = 2000;

/** Check the metadata a user gives for a document; errors name the field. */
export function checkDocumentMeta(meta: DocumentMeta): DocumentMeta {
  const out: DocumentMeta = {};
  for (const key of ['title', 'url', 'date', 'publisher'] as const) {
    const value = meta[key]?.trim();
    if (!value) continue;
    if (value.length > MAX_META) throw new FieldError(key, `is longer than ${MAX_META} characters`);
    out[key] = value;
  }
  if (out.date !== undefined) {
    const valid = DATE_RE.test(out.date) && !Number.isNaN(Date.parse(`${out.date}T00:00:00Z`));
    if (!valid || new Date(`${out.date}T00:00:00Z`).toISOString().slice(0, 10) !== out.date) {
      throw new FieldError('date', `must be a date YYYY-MM-DD, not "${out.date}"`);
    }
  }
  if (out.url !== undefined && !/^https?:\/\/\S+$/i.test(out.url)) {
    throw new FieldError('url', 'must be an http:// or https:// address');
  }
  return out;
}

/** The document files named: files as given, folders by every readable document inside them. */
export async function documentFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && DOCUMENT_EXTENSIONS.includes(extname(e.name).toLowerCase())) out.push(path);
    }
  };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError({ file: path }, 'no such file or folder');
    }
    if (info.isDirectory()) await walk(path);
    else out.push(path);
  }
  return out;
}

/** Turn files into text; the first bad file stops everything (nothing has been stored yet). */
export async function loadDocumentFiles(
  paths: string[],
  onProgress?: (done: number, total: number) => void,
  maxBytes?: number,
): Promise<DocumentInput[]> {
  const inputs: DocumentInput[] = [];
  for (const [i, path] of paths.entries()) {
    const { text, format, title } = await documentTextFromFile(path, maxBytes ? { maxBytes } : {});
    inputs.push({ name: path, text, format, ...(title ? { fileTitle: title } : {}) });
    onProgress?.(i + 1, paths.length);
  }
  return inputs;
}

/**
 * Read one document and store what it says. Exactly the same text read before is not read again:
 * the stored reading is returned (created: false).
 */
export async function readDocument(
  ctx: ReadingContext,
  input: DocumentInput,
  meta: DocumentMeta = {},
  options: ReadOptions = {},
): Promise<SaveOutcome> {
  const checked = checkDocumentMeta(meta);
  const title = checked.title ?? input.fileTitle ?? basename(input.name, extname(input.name));
  const known = await ctx.documents.getDocument(documentId(input.text));
  if (known) {
    const { text: _text, sentences: _sentences, entities, claims, ...document } = known;
    return { document, created: false, replaced: null, entities, claims };
  }
  const reader = await ctx.reader();
  const full: DocumentMeta = { ...checked, title };
  const extraction = reader.read(input.text, full);
  return ctx.documents.saveReading(
    { ...full, text: input.text, format: input.format, sourceName: basename(input.name) },
    extraction,
    options,
  );
}

/**
 * What `tangle read --json` prints for one document: the document, its parties with their
 * mentions, and its relations with evidence — the field names of the reading contract, plus the
 * store ids, claim ids and review status.
 */
export function readingJson(outcome: SaveOutcome): Record<string, unknown> {
  const d = outcome.document;
  return {
    document: {
      id: d.id,
      title: d.title,
      date: d.date,
      url: d.url,
      publisher: d.publisher,
      version: d.version,
      checksum: d.checksum,
      format: d.format,
      created: outcome.created,
      replaced: outcome.replaced,
    },
    entities: outcome.entities.map((e) => ({
      id: e.local_id,
      name: e.name,
      schema: e.schema,
      linked_id: e.linked_id,
      link_confidence: e.link_confidence,
      ambiguous: e.ambiguous,
      store_id: e.id,
      status: e.status,
      mentions: e.mentions,
    })),
    relations: outcome.claims.map((c) => ({
      source: c.source_local,
      target: c.target_local,
      type: c.type,
      subtype: c.subtype,
      item: c.item,
      domain: c.domain,
      sentence: c.sentence,
      start: c.start,
      end: c.end,
      hedged: c.hedged,
      negated: c.negated,
      date: c.date,
      confidence: c.confidence,
      claim_id: c.id,
      source_id: c.source_id,
      target_id: c.target_id,
      status: c.status,
    })),
  };
}

/** Whether a store id names a party: a list entity or a party born in a document. */
async function knownParty(ctx: Pick<ReadingContext, 'store' | 'documents'>, id: string): Promise<boolean> {
  return (await ctx.documents.hasDocumentEntity(id)) || (await ctx.store.getEntity(id)) !== undefined;
}

/**
 * Accept, reject or edit a claim as `by`. Returns undefined when there is no such claim. An edit
 * may only point a claim at parties the store knows.
 */
export async function reviewClaim(
  ctx: Pick<ReadingContext, 'store' | 'documents'>,
  claimId: string,
  action: ReviewAction,
  by: string,
  edit: ClaimEdit = {},
): Promise<StoredClaim | undefined> {
  if (!(await ctx.documents.getClaim(claimId))) return undefined;
  if (action !== 'edit' && Object.values(edit).some((v) => v !== undefined && v !== false)) {
    throw new FieldError('action', 'changes (type, source, target, reverse, domain) need the edit action');
  }
  for (const side of ['source', 'target'] as const) {
    const id = edit[side];
    if (id !== undefined && !(await knownParty(ctx, id))) {
      throw new FieldError(side, `no entity ${id} in the store or in any document`);
    }
  }
  return ctx.documents.reviewClaim({ claimId, action, by, edit });
}

/**
 * Accept, reject or correct (name, schema) a party no list knows, as `by`. Returns undefined when
 * no document made that party. A party a list knows is not reviewed here: merging or parting it
 * from a list entry is a judgement (`tangle judge`, POST /judgements).
 */
export async function reviewParty(
  ctx: Pick<ReadingContext, 'documents'>,
  id: string,
  action: ReviewAction,
  by: string,
  edit: { name?: string; schema?: string; reason?: string } = {},
): Promise<DocumentBornEntity | undefined> {
  if (!(await ctx.documents.getDocumentEntity(id))) return undefined;
  if (action !== 'edit' && (edit.name !== undefined || edit.schema !== undefined)) {
    throw new FieldError('action', 'a new name or schema needs the edit action');
  }
  return ctx.documents.reviewDocumentEntity({ id, action, by, ...edit });
}

/** Display names of store ids (list captions, document party names), for tables. */
export async function partyNames(
  ctx: Pick<ReadingContext, 'store' | 'documents'>,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const born = new Map((await ctx.documents.listDocumentEntities()).map((e) => [e.id, e.name]));
  for (const id of new Set(ids)) {
    const name = born.get(id) ?? (await ctx.store.getEntity(id))?.caption;
    names.set(id, name ?? id);
  }
  return names;
}
