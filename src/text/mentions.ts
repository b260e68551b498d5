/**
 * Mentions and the parties they name: proper-noun chunks cleaned of sentence starters, titles and
 * demonyms; countries by name, capital or demonym; acronyms the text defines; well-known bodies;
 * names the gazetteer knows; each typed (Person, Company, Organization, PublicBody, Country,
 * Vessel, Location) from its own words and its neighbours, and grouped into one cluster per party
 * (short names, acronyms and "X, formally Y" join their full name). Definite descriptions and
 * pronouns are resolved later (coreference.ts).
 */
import { acronymDefinitions } from './acronyms.js';
import { KNOWN_ACRONYMS, knownBody, type KnownBody } from './bodies.js';
import { countryOf, type Country } from './countries.js';
import { weakOneWordHit, nameWords, type Gazetteer, type GazetteerHit } from './gazetteer.js';
import {
  CAPITALISED_ADJECTIVES,
  COMPANY_HEADS,
  COMPANY_NOUNS,
  COMPANY_STARTS,
  FAMILY_PLURALS,
  NOT_PARTIES,
  KIN_BEFORE,
  ORGANIZATION_HEADS,
  ORGANIZATION_NOUNS,
  PERSON_NOUNS,
  PLACE_HEADS,
  PLACE_NOUNS,
  FACILITY_TAILS,
  PLACE_TAILS,
  PRODUCT,
  PUBLIC_BODY_HEADS,
  SENTENCE_STARTERS,
  TITLES,
  VESSEL_NOUNS,
} from './lexicon.js';
import { isKnownPlace } from './places.js';
import { properNounChunks, type Chunk } from './proper-nouns.js';
import { paragraphs, splitSentences } from './sentences.js';
import { isAllCaps, tokenize, type Token } from './tokens.js';
import type { Sentence } from './extraction.js';

export type MentionKind = 'name' | 'acronym' | 'country' | 'capital' | 'demonym' | 'description';

export interface Mention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  kind: MentionKind;
  possessive: boolean;
  attached?: string;
  cluster: number;
  /** Printed in the entity's mention list (demonyms are not, by convention). */
  output: boolean;
  /** Part of the dateline ("CARACAS —"). */
  dateline?: boolean;
}

export type Schema = 'Person' | 'Organization' | 'Company' | 'PublicBody' | 'Country' | 'Vessel' | 'Location';

export interface Cluster {
  index: number;
  name: string;
  schema: Schema;
  /** Votes for each schema, from cues; the highest wins. */
  votes: Map<Schema, number>;
  mentions: Mention[];
  country?: Country;
  body?: KnownBody;
  /** Name phrases (as written) that the gazetteer may know. */
  names: string[];
  /** Gazetteer hits of those names. */
  hits: GazetteerHit[];
  /** Set when merged into another cluster. */
  mergedInto?: number;
  /** The text itself makes it a place (a known place, "Bolívar state", "the town of X", "X-based"). */
  strongPlace?: boolean;
  /** Named as a leader: "the Maduro government", "the Assad regime" (a surname alone may then link). */
  leader?: boolean;
}

export interface DocumentAnalysis {
  text: string;
  sentences: Sentence[];
  /** Paragraph index of each sentence. */
  paragraphOf: number[];
  tokens: Token[][];
  mentions: Mention[];
  clusters: Cluster[];
  /** Index of the headline sentence, or -1. */
  headline: number;
}

const LOCATIVE = new Set([
  'in',
  'at',
  'near',
  'outside',
  'from',
  'to',
  'into',
  'across',
  'around',
  'through',
  'via',
  'towards',
  'toward',
]);

/** "DUBAI" → "Dubai", "NEW YORK" → "New York" (datelines are written in capitals). */
function titleCase(phrase: string): string {
  return phrase.replace(/\p{L}+/gu, (w) => w.charAt(0) + w.slice(1).toLowerCase());
}

class Builder {
  readonly clusters: Cluster[] = [];
  readonly mentions: Mention[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(private readonly gazetteer: Gazetteer | undefined) {}

  cluster(key: string, name: string, schema: Schema): Cluster {
    const existing = this.byKey.get(key);
    if (existing !== undefined) return this.root(existing);
    const c: Cluster = {
      index: this.clusters.length,
      name,
      schema,
      votes: new Map(),
      mentions: [],
      names: [],
      hits: [],
    };
    this.clusters.push(c);
    this.byKey.set(key, c.index);
    return c;
  }

  root(index: number): Cluster {
    let c = this.clusters[index]!;
    while (c.mergedInto !== undefined) c = this.clusters[c.mergedInto]!;
    return c;
  }

  vote(c: Cluster, schema: Schema, weight: number): void {
    c.votes.set(schema, (c.votes.get(schema) ?? 0) + weight);
  }

  add(c: Cluster, m: Omit<Mention, 'cluster'>): Mention {
    const mention: Mention = { ...m, cluster: c.index };
    c.mentions.push(mention);
    this.mentions.push(mention);
    return mention;
  }

  merge(a: Cluster, b: Cluster): Cluster {
    const ra = this.root(a.index);
    const rb = this.root(b.index);
    if (ra === rb) return ra;
    // Keep the cluster with the longer name as the root.
    const [keep, drop] = ra.name.length >= rb.name.length ? [ra, rb] : [rb, ra];
    mergeClusters(keep, drop);
    return keep;
  }

  lookup(phrase: string): GazetteerHit[] {
    return this.gazetteer ? this.gazetteer.lookup(nameWords(phrase)) : [];
  }
}

/** Words of listed organisations that are not businesses: movements, parties, armed groups. */
const NON_BUSINESS =
  /\b(?:Front|Movement|Party|Council|Union|Nations|Cartel|Organi[sz]ation|Committee|Jihad|Jehad|Resistance|Command|Brotherhood|Mujahideen|Taliban|Hamas|Hizballah|Qa'?ida|Brigades?|Battalion|Army|Houthis|Ansar\w*|Shabaa?b|Haqqani|Network|Islamic State|ISIL|ISIS|Daesh|Tehrik|Lashkar|Jaish|Jama'?at|Emirate)\b/i;

/** Schema a store entry suggests for a document party. */
export function schemaOfStore(storeSchema: string, name: string, programs: readonly string[] = []): Schema {
  if (storeSchema === 'Person') return 'Person';
  if (storeSchema === 'Vessel') return 'Vessel';
  if (/\b(?:Forces?|Army|Navy|Guards?|Corps|Brigades?|Militia)\b/i.test(name)) return 'Organization';
  if (/\b(?:Central Bank|Banco Central|Ministry|Ministerio|Department|Agency)\b/i.test(name))
    return 'PublicBody';
  if (storeSchema === 'PublicBody') return 'PublicBody';
  if (programs.includes('FTO') || NON_BUSINESS.test(name)) return 'Organization';
  // Most listed "entities" that are not armed groups or agencies are businesses.
  return 'Company';
}

/** Schema suggested by the words of a name itself. */
function schemaOfWords(words: readonly string[]): Schema | undefined {
  const head = words[words.length - 1]!;
  const all = words.join(' ');
  if (/\bCentral Bank\b|\bBanco Central\b/.test(all)) return 'PublicBody';
  // "Bank of England", "Bank of Russia": a country's central bank.
  const bankOf = /^Bank of (.+)$/.exec(all);
  if (
    bankOf &&
    bankOf[1] !== 'America' &&
    (countryOf(bankOf[1]!)?.role === 'name' || /^(?:England|Scotland)$/.test(bankOf[1]!))
  )
    return 'PublicBody';
  if (COMPANY_STARTS.has(words[0]!)) return 'Company';
  if (PLACE_HEADS.has(head) || /^Republic of /.test(all)) return 'Location';
  if (PUBLIC_BODY_HEADS.has(words[0]!) || PUBLIC_BODY_HEADS.has(head)) return 'PublicBody';
  if (ORGANIZATION_HEADS.has(head)) return 'Organization';
  if (COMPANY_HEADS.has(head)) return 'Company';
  if (
    words.some(
      (w) =>
        COMPANY_HEADS.has(w) && /^(?:Bank|Group|Holdings?|Trading|Industries|Company|Corporation)$/.test(w),
    )
  )
    return 'Company';
  if (words[0] === 'Cartel' || words[0] === 'Ministry' || words[0] === 'Office') {
    return words[0] === 'Cartel' ? 'Organization' : 'PublicBody';
  }
  return undefined;
}

export interface AnalyzeOptions {
  gazetteer?: Gazetteer;
  /** Given names seen in the store's person entries, a hint that a phrase is a person. */
  givenNames?: ReadonlySet<string>;
  /**
   * Offsets where a part-of-speech tagger saw a proper noun (bench/reading.ts compares wink-nlp's):
   * when given, a phrase nothing else recognises must start at one.
   */
  properNounStarts?: (text: string) => ReadonlySet<number>;
}

/** Find the mentions of a text and group them into parties. */
export function analyzeMentions(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  const sentences = splitSentences(text);
  const paras = paragraphs(text);
  const paragraphOf: number[] = [];
  let pi = 0;
  for (const s of sentences) {
    while (pi < paras.length - 1 && paras[pi]!.end < s.start) pi++;
    paragraphOf.push(pi);
  }
  const tokens = sentences.map((s) => tokenize(text, s.start, s.end));
  const b = new Builder(options.gazetteer);

  // A first line without final punctuation, followed by a blank line, is a headline: its capitals
  // are style, so its phrases count only when the body confirms them.
  const headline =
    paras.length > 1 &&
    /\n\s*\n/.test(text.slice(paras[0]!.end, paras[1]!.start)) &&
    !/[.!?]["”’]?$/.test(text.slice(paras[0]!.start, paras[0]!.end))
      ? 0
      : -1;
  const body = headline === 0 ? text.slice(paras[1]!.start) : text;

  // Document-wide evidence: words seen in lower case, and capitalised words seen mid-sentence.
  const lowerSeen = new Set<string>();
  const capitalMid = new Set<string>();
  tokens.forEach((ts, si) => {
    ts.forEach((t, i) => {
      if (!t.word) return;
      if (t.text === t.text.toLowerCase()) lowerSeen.add(t.text);
      else if (i > 0 && si !== headline && !/^["“‘(]$/.test(ts[i - 1]!.text))
        capitalMid.add(t.text.replace(/['’]s$/, ''));
    });
  });
  // Acronyms the text defines: acronym → expansion phrase.
  const definitions = new Map<string, string>();
  const chunksOf = tokens.map((ts) => properNounChunks(text, ts));
  chunksOf.forEach((chunks, si) => {
    for (const d of acronymDefinitions(tokens[si]!, chunks))
      definitions.set(d.acronym, d.expansion.text.replace(/^(?:The|the|A|An)\s+/, ''));
  });
  const products = new Set<string>();
  for (const ts of tokens)
    for (const t of ts)
      if (t.word && /\d/.test(t.text) && PRODUCT.test(t.text)) products.add(t.text.split(/[- ]/)[0]!);

  const taggedProper = options.properNounStarts?.(text);
  const isCommonStart = (w: string) =>
    SENTENCE_STARTERS.has(w) || (lowerSeen.has(w.toLowerCase()) && !capitalMid.has(w));
  // A lone participle or plural noun opening a sentence ("Renamed the tanker…", "Traders said") is a
  // common word unless the text also writes it capitalised mid-sentence.
  const isCommonLoneStart = (w: string) =>
    isCommonStart(w) ||
    (/^\p{Lu}\p{Ll}+(?:ed|ers|ors|ants|ents|ists|ards|ports)$/u.test(w) && !capitalMid.has(w));

  chunksOf.forEach((chunks, si) => {
    const ts = tokens[si]!;
    for (const chunk of chunks) handleChunk(si, ts, chunk);
  });

  function handleChunk(si: number, ts: Token[], chunk: Chunk): void {
    if (NOT_PARTIES.some((re) => re.test(chunk.text))) return;
    let first = chunk.first;
    let last = chunk.last;
    const wordAt = (i: number) => (i === chunk.last ? text.slice(ts[i]!.start, chunk.end) : ts[i]!.text);
    let titled = false;
    let demonymCountry: Country | undefined;
    const sentenceStart = (i: number) => i === 0 || /^["“‘(]$/.test(ts[i - 1]!.text);
    const phraseOf = (a: number, z: number) =>
      text.slice(ts[a]!.start, z === chunk.last ? chunk.end : ts[z]!.end);
    const recognised = (a: number, z: number) => {
      const p = phraseOf(a, z);
      return Boolean(
        countryOf(p) ||
        isKnownPlace(p) ||
        knownBody(p) ||
        definitions.has(p) ||
        (z > a && b.lookup(p).some((h) => h.kind !== 'weak')),
      );
    };
    // Strip words that start the phrase without belonging to the name.
    while (first <= last && !recognised(first, last)) {
      const w = wordAt(first);
      if (TITLES.has(w) && first < last) {
        titled = true;
        first++;
        continue;
      }
      const c = countryOf(w);
      if (c && c.role === 'demonym' && first < last) {
        demonymCountry = c.country;
        addCountry(si, ts[first]!.start, ts[first]!.start + w.length, w, c.country, 'demonym', false);
        first++;
        continue;
      }
      if (
        SENTENCE_STARTERS.has(w) ||
        (sentenceStart(first) && isCommonStart(w)) ||
        // "Lawyers for Guzmán López said", "Members of Hezbollah": a plural noun opening the sentence.
        (sentenceStart(first) &&
          first < last &&
          /^(?:for|of)$/.test(wordAt(first + 1)) &&
          isCommonLoneStart(w)) ||
        (first > chunk.first && /^(?:of|the|and|de|del|la|los|al|el|for)$/.test(w))
      ) {
        first++;
        continue;
      }
      // Month names and weekdays anywhere; they are dates, not parties.
      break;
    }
    if (first > last) return;
    const start = ts[first]!.start;
    let end = last === chunk.last ? chunk.end : ts[last]!.end;
    let phrase = text.slice(start, end);
    const words = phrase.split(/\s+/);
    if (si === headline && !body.includes(phrase) && !countryOf(phrase)) return;
    if (NOT_PARTIES.some((re) => re.test(phrase))) return;
    if (PRODUCT.test(phrase) || words.some((w) => PRODUCT.test(w))) return;
    if (words.length === 1 && products.has(phrase.replace(/s$/, ''))) return;
    // "a Boeing 747 cargo plane", "an Airbus A340": a maker's name before a model number is a model.
    if (
      words.length === 2 &&
      /^[A-Z]{1,3}-?\d{2,4}[A-Z]?$/.test(words[1]!) &&
      /^(?:an?)$/i.test(ts[first - 1]?.text ?? '')
    )
      return;
    if (
      words.length <= 2 &&
      /^[A-Z]?\d{2,4}(?:-\d+)?$/.test(ts[last + 1]?.text ?? '') &&
      (/^(?:an?)$/i.test(ts[first - 1]?.text ?? '') ||
        /^(?:cargo|planes?|aircraft|jets?|jetliners?|airliners?|freighters?|helicopters?|drones?|engines?|tanks?|rifles?)$/.test(
          ts[last + 2]?.text ?? '',
        ))
    )
      return;
    if (words.length === 1 && phrase.length < 2) return;
    const following = ts[last + 1];
    if (words.length === 1 && CAPITALISED_ADJECTIVES.has(phrase)) return;
    // "Shahed drones", "Kalibr missiles": a model name before what it names.
    if (
      words.length <= 2 &&
      following &&
      /^(?:drones?|missiles?|rockets?|rifles?|jets?|fighters?|aircraft|helicopters?|tanks?|engines?|systems?|UAVs?|munitions|warheads?)$/.test(
        following.text,
      ) &&
      !recognised(first, last)
    )
      return;
    // "a Venn diagram", "a Ponzi scheme": an eponym naming a kind of thing.
    if (
      words.length === 1 &&
      following &&
      /^(?:diagram|diagrams|scheme|schemes|horse|effect|principle|curve|index|model)$/.test(following.text) &&
      !recognised(first, last)
    )
      return;
    // "the Tajideen brothers": a surname used as a modifier.
    // ("Barakat's brothers" is a person's kin.)
    if (
      words.length === 1 &&
      following &&
      FAMILY_PLURALS.has(following.text) &&
      !(last === chunk.last && chunk.possessive)
    )
      return;
    // "the Anatolian town": an adjective of place before a common noun.
    if (
      words.length === 1 &&
      !countryOf(phrase) &&
      /(?:ian|ean|ese|ish)$/.test(phrase) &&
      !isKnownPlace(phrase) &&
      following?.word &&
      following.text === following.text.toLowerCase() &&
      b.lookup(phrase).length === 0
    )
      return;
    if (words.length === 1 && sentenceStart(first) && isCommonLoneStart(phrase) && !recognised(first, last))
      return;
    if (taggedProper && !taggedProper.has(start) && !recognised(first, last)) return;
    const possessive = last === chunk.last && chunk.possessive;
    const attached = last === chunk.last ? chunk.attached : undefined;
    const before = first > 0 ? ts[first - 1]!.text : '';
    const before2 = first > 1 ? ts[first - 2]!.text : '';

    // Countries: "Iran", "Tehran", "the Emirates", "Russian" (a demonym alone).
    const theHit = /^the$/i.test(before) ? countryOf(`the ${phrase}`) : undefined;
    const hit = countryOf(phrase) ?? theHit;
    if (hit) {
      let s = start;
      let t = phrase;
      if (theHit) {
        s = ts[first - 1]!.start;
        t = text.slice(s, end);
      }
      if (hit.role === 'demonym') {
        addCountry(si, s, end, t, hit.country, 'demonym', false, attached);
        return;
      }
      addCountry(
        si,
        s,
        end,
        t,
        hit.country,
        hit.role === 'capital' ? 'capital' : 'country',
        possessive,
        attached,
      );
      return;
    }
    // A country name followed by a body or name: "U.S. Treasury" is a known body; "Iran Air" is a
    // name the gazetteer may know; otherwise split "U.S." off.
    const lead = countryOf(words[0]!);
    if (
      lead &&
      lead.role === 'name' &&
      words.length > 1 &&
      !knownBody(phrase) &&
      b.lookup(phrase).length === 0
    ) {
      const rest = words.slice(1).join(' ');
      if (knownBody(rest) || b.lookup(rest).length > 0 || schemaOfWords(words.slice(1))) {
        addCountry(si, start, start + words[0]!.length, words[0]!, lead.country, 'country', false);
        phrase = rest;
        words.shift();
      }
    }
    const pStart = end - phrase.length;
    words.splice(0, words.length, ...phrase.split(/\s+/));

    // "the tanker Adrian Darya 1", "boarded the Grace 1": vessel names carry numbers.
    const numbered = /^\d{1,3}$/.test(ts[last + 1]?.text ?? '') && !possessive;
    const theNumbered =
      numbered &&
      /^the$/i.test(before) &&
      /^\d{1,2}$/.test(ts[last + 1]!.text) &&
      !NUMBER_UNITS.test(ts[last + 2]?.text ?? '');
    if ((VESSEL_NOUNS.has(before) && numbered) || theNumbered) {
      last++;
      end = ts[last]!.end;
      phrase = text.slice(pStart, end);
    }
    // Extend "Bolívar state", "Sinaloa province".
    let tailPlace = false;
    const next = ts[last + 1];
    if (
      next &&
      next.word &&
      (PLACE_TAILS.has(next.text) || (FACILITY_TAILS.has(next.text) && words.length <= 2)) &&
      !possessive &&
      !attached
    ) {
      end = next.end;
      tailPlace = true;
    }
    const mentionText = text.slice(pStart, end);

    const body0 = knownBody(phrase);
    if (body0) {
      const c = b.cluster(`b:${body0.name}`, body0.name, body0.schema);
      c.body = body0;
      b.vote(c, body0.schema, 5);
      b.add(c, {
        start: pStart,
        end,
        text: mentionText,
        sentence: si,
        kind: isAllCaps(phrase) ? 'acronym' : 'name',
        possessive,
        attached,
        output: true,
      });
      return;
    }
    // Acronyms: defined in the text, or a well-known one.
    if (words.length === 1 && isAllCaps(phrase)) {
      const expansion = definitions.get(phrase) ?? KNOWN_ACRONYMS[phrase];
      if (expansion) {
        const key = `n:${nameWords(expansion).join(' ')}`;
        const own = schemaOfWords(expansion.split(/\s+/));
        const c = b.cluster(key, expansion, own ?? 'Organization');
        // A well-known acronym the text never spells out: its expansion's words type it.
        if (own && !definitions.has(phrase)) b.vote(c, own, 1);
        if (KNOWN_ACRONYMS[phrase]) c.names.push(KNOWN_ACRONYMS[phrase]!);
        b.add(c, {
          start: pStart,
          end,
          text: mentionText,
          sentence: si,
          kind: 'acronym',
          possessive,
          attached,
          output: true,
        });
        c.names.push(phrase);
        return;
      }
    }
    const key = `n:${nameWords(phrase).join(' ')}`;
    const c = b.cluster(key, phrase, 'Organization');
    c.names.push(phrase);
    b.add(c, {
      start: pStart,
      end,
      text: mentionText,
      sentence: si,
      kind: 'name',
      possessive,
      attached,
      output: true,
    });

    // Type votes from the name itself, the store, and the neighbours.
    const own = schemaOfWords(words);
    if (tailPlace) b.vote(c, 'Location', 4);
    if (
      tailPlace ||
      isKnownPlace(phrase) ||
      isKnownPlace(titleCase(phrase)) ||
      attached === 'based' ||
      (before === 'of' && PLACE_NOUNS.has(before2))
    )
      c.strongPlace = true;
    if (own) b.vote(c, own, 3);
    if (isKnownPlace(phrase) || isKnownPlace(titleCase(phrase))) b.vote(c, 'Location', 4);
    // "Gibraltar authorities", "the Baniyas refinery": a place with its government or facility.
    if (
      next &&
      /^(?:authorities|refinery|terminal|airfield|airport|port|harbou?r|oilfield|field|base|province|governorate|oblast)$/.test(
        next.text,
      ) &&
      words.length <= 2 &&
      !own
    )
      b.vote(c, 'Location', 3);
    // "the Maduro government", "the Biden administration": a leader's name.
    if (
      next &&
      /^(?:government|regime|administration|cabinet|family)$/.test(next.text) &&
      words.length === 1 &&
      before.toLowerCase() === 'the'
    ) {
      b.vote(c, 'Person', 3);
      if (next.text !== 'family') c.leader = true;
    }
    if (titled) b.vote(c, 'Person', 4);
    if (demonymCountry && !own && words.length >= 2) b.vote(c, 'Person', 0.5);
    if (PLACE_NOUNS.has(before) && /^of$/.test(ts[first - 1]?.text ?? '') === false && before2 === 'the')
      b.vote(c, 'Location', 2);
    if (before === 'of' && PLACE_NOUNS.has(before2)) b.vote(c, 'Location', 4);
    if (VESSEL_NOUNS.has(before) || inVesselList(ts, first)) b.vote(c, 'Vessel', 4);
    else if (theNumbered) b.vote(c, 'Vessel', 2);
    if (COMPANY_NOUNS.has(before) && !PLACE_NOUNS.has(before)) b.vote(c, 'Company', 1.5);
    if (PERSON_NOUNS.has(before)) b.vote(c, 'Person', 2);
    if (words.length === 1 && KIN_BEFORE.test(text.slice(Math.max(0, pStart - 80), pStart)))
      b.vote(c, 'Person', 3);
    if (attached === 'based') b.vote(c, 'Location', 3);
    if (LOCATIVE.has(before) && before2.toLowerCase() !== 'according' && words.length <= 2 && !own)
      b.vote(c, 'Location', 1.2);
    if (options.givenNames?.has(words[0]!.toLowerCase()) && words.length >= 2 && !own)
      b.vote(c, 'Person', 1.5);
    // Two to four capitalised words are a person's name by default, unless a place starts them ("Beirut Diam").
    const placeFirst = countryOf(words[0]!) !== undefined || isKnownPlace(words[0]!);
    // A person's name takes no article ("the Tren de Aragua" is a group).
    if (
      !own &&
      !placeFirst &&
      !/^the$/i.test(before) &&
      words.length >= 2 &&
      words.length <= 4 &&
      words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^(?:de|del|la|los|al|bin|ibn|da|van|von)$/.test(w))
    )
      b.vote(c, 'Person', 1);
    // Reporting verbs: "said Iryna Tkachuk", "Tkachuk said".
    if (before === 'said' || ts[last + 1]?.text === 'said') b.vote(c, 'Person', 1);
    appositive(c, ts, last);
    for (const h of b.lookup(phrase)) {
      c.hits.push(h);
      const e = options.gazetteer!.entities[h.entity]!;
      b.vote(
        c,
        schemaOfStore(e.schema, e.caption, e.programs),
        h.kind === 'weak' || weakOneWordHit(h, words.length) ? 0.5 : h.kind === 'partial' ? 1 : 2,
      );
    }
  }

  /** ", a Russian drone maker", ", an investment firm": the noun after the name types it. */
  function appositive(c: Cluster, ts: Token[], last: number): void {
    if (ts[last + 1]?.text !== ',') return;
    const art = ts[last + 2]?.text;
    if (art !== 'a' && art !== 'an' && art !== 'the') return;
    // The head noun is the last typing noun before the phrase ends at a participle, preposition,
    // relative pronoun or "and" ("a former air force pilot", "a bureau controlled by",
    // "a Lebanese diamond dealer and art collector").
    let head: Schema | undefined;
    for (let k = last + 3; k < Math.min(ts.length, last + 10); k++) {
      const w = ts[k]!.text.toLowerCase();
      if (
        !ts[k]!.word ||
        /^(?:that|which|who|whose|and|or|in|of|with|from|for|at|on|by|based|born|since|whose)$/.test(w) ||
        (/ed$/.test(w) && head)
      )
        break;
      if (PERSON_NOUNS.has(w)) head = 'Person';
      else if (COMPANY_NOUNS.has(w)) head = 'Company';
      else if (ORGANIZATION_NOUNS.has(w)) head = 'Organization';
      else if (PLACE_NOUNS.has(w) || w === 'park') head = 'Location';
      else if (VESSEL_NOUNS.has(w)) head = 'Vessel';
    }
    if (head) b.vote(c, head, 3);
  }

  function addCountry(
    si: number,
    start: number,
    end: number,
    t: string,
    country: Country,
    kind: MentionKind,
    possessive: boolean,
    attached?: string,
  ): void {
    const c = b.cluster(`c:${country.iso}`, country.name, 'Country');
    c.country = country;
    b.vote(c, 'Country', 10);
    b.add(c, { start, end, text: t, sentence: si, kind, possessive, attached, output: kind !== 'demonym' });
  }

  mergeNicknames(b, text);
  mergeVariants(b, text);
  const clusters = b.clusters;
  for (const c of clusters) {
    if (c.mergedInto !== undefined) continue;
    c.schema = decideSchema(c);
  }
  capitalsAsPlaces(b, tokens);
  b.mentions.sort((x, y) => x.start - y.start);
  // "KYIV — …": the dateline names where the story was filed, never a party to its claims.
  const firstBody = paras[headline === 0 ? 1 : 0];
  const dash = firstBody
    ? /^([^\n—–-]{2,40}?)\s+[—–-]{1,2}\s/.exec(text.slice(firstBody.start, firstBody.end))
    : null;
  if (dash && firstBody)
    for (const m of b.mentions)
      if (m.start >= firstBody.start && m.end <= firstBody.start + dash[1]!.length) m.dateline = true;
  return { text, sentences, paragraphOf, tokens, mentions: b.mentions, clusters, headline };
}

export function decideSchema(c: Cluster): Schema {
  if (c.country) return 'Country';
  // Without any cue a name is an organisation (companies and people have cues of their own).
  let best: Schema = 'Organization';
  let top = 0;
  for (const [s, w] of c.votes) {
    if (w > top) {
      top = w;
      best = s;
    }
  }
  return best;
}

/**
 * Join short forms to full names: "Shagivaleev" and "Maduro" to the person named in full, "Kassim"
 * to "Kassim Tajideen", "Alabuga" to "Alabuga Special Economic Zone", "X, formally Y" and
 * "X, or Y" appositions, and acronyms to their expansions (already one key).
 */
/**
 * 'Joaquín "El Chapo" Guzmán': a nickname in quotes between a given name and a surname makes one
 * person of the three, named without the nickname; the nickname alone later names the same person.
 */
function mergeNicknames(b: Builder, text: string): void {
  const byStart = new Map<number, Mention>();
  for (const m of b.mentions) if (m.kind === 'name') byStart.set(m.start, m);
  const single = (c: Cluster) => !c.country && !c.body && c.mentions.length === 1;
  for (const given of [...b.mentions]) {
    if (given.kind !== 'name' || given.possessive) continue;
    const open = /^\s["“]/.exec(text.slice(given.end, given.end + 2));
    const nick = open && byStart.get(given.end + open[0].length);
    if (!nick) continue;
    const close = /^["”]\s/.exec(text.slice(nick.end, nick.end + 2));
    const surname = close && byStart.get(nick.end + close[0].length);
    if (!surname) continue;
    const [a, n, z] = [given, nick, surname].map((m) => b.root(m.cluster));
    if (!single(a!) || !single(z!) || n!.country || n!.body || new Set([a, n, z]).size < 3) continue;
    const person = b.merge(b.merge(a!, n!), z!);
    person.name = `${given.text} ${surname.text}`;
    // The lists write nicknames into names too ("GUZMAN, Joaquin Chapo", "GUZMAN, Chapo").
    const bareNick = nick.text.replace(/^(?:El|La|Al|The)\s+/i, '');
    person.names.push(
      person.name,
      `${given.text} ${nick.text} ${surname.text}`,
      `${given.text} ${bareNick} ${surname.text}`,
      `${bareNick} ${surname.text}`,
    );
    b.vote(person, 'Person', 4);
    // One mention for the whole written name; the nickname's later uses stay mentions of it.
    given.end = surname.end;
    given.text = text.slice(given.start, given.end);
    const inside = new Set([nick, surname]);
    person.mentions = person.mentions.filter((m) => !inside.has(m));
    b.mentions.splice(0, b.mentions.length, ...b.mentions.filter((m) => !inside.has(m)));
  }
}

function mergeVariants(b: Builder, text: string): void {
  const live = () => b.clusters.filter((c) => c.mergedInto === undefined && !c.country && !c.body);
  // Appositions that restate a name.
  for (const c of live()) {
    for (const m of c.mentions) {
      const after = text.slice(m.end, m.end + 40);
      const re = /^,\s+(?:formally|officially|formerly|also known as|known as|or|a\.k\.a\.|aka)\s+["“]?/.exec(
        after,
      );
      if (!re) continue;
      const at = m.end + re[0].length;
      const other = b.mentions.find((x) => x.start === at && x.kind === 'name');
      if (other) b.merge(c, b.root(other.cluster));
    }
  }
  // Short names: a one- or two-word mention that ends or starts a longer name of the document.
  const all = live();
  const wordsOf = (c: Cluster) => c.name.split(/\s+/);
  for (const short of all) {
    if (short.mergedInto !== undefined) continue;
    const sw = wordsOf(short);
    if (sw.length > 3) continue;
    const firstAt = Math.min(...short.mentions.map((m) => m.start));
    const candidates = all.filter((long) => {
      if (long === short || long.mergedInto !== undefined) return false;
      const lw = wordsOf(long);
      if (lw.length <= sw.length) return false;
      const tail = lw.slice(lw.length - sw.length).join(' ') === sw.join(' ');
      const head = lw.slice(0, sw.length).join(' ') === sw.join(' ');
      const longFirst = Math.min(...long.mentions.map((m) => m.start));
      const personish = (long.votes.get('Person') ?? 0) >= Math.max(...[...long.votes.values()], 0) * 0.99;
      // "the state of Aragua" is a place, not the short name of a person or group ending in it.
      if (personish)
        return !short.strongPlace && (tail || (head && sw.length === 1)) && longFirst < firstAt + 1e9;
      if (tail && (long.votes.get('Location') ?? 0) >= 3) return true;
      // A company without its business words and legal form ("Sea Dragon" for "Sea Dragon Shipping Ltd").
      if (
        head &&
        sw.length === 2 &&
        longFirst < firstAt &&
        !sw.some((w) => COMPANY_HEADS.has(w)) &&
        lw.slice(sw.length).every((w) => COMPANY_HEADS.has(w))
      )
        return true;
      // Organisations: the distinctive first word ("Alabuga"), not a generic head ("Force").
      return (
        head &&
        sw.length === 1 &&
        !COMPANY_HEADS.has(sw[0]!) &&
        !ORGANIZATION_HEADS.has(sw[0]!) &&
        longFirst < firstAt
      );
    });
    if (candidates.length === 1) b.merge(candidates[0]!, short);
    else if (candidates.length > 1) {
      // Prefer the candidate mentioned last before the short form.
      const before = candidates
        .map((c) => ({
          c,
          at: Math.max(...c.mentions.filter((m) => m.start < firstAt).map((m) => m.start), -1),
        }))
        .filter((x) => x.at >= 0)
        .sort((x, y) => y.at - x.at);
      if (
        before.length > 0 &&
        (before.length === 1 || wordsOf(before[0]!.c).slice(-sw.length).join(' ') === sw.join(' '))
      )
        b.merge(before[0]!.c, short);
    }
  }
}

/** Words after a number that make it a quantity, not part of a name ("the Group 5 percent"). */
const NUMBER_UNITS =
  /^(?:percent|per|%|million|billion|thousand|tonnes?|tons?|barrels?|kilometres?|kilometers?|miles?|km|kg|years?|months?|days?|hours?|times)$/i;

/**
 * "five tankers, the Fortune, the Forest and the Clavel", "four more tankers bound for Syria,
 * among them the Bering and the Luna": a name in a list that a plural vessel noun introduces.
 */
function inVesselList(ts: Token[], first: number): boolean {
  let k = first - 1;
  const listWord = (t: Token) =>
    /^(?:the|,|and|or)$/i.test(t.text) || /^\p{Lu}/u.test(t.text) || /^\d{1,3}$/.test(t.text);
  while (k >= 0 && listWord(ts[k]!)) k--;
  if (k < 0) return false;
  const plural = (w: string) => /s$/.test(w) && VESSEL_NOUNS.has(w.replace(/s$/, ''));
  // The list follows the noun at once (after its comma or colon)…
  if (
    plural(ts[k]!.text.toLowerCase()) ||
    (/^:$/.test(ts[k]!.text) && k > 0 && plural(ts[k - 1]!.text.toLowerCase()))
  )
    return true;
  // …or after "among them", "including", with a short phrase between ("bound for Syria").
  const lead = ts[k]!.text.toLowerCase();
  const afterLead =
    lead === 'them' && ts[k - 1]?.text.toLowerCase() === 'among'
      ? k - 2
      : /^(?:including|namely|notably)$/.test(lead)
        ? k - 1
        : -1;
  if (afterLead < 0) return false;
  for (let j = afterLead; j >= Math.max(0, afterLead - 8); j--)
    if (plural(ts[j]!.text.toLowerCase())) return true;
  return false;
}

/**
 * A capital stands for its country, unless the country is never named and the capital only
 * appears as a place ("the Bank of England in London"): then it is a place of its own.
 */
function capitalsAsPlaces(b: Builder, tokens: Token[][]): void {
  for (const c of b.clusters) {
    if (!c.country || c.mergedInto !== undefined) continue;
    const named = c.mentions.some((m) => m.kind === 'country' || m.kind === 'demonym');
    if (named) continue;
    const caps = c.mentions.filter((m) => m.kind === 'capital');
    if (caps.length === 0) continue;
    const asPlace = caps.every((m) => {
      const ts = tokens[m.sentence]!;
      const i = ts.findIndex((t) => t.start === m.start);
      const prev = i > 0 ? ts[i - 1]!.text : '';
      const prev2 = i > 1 ? ts[i - 2]!.text : '';
      return LOCATIVE.has(prev) && prev2.toLowerCase() !== 'according' && m.text !== m.text.toUpperCase();
    });
    if (!asPlace) continue;
    c.country = undefined;
    c.schema = 'Location';
    c.name = caps[0]!.text;
    c.votes = new Map([['Location', 10]]);
  }
}

/** Move every mention, vote and name of `drop` into `keep`; `drop` then points at `keep`. */
export function mergeClusters(keep: Cluster, drop: Cluster): void {
  if (keep === drop) return;
  for (const m of drop.mentions) {
    m.cluster = keep.index;
    keep.mentions.push(m);
  }
  for (const [s, w] of drop.votes) keep.votes.set(s, (keep.votes.get(s) ?? 0) + w);
  keep.names.push(...drop.names);
  keep.hits.push(...drop.hits);
  keep.country ??= drop.country;
  keep.body ??= drop.body;
  keep.strongPlace ||= drop.strongPlace;
  drop.mentions = [];
  drop.mergedInto = keep.index;
}
