/**
 * The gazetteer: every name of every party the store knows (names, aliases, weak aliases,
 * previous names, and for people the "Given Surname" forms news text uses), indexed by an exact
 * normal form and by a spelling-blind form (Hizballah = Hezbollah = Hizbullah, Qods = Quds), plus
 * an index of name words for partial names ("Alabuga Special Economic Zone" inside "JSC Special
 * Economic Zone of Industrial Production Alabuga"). Normalisation is the matcher's (src/names).
 */
import { findLegalForms, normalizeName } from '../names/index.js';
import { foldSpelling } from '../names/spelling-fold.js';
import type { EntityRecord, Store } from '../store/store.js';

export interface GazetteerEntity {
  id: string;
  schema: string;
  caption: string;
  programs: string[];
  /** ISO codes of the countries the entry is tied to (nationality, country, jurisdiction…). */
  countries: string[];
  /** Folded content words of all its names, for partial-name matching. */
  words: Set<string>;
  /** The same words name by name (an alias in another language is not a missing word of the name). */
  nameWords: Array<Set<string>>;
}

/** How a text phrase matched a name: the full name, a reduced form, a partial person name, a weak alias. */
export type VariantKind = 'name' | 'reduced' | 'partial' | 'weak';

export interface GazetteerHit {
  entity: number;
  kind: VariantKind;
  /** True when the match needed the spelling-blind form. */
  folded: boolean;
}

/**
 * One word that matches only spelling-blind a name stripped of its legal form ("Romero" against
 * JSC RIMERA, "Ghasemi" against KASSOUMA FZC): too weak to type a party or to link it.
 */
export function weakOneWordHit(h: GazetteerHit, wordCount: number): boolean {
  return wordCount === 1 && h.folded && h.kind === 'reduced';
}

const PARTY_SCHEMATA = new Set(['Person', 'Organization', 'Company', 'PublicBody', 'LegalEntity', 'Vessel']);
const NAME_PROPS: Array<[string, VariantKind]> = [
  ['name', 'name'],
  ['alias', 'name'],
  ['previousName', 'name'],
  ['weakAlias', 'weak'],
];
const COUNTRY_PROPS = [
  'nationality',
  'country',
  'jurisdiction',
  'citizenship',
  'birthCountry',
  'mainCountry',
  'flag',
];

/** Words that say nothing about which entry a name is (they never select a candidate). */
export const FUNCTION_WORDS = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'del',
  'la',
  'el',
  'al',
  'los',
  'las',
  'da',
  'do',
  'du',
  'des',
  'y',
  'et',
  'in',
  'on',
]);

/** Spelling-blind form of one normalised word: transliteration groups folded, vowels merged. */
export function foldWord(word: string): string {
  return foldSpelling(word).replace(/[aeiouy]+/g, 'a');
}

const wordsCache = new Map<string, string[]>();

/** Normalised words without the cache (building the gazetteer sees each list name once). */
function listNameWords(text: string): string[] {
  const n = normalizeName(text);
  return n ? n.split(' ') : [];
}

/** Normalised word list of a phrase (cached: documents ask for the same phrases again and again). */
export function nameWords(text: string): string[] {
  let words = wordsCache.get(text);
  if (!words) {
    const n = normalizeName(text);
    words = n ? n.split(' ') : [];
    if (wordsCache.size > 50_000) wordsCache.clear();
    wordsCache.set(text, words);
  }
  return words;
}

export function exactKey(words: readonly string[]): string {
  return words.join(' ');
}

export function foldedKey(words: readonly string[]): string {
  return words.map(foldWord).join(' ');
}

/** The person-name forms news text uses for "SURNAME(S), Given Names". */
function personForms(given: string[], surnames: string[]): Array<[string[], VariantKind]> {
  const out: Array<[string[], VariantKind]> = [];
  if (given.length === 0 || surnames.length === 0) return out;
  out.push([[...given, ...surnames], 'reduced']);
  if (given.length > 1) out.push([[given[0]!, ...surnames], 'reduced']);
  if (surnames.length > 1) {
    // Spanish double surnames: "Nicolás Maduro" for MADURO MOROS; drop a "de" surname tail too.
    const first = surnames[0] === 'de' || surnames[0] === 'al' ? surnames.slice(0, 2) : surnames.slice(0, 1);
    out.push([[given[0]!, ...first], 'partial']);
    if (given.length > 1) out.push([[...given, ...first], 'partial']);
  }
  return out;
}

export class Gazetteer {
  readonly entities: GazetteerEntity[] = [];
  private readonly exact = new Map<string, GazetteerHit[]>();
  private readonly folded = new Map<string, GazetteerHit[]>();
  private readonly byWord = new Map<string, number[]>();
  names = 0;
  buildMs = 0;
  /** Longest indexed name, in words. */
  maxWords = 1;

  static async fromStore(store: Store): Promise<Gazetteer> {
    const started = performance.now();
    const g = new Gazetteer();
    const properties = [
      'program',
      'firstName',
      'secondName',
      'lastName',
      ...COUNTRY_PROPS,
      ...NAME_PROPS.map(([prop]) => prop),
    ];
    for await (const record of store.currentEntities({ properties, schemata: [...PARTY_SCHEMATA] }))
      g.add(record);
    g.buildMs = performance.now() - started;
    return g;
  }

  /** Build from plain records (tests, benchmarks). */
  static fromRecords(records: Iterable<EntityRecord>): Gazetteer {
    const started = performance.now();
    const g = new Gazetteer();
    for (const record of records) g.add(record);
    g.buildMs = performance.now() - started;
    return g;
  }

  add(record: EntityRecord): void {
    if (!PARTY_SCHEMATA.has(record.schema)) return;
    const p = record.properties;
    const index = this.entities.length;
    const countries = new Set<string>();
    for (const prop of COUNTRY_PROPS) for (const v of p[prop] ?? []) countries.add(v.toLowerCase());
    const entity: GazetteerEntity = {
      id: record.id,
      schema: record.schema,
      caption: record.caption,
      programs: p.program ?? [],
      countries: [...countries],
      words: new Set(),
      nameWords: [],
    };
    this.entities.push(entity);
    const seen = new Set<string>();
    const put = (words: string[], kind: VariantKind) => {
      if (words.length === 0) return;
      const key = exactKey(words);
      if (seen.has(key)) return;
      seen.add(key);
      this.names++;
      this.maxWords = Math.max(this.maxWords, words.length);
      push(this.exact, key, { entity: index, kind, folded: false });
      const fk = foldedKey(words);
      push(this.folded, fk, { entity: index, kind, folded: true });
    };
    const person = record.schema === 'Person';
    for (const [prop, kind] of NAME_PROPS) {
      for (const raw of p[prop] ?? []) {
        const words = listNameWords(raw);
        put(words, kind);
        if (kind === 'weak') continue;
        // Parenthesised parts ("GOLFRATE HOLDINGS (ANGOLA) LDA") and legal forms are optional.
        const bare = listNameWords(raw.replace(/\([^)]*\)/g, ' '));
        const own = new Set<string>();
        for (const w of bare) if (!FUNCTION_WORDS.has(w)) own.add(foldWord(w));
        for (const w of own) entity.words.add(w);
        entity.nameWords.push(own);
        if (bare.length !== words.length) put(bare, 'reduced');
        if (!person) {
          const forms = findLegalForms(bare);
          if (forms.length > 0) {
            const covered = new Set<number>();
            for (const f of forms) for (let i = f.start; i < f.start + f.length; i++) covered.add(i);
            const rest = bare.filter((_, i) => !covered.has(i));
            if (rest.length >= 2 || (rest.length === 1 && rest[0]!.length >= 4)) put(rest, 'reduced');
          }
          if (bare[0] === 'the' && bare.length > 1) put(bare.slice(1), 'reduced');
        } else if (raw.includes(',')) {
          const [last, given] = raw.split(',', 2);
          for (const [form, k] of personForms(listNameWords(given!), listNameWords(last!))) put(form, k);
        }
      }
    }
    if (person) {
      const given = (p.firstName ?? [])
        .flatMap(listNameWords)
        .concat((p.secondName ?? []).flatMap(listNameWords));
      const last = (p.lastName ?? []).flatMap(listNameWords);
      for (const [form, k] of personForms(given, last)) put(form, k);
    }
    for (const w of entity.words) push(this.byWord, w, index);
  }

  /** Exact matches of a word sequence, else spelling-blind ones. */
  lookup(words: readonly string[]): GazetteerHit[] {
    if (words.length === 0) return [];
    const hits = this.exact.get(exactKey(words));
    if (hits) return hits;
    // The spelling-blind form only for words long enough to carry a spelling (not "Ali" = "Ala").
    if (words.every((w) => w.length < 5)) return [];
    return this.folded.get(foldedKey(words)) ?? [];
  }

  /** Entries whose names contain every content word of the phrase (folded). */
  containing(words: readonly string[]): number[] {
    const content = words.filter((w) => !FUNCTION_WORDS.has(w)).map(foldWord);
    if (content.length === 0) return [];
    let rarest: number[] | undefined;
    for (const w of content) {
      const list = this.byWord.get(w);
      if (!list) return [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return rarest!.filter((i) => content.every((w) => this.entities[i]!.words.has(w)));
  }

  /** How many entries use this (folded) word in a name: common words select nothing. */
  wordFrequency(word: string): number {
    return this.byWord.get(foldWord(word))?.length ?? 0;
  }

  get size(): number {
    return this.entities.length;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
