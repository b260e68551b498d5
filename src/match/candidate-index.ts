/**
 * The in-memory candidate index: from a query's name keys (exact tokens, spelling variants,
 * phonetic codes, consonant skeletons, numbers, identifiers) to the few hundred list entities most
 * worth scoring, without scanning the list.
 *
 * Each key weighs by its kind and by its inverse document frequency, so a rare surname counts far
 * more than "Mohammed" or "Trading". Typos are handled at the vocabulary level: a query word that
 * is not a known list word is looked up in a 3-gram index of the list's words, and the known words
 * within a small edit distance stand in for it. That keeps the entity index small (no 3-gram
 * postings per entity) and common queries fast. Candidates are then scored in full by
 * scoreEntity; only the results that will be shown get explanations.
 *
 * Small lists keep every entity's analysis in memory; very large ones (the 1M-entity benchmark)
 * keep only keys and re-analyse the few hundred candidates a query touches.
 */
import { model } from '../model/model.js';
import { visitNameKeys } from '../names/keys.js';
import type { EntityRecord } from '../store/store.js';
import {
  analyzeEntityNames,
  prepareQuery,
  resolveConfig,
  schemataCompatible,
  scoreAnalyzed,
  scoreEntity,
  type AnalyzedEntity,
  type MatchEntity,
  type MatchResult,
  type ScoreConfig,
} from './entity.js';
import { maxEdits, nameEditDistance } from './distance.js';
import { identifierKind, normalizeIdentifier } from './features.js';
import { PostingLists, PostingListsBuilder, type PostingListsData } from './posting-lists.js';
import { gramSlots, WordGrams, type WordGramsData } from './word-grams.js';

/** Candidates with less than this share of the query's attainable key weight are not scored. */
const PRUNE_FRACTION = 0.2;

/** Weight of a key by its kind (the prefix nameKeys gives it). */
const KIND_WEIGHT: Record<string, number> = {
  t: 1,
  v: 0.9,
  f: 0.8,
  s: 0.7,
  p: 0.6,
  n: 0.8,
  g: 0.3,
  i: 3,
};

/** Schemata that are screened: matchable FtM things (addresses are matched as part of entities). */
export function isScreenable(schema: string): boolean {
  if (!model.has(schema)) return false;
  const s = model.get(schema);
  return s.matchable && s.isA('Thing') && !s.isA('Address') && !s.edge;
}

/** A list entity as the index keeps it: the store's record, unchanged (topics and programmes are properties). */
export type IndexedEntity = EntityRecord;

export interface CandidateFilter {
  /** Only entities in at least one of these datasets. */
  includeDatasets?: readonly string[];
  excludeDatasets?: readonly string[];
  /** Only entities with at least one of these topics. */
  topics?: readonly string[];
  excludeIds?: readonly string[];
  excludeSchemata?: readonly string[];
  /** Only entities whose last change is on or after this date. */
  changedSince?: string;
}

export interface ScreenOptions extends CandidateFilter, ScoreConfig {
  /** Results to return (default 5). */
  limit?: number;
  /** Candidates to score in full (default 150). */
  candidates?: number;
  /** Return non-matching results too, best first (default: only those at or above the threshold). */
  includeNonMatches?: boolean;
}

export interface ScreenHit {
  entity: IndexedEntity;
  result: MatchResult;
}

export interface ScreenOutcome {
  hits: ScreenHit[];
  /** How many candidates scored at or above the threshold (yente's total). */
  matches: number;
  candidatesScored: number;
}

/** Identifier keys, shared by entities and queries: any identifier-typed value, normalised. */
function identifierKeys(schema: string, properties: Readonly<Record<string, readonly string[]>>): string[] {
  const keys: string[] = [];
  const s = model.has(schema) ? model.get(schema) : undefined;
  for (const prop in properties) {
    const kind = identifierKind(s, prop);
    if (!kind) continue;
    for (const v of properties[prop] ?? []) {
      const n = normalizeIdentifier(kind, v);
      if (n) keys.push(`i:${n}`);
    }
  }
  return keys;
}

/** A bounded min-heap of (score, index) keeping the best `size` entries. */
class TopK {
  private scores: Float64Array;
  private items: Int32Array;
  length = 0;
  constructor(private readonly size: number) {
    this.scores = new Float64Array(size);
    this.items = new Int32Array(size);
  }
  push(score: number, item: number): void {
    if (this.length < this.size) {
      let i = this.length++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.scores[parent] <= score) break;
        this.scores[i] = this.scores[parent];
        this.items[i] = this.items[parent];
        i = parent;
      }
      this.scores[i] = score;
      this.items[i] = item;
      return;
    }
    if (score <= this.scores[0]) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.length) break;
      const r = l + 1;
      const c = r < this.length && this.scores[r] < this.scores[l] ? r : l;
      if (this.scores[c] >= score) break;
      this.scores[i] = this.scores[c];
      this.items[i] = this.items[c];
      i = c;
    }
    this.scores[i] = score;
    this.items[i] = item;
  }
  values(): number[] {
    return Array.from(this.items.subarray(0, this.length));
  }
}

/**
 * Working arrays of one query, made once per index so that a query allocates no per-entity or
 * per-key arrays. Queries run one at a time on a thread (screening is synchronous).
 */
class QueryScratch {
  /** Key weight collected per entity; reset to 0 for every entity touched. */
  readonly accumulator: Float64Array;
  /** Entities with weight, in the order first touched. */
  readonly touched: Int32Array;
  /** The stamp of the last query that used a key: each key counts once per query. */
  readonly keyStamp: Uint32Array;
  /** 3-grams shared with the word looked up, per list word (see nearWords); reset after use. */
  readonly gramHits: Uint8Array;
  readonly touchedWords: Int32Array;
  private stamp = 0;
  constructor(entities: number, keys: number) {
    this.accumulator = new Float64Array(entities);
    this.touched = new Int32Array(entities);
    this.keyStamp = new Uint32Array(keys);
    this.gramHits = new Uint8Array(keys);
    this.touchedWords = new Int32Array(keys);
  }
  nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.keyStamp.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

/** Analyses a lazy index keeps once computed. */
const LAZY_CACHE_LIMIT = 20_000;

export interface IndexSnapshot {
  entities: IndexedEntity[];
  postings: PostingListsData;
  wordGrams: WordGramsData;
}

/** Query words whose near list words an index remembers (see nearWordsOf). */
const NEAR_WORD_MEMO_LIMIT = 50_000;

/** Words shorter than this are not looked up for typos (too many near neighbours). */
const MIN_TYPO_WORD = 4;

export interface BuildOptions {
  /** Keep every entity's analysis in memory (fast queries); default when there are ≤ 200k entities. */
  eager?: boolean;
}

export class CandidateIndex {
  readonly entities: IndexedEntity[] = [];
  private analyses: Array<AnalyzedEntity | undefined> = [];
  /** Key → entities having it. */
  private postings = PostingLists.empty();
  private readonly byId = new Map<string, number>();
  /**
   * 3-gram → list words containing it (as the numbers of their `t:` keys in `postings`), for
   * finding the known words a misspelt word stands for.
   */
  private wordGrams = WordGrams.empty();
  /**
   * The key numbers of a word's keys (NamePart.indexKeys: one shared array per distinct word),
   * -1 for keys the index lacks: each word's keys are looked up once, at build or first query.
   */
  private readonly wordKeyIds = new WeakMap<readonly string[], number[]>();
  private scratch = new QueryScratch(0, 0);
  private readonly nearWordMemo = new Map<string, ReadonlyArray<readonly [number, number]>>();
  /** Each entity's schema, as a number into `schemaNames` (a few dozen schemata). */
  private schemaOf = new Uint16Array(0);
  private readonly schemaNames: string[] = [];
  /** Query schema → per schema number, 1 when an entity of that schema can match it. */
  private readonly compatibleSchemata = new Map<string, Uint8Array>();
  private eager = true;
  private lazyCached = 0;
  readonly buildMs: number = 0;

  /** Build from current entity records; the records are kept (not copied) as the index's entities. */
  static build(records: Iterable<EntityRecord>, options: BuildOptions = {}): CandidateIndex {
    const t0 = performance.now();
    const index = new CandidateIndex();
    index.eager = options.eager ?? (Array.isArray(records) ? records.length <= 200_000 : true);
    const postings = new PostingListsBuilder();
    // A word's keys are one shared array (see visitNameKeys): translated to key numbers once.
    const wordKeyIds = index.wordKeyIds;
    let item = 0;
    const addWordKeys = (keys: readonly string[]): void => {
      let ids = wordKeyIds.get(keys);
      if (!ids) {
        ids = keys.map((k) => postings.keyId(k));
        wordKeyIds.set(keys, ids);
      }
      for (let k = 0; k < ids.length; k++) postings.addToKey(ids[k]!, item);
    };
    const addKey = (kind: string, text: string): void =>
      postings.addToKey(postings.keyIdOf(kind, text), item);
    for (const record of records) {
      if (!isScreenable(record.schema)) continue;
      const analyzed = analyzeEntityNames(record);
      if (!analyzed.names.length) continue;
      const i = index.entities.length;
      index.entities.push(record);
      if (index.eager) index.analyses.push(analyzed);
      index.byId.set(record.id, i);
      item = i;
      for (const n of analyzed.names) visitNameKeys(n.analysis, addWordKeys, addKey);
      for (const key of identifierKeys(record.schema, record.properties)) postings.add(key, i);
    }
    index.postings = postings.build();
    const built = index.postings;
    index.wordGrams = WordGrams.build(built.texts, (text, id) =>
      built.kind(id) === 't' && text.length >= MIN_TYPO_WORD ? text : undefined,
    );
    index.scratch = new QueryScratch(index.entities.length, built.size);
    index.numberSchemata();
    (index as { buildMs: number }).buildMs = performance.now() - t0;
    return index;
  }

  /** What a snapshot keeps: entities and keys, not the name analyses (redone on demand). */
  snapshot(): IndexSnapshot {
    return { entities: this.entities, postings: this.postings.data(), wordGrams: this.wordGrams.data() };
  }

  /** An index from a snapshot: analyses are computed for candidates as queries need them. */
  static fromSnapshot(snapshot: IndexSnapshot): CandidateIndex {
    const index = new CandidateIndex();
    index.eager = false;
    index.entities.push(...snapshot.entities);
    snapshot.entities.forEach((e, i) => index.byId.set(e.id, i));
    index.postings = PostingLists.fromData(snapshot.postings);
    index.wordGrams = WordGrams.fromData(snapshot.wordGrams);
    index.scratch = new QueryScratch(index.entities.length, index.postings.size);
    index.numberSchemata();
    return index;
  }

  private numberSchemata(): void {
    const numbers = new Map<string, number>();
    this.schemaOf = new Uint16Array(this.entities.length);
    this.entities.forEach((e, i) => {
      let n = numbers.get(e.schema);
      if (n === undefined) {
        numbers.set(e.schema, (n = this.schemaNames.length));
        this.schemaNames.push(e.schema);
      }
      this.schemaOf[i] = n;
    });
  }

  /** Which schema numbers can match a query of this schema. */
  private compatibleWith(schema: string): Uint8Array {
    let allowed = this.compatibleSchemata.get(schema);
    if (!allowed) {
      if (this.compatibleSchemata.size >= 256) this.compatibleSchemata.clear(); // unknown schemata
      allowed = Uint8Array.from(this.schemaNames, (s) => (schemataCompatible(schema, s) ? 1 : 0));
      this.compatibleSchemata.set(schema, allowed);
    }
    return allowed;
  }

  get size(): number {
    return this.entities.length;
  }

  get keyCount(): number {
    return this.postings.size;
  }

  getEntity(id: string): IndexedEntity | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entities[i];
  }

  /** The name analysis of entity `i` (kept, or made now for a lazy index). */
  analysisOf(i: number): AnalyzedEntity {
    const cached = this.analyses[i];
    if (cached) return cached;
    const e = this.entities[i];
    const analyzed = analyzeEntityNames({ id: e.id, schema: e.schema, properties: e.properties });
    // A lazy index keeps what queries needed, up to a bound (a book screens the same names often).
    if (this.lazyCached < LAZY_CACHE_LIMIT) {
      this.analyses[i] = analyzed;
      this.lazyCached++;
    }
    return analyzed;
  }

  private idf(df: number): number {
    return Math.log(1 + this.entities.length / df);
  }

  /**
   * Indices of the most promising entities for a query, best first by key overlap. Only entities
   * that `keep` accepts compete for the `max` places: a filter applied after the cut would let
   * candidates it rejects crowd out the ones it wants.
   */
  candidates(
    query: AnalyzedEntity,
    properties: Readonly<Record<string, readonly string[]>>,
    max: number,
    keep?: (entity: number) => boolean,
  ): number[] {
    const { accumulator: acc, touched, keyStamp } = this.scratch;
    const stamp = this.scratch.nextStamp();
    let nTouched = 0;
    const postings = this.postings;
    const { offsets, items } = postings;
    let factor = 1;
    let nameTotal = 0;
    /** Add a key's entities (each key once per query); its weight, or 0 when it adds nothing. */
    const add = (id: number, keyFactor: number): number => {
      if (id < 0 || keyStamp[id] === stamp) return 0;
      keyStamp[id] = stamp;
      const start = offsets[id]!;
      const end = offsets[id + 1]!;
      const w = (KIND_WEIGHT[postings.kind(id)] ?? 0.5) * this.idf(end - start) * keyFactor;
      for (let j = start; j < end; j++) {
        const e = items[j]!;
        if (acc[e] === 0) touched[nTouched++] = e;
        acc[e] += w;
      }
      return w;
    };
    const addWordKeys = (keys: readonly string[]): void => {
      const ids = this.keyIdsOf(keys);
      for (let k = 0; k < ids.length; k++) nameTotal += add(ids[k]!, factor);
    };
    const addOtherKey = (kind: string, text: string): void => {
      nameTotal += add(postings.idOfText(kind, text) ?? -1, factor);
    };
    // The most key weight one query name can collect: candidates far below it share only common
    // words with the query ("Mohammed", "Trading") and are not worth scoring.
    let bestName = 0;
    for (const name of query.names) {
      factor = name.weak ? 0.7 : 1;
      nameTotal = 0;
      visitNameKeys(name.analysis, addWordKeys, addOtherKey);
      // Folded spellings, the other way round from the list's `f:` keys (see keys.ts).
      for (const part of name.analysis.parts) {
        if (part.role !== 'word' || part.script !== 'latin') continue;
        if (part.folded !== part.text) nameTotal += add(postings.idOfText('t', part.folded) ?? -1, factor);
        else nameTotal += add(postings.idOfText('f', part.text) ?? -1, factor);
      }
      if (nameTotal > bestName) bestName = nameTotal;
      // A word the lists do not have may be a typo of one they do: use the near words instead.
      for (const part of name.analysis.parts) {
        if (
          part.role !== 'word' ||
          part.text.length < MIN_TYPO_WORD ||
          postings.idOfText('t', part.text) !== undefined
        ) {
          continue;
        }
        for (const [id, similarity] of this.nearWordsOf(part.text)) add(id, factor * similarity);
      }
    }
    for (const k of identifierKeys(query.schema, properties)) add(postings.idOf(k) ?? -1, 1);
    const floor = PRUNE_FRACTION * bestName;
    const top = new TopK(Math.min(max, Math.max(1, nTouched)));
    for (let t = 0; t < nTouched; t++) {
      const e = touched[t]!;
      if (acc[e]! >= floor && (!keep || keep(e))) top.push(acc[e]!, e);
      acc[e] = 0;
    }
    return top.values();
  }

  /** The key numbers of one word's keys (see wordKeyIds). */
  private keyIdsOf(keys: readonly string[]): readonly number[] {
    let ids = this.wordKeyIds.get(keys);
    if (!ids) {
      ids = keys.map((k) => this.postings.idOf(k) ?? -1);
      this.wordKeyIds.set(keys, ids);
    }
    return ids;
  }

  /**
   * nearWords, remembered per word: a customer book repeats the words the lists lack (given names,
   * common surnames), and each lookup scans 3-gram lists. Bounded; the index never changes.
   */
  private nearWordsOf(word: string): ReadonlyArray<readonly [number, number]> {
    let near = this.nearWordMemo.get(word);
    if (!near) {
      if (this.nearWordMemo.size >= NEAR_WORD_MEMO_LIMIT) this.nearWordMemo.clear();
      near = this.nearWords(word);
      this.nearWordMemo.set(word, near);
    }
    return near;
  }

  /**
   * Known list words within the edit allowance of a word, as [number of the word's `t:` key,
   * similarity in (0, 1]], best first, at most 8.
   */
  private nearWords(word: string): Array<[number, number]> {
    const grams = gramSlots(word);
    const { gramHits: hits, touchedWords: touched } = this.scratch;
    let nTouched = 0;
    const { offsets, items } = this.wordGrams;
    for (const g of grams) {
      const start = offsets[g]!;
      const end = offsets[g + 1]!;
      if (end - start > 5000) continue;
      for (let j = start; j < end; j++) {
        const w = items[j]!;
        if (hits[w] === 0) touched[nTouched++] = w;
        if (hits[w]! < 255) hits[w]!++;
      }
    }
    const allowance = Math.max(1, Math.ceil(maxEdits(word.length)));
    const out: Array<[number, number]> = [];
    const texts = this.postings.texts;
    for (let t = 0; t < nTouched; t++) {
      const w = touched[t]!;
      const n = hits[w]!;
      hits[w] = 0;
      // Two words within `allowance` edits share all but about 3 × allowance of their 3-grams.
      if (n < grams.length - 3 * allowance) continue;
      const known = texts[w]!;
      if (Math.abs(known.length - word.length) > allowance) continue;
      const d = nameEditDistance(word, known, allowance + 0.01);
      if (d <= allowance) out.push([w, 1 - d / (allowance + 1)]);
    }
    // A swap of neighbouring letters (AVETSO for AVESTO) is one edit but changes up to four
    // 3-grams, so the filter above can miss it; the swapped spellings are looked up directly
    // (cheaper than loosening the filter, which measured 25 % slower queries).
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      const id = this.postings.idOfText('t', swapped);
      if (id === undefined || out.some(([known]) => known === id)) continue;
      const d = nameEditDistance(word, swapped, allowance + 0.01);
      if (d <= allowance) out.push([id, 1 - d / (allowance + 1)]);
    }
    return out.sort((a, b) => b[1] - a[1] || (texts[a[0]]! < texts[b[0]]! ? -1 : 1)).slice(0, 8);
  }

  /** Whether a screen call filters candidates at all (most do not). */
  private static filters(f: CandidateFilter): boolean {
    return !!(
      f.excludeIds?.length ||
      f.includeDatasets?.length ||
      f.excludeDatasets?.length ||
      f.topics?.length ||
      f.excludeSchemata?.length ||
      f.changedSince
    );
  }

  private passes(e: IndexedEntity, f: CandidateFilter, excluded: ReadonlySet<string>): boolean {
    if (excluded.has(e.id)) return false;
    if (f.includeDatasets?.length && !e.datasets.some((d) => f.includeDatasets!.includes(d))) return false;
    if (f.excludeDatasets?.length && e.datasets.every((d) => f.excludeDatasets!.includes(d))) return false;
    if (f.topics?.length && !(e.properties.topics ?? []).some((t) => f.topics!.includes(t))) return false;
    if (f.excludeSchemata?.length && f.excludeSchemata.includes(e.schema)) return false;
    if (f.changedSince && e.lastChange < f.changedSince) return false;
    return true;
  }

  /** Screen one query-by-example entity. */
  screen(query: MatchEntity, options: ScreenOptions = {}): ScreenOutcome {
    const cfg = resolveConfig(options);
    const prepared = prepareQuery(query);
    const limit = options.limit ?? 5;
    // Schema and filters decide which entities compete for the candidate places.
    const compatible = this.compatibleWith(query.schema);
    const schemaOf = this.schemaOf;
    const excluded = new Set(options.excludeIds);
    const keep = CandidateIndex.filters(options)
      ? (i: number) => compatible[schemaOf[i]!] === 1 && this.passes(this.entities[i]!, options, excluded)
      : (i: number) => compatible[schemaOf[i]!] === 1;
    const picked = this.candidates(prepared, query.properties, options.candidates ?? 150, keep);
    // Scores alone first (positions into `scores`); only the results shown are explained.
    const scores: number[] = [];
    for (const i of picked) scores.push(scoreAnalyzed(prepared, this.analysisOf(i), cfg));
    const order = picked.map((_, k) => k);
    const entities = this.entities;
    order.sort(
      (a, b) => scores[b]! - scores[a]! || (entities[picked[a]!]!.id < entities[picked[b]!]!.id ? -1 : 1),
    );
    let matches = 0;
    for (const score of scores) if (score >= cfg.threshold) matches++;
    // Sorted best first, the matches come first.
    const shown = order.slice(0, Math.min(limit, options.includeNonMatches ? order.length : matches));
    // The options are the scoring config too: the shown results are scored again with
    // explanations (unless the caller asked for none).
    const hits = shown.map((k) => {
      const i = picked[k]!;
      return { entity: entities[i]!, result: scoreEntity(prepared, this.analysisOf(i), options) };
    });
    return { hits, matches, candidatesScored: picked.length };
  }
}
