/**
 * Name analysis: one name string (plus optional structured parts) → the parts that take part in
 * matching, each tagged and weighted, with everything that is not evidence of identity set aside:
 *
 * - honorifics and titles (people), vessel prefixes (MV, MT…), legal forms (companies) — removed,
 *   legal forms kept aside as canonical labels;
 * - numbers — kept aside, they must agree;
 * - particles (al, bin, de, van…) — kept with little weight; "abd"/"abu" + the following name form
 *   one part (Abdul Aziz = Abd al-Aziz = Abdulaziz → "abdaziz");
 * - descriptive and geographic words of organisation names — kept with little weight;
 * - parts tagged given/middle/patronymic/family from structured properties or OFAC's
 *   "FAMILY, Given" order, and put in natural (given-first) order.
 *
 * Each part carries the keys used to compare it: collapsed spelling, consonant skeleton, phonetic
 * codes, sorted letters, variant groups. `joins` hold adjacent parts written together (for
 * run-together spellings) and `acronyms` the initials of runs of parts (organisations).
 */
import { Acronyms } from './acronyms.js';
import { findLegalForms, type LegalFormFamily } from './legal-forms.js';
import { cleanRawName, collapseRuns } from './normalize.js';
import { canonicalNumber, ordinalWord, romanValue, tensValue, unitValue } from './numbers.js';
import { partKeys } from './keys.js';
import { phoneticKeys } from './phonetic.js';
import { isVowelless, type Script } from './scripts.js';
import { consonantSkeleton } from './skeleton.js';
import { foldSpelling } from './spelling-fold.js';
import { isEastAsianSurname, isEastAsianWord } from './east-asian.js';
import { MAX_CACHED_WORD, type RawToken, scanTokens, type TokenFactory } from './tokenize.js';
import { isArabicName, variantGroups } from './variants.js';
import {
  AMBIGUOUS_TITLES,
  ANYWHERE_TITLES,
  ARABIC_PARTICLES,
  COMMON_NAME_WORDS,
  GENERIC_ORG_WORDS,
  GEO_WORDS,
  KINSHIP_PARTICLES,
  NON_INITIAL_PARTICLES,
  ORG_ABBREVIATIONS,
  PARTICLES,
  PERSON_TITLES,
  STOPWORDS,
  VESSEL_PREFIXES,
} from './vocabulary.js';

/** What kind of name it is; decides which rules apply. */
export type NameKind = 'person' | 'org' | 'vessel' | 'any';
export type PartTag = 'given' | 'middle' | 'patronymic' | 'family' | 'any';
/**
 * word: an ordinary name word; initial: a single letter; particle: al/bin/de…; generic: a
 * descriptor of an organisation (trading, group…); geo: a place qualifier of an organisation;
 * syllable: one syllable of a CJK name (joined with its neighbours when compared).
 */
export type PartRole = 'word' | 'initial' | 'particle' | 'generic' | 'geo' | 'syllable';

export interface NamePart extends WordKeys {
  /** Lowercase ASCII form compared. */
  readonly text: string;
  readonly tag: PartTag;
  readonly role: PartRole;
  /** Script the part was written in. */
  readonly script: Script;
  /** How much a match on this part counts. */
  readonly weight: number;
  /** How much it counts against the score when left unmatched (before the side's factor). */
  readonly missWeight: number;
  /** Inside parentheses in the source. */
  readonly optional: boolean;
  /** A word or syllable outside parentheses: evidence of identity when matched. */
  readonly distinctive: boolean;
  /** Source segment (comma-separated) and position, for joins. */
  readonly segment: number;
  readonly source: number;
}

/** Adjacent parts written together: "good" + "will" → "goodwill". */
export interface NameJoin {
  readonly text: string;
  readonly collapsed: string;
  readonly skeleton: string;
  /** Bit mask of the parts it covers (bit i = parts[i]). */
  readonly mask: number;
  readonly script: Script;
}

export interface LegalForm {
  readonly canonical: string;
  readonly family: LegalFormFamily;
}

export interface NameAnalysis {
  readonly raw: string;
  readonly kind: NameKind;
  /** Parts in natural order (given names before family names). */
  readonly parts: readonly NamePart[];
  readonly joins: readonly NameJoin[];
  /** Some join came from a non-Latin script (compared by skeleton, not by text). */
  readonly foreignJoins: boolean;
  /** Some part came from a non-Latin script. */
  readonly foreignParts: boolean;
  /** Bit set of the lengths (capped at 31) of part texts and collapsed texts. */
  readonly partLengths: number;
  /** Bit set of the lengths of join texts and collapsed texts. */
  readonly joinLengths: number;
  /** Initials of runs of ≥ 2 parts → mask of those parts (organisations only). */
  readonly acronyms: Acronyms;
  readonly numbers: readonly string[];
  readonly legalForms: readonly LegalForm[];
  /** Titles and prefixes that were removed (for explanations). */
  readonly removed: readonly string[];
  /** Some part carries a given/family/… tag. */
  readonly tagged: boolean;
  /** The name is (or looks) Arabic/Persian: Latin vowels are unreliable. */
  readonly arabic: boolean;
  /** Some part follows "bin"/"ibn"/"ben"…: the name spells a lineage. */
  readonly kinship: boolean;
  /** The name reads as a Chinese or Korean one (see looksEastAsian). */
  readonly eastAsian: boolean;
}

/** Structured parts of a person's name, used to tag the tokens of a full name. */
export interface NameHints {
  readonly given?: readonly string[];
  readonly middle?: readonly string[];
  readonly patronymic?: readonly string[];
  readonly family?: readonly string[];
}

const interned = new Map<string, number>();
let nextKeyId = 1;

/**
 * A number per distinct part key, for fast memo lookups. The table is cleared when it grows
 * large; numbers are never reused, so an old analysis never collides with a new one.
 */
function internKey(key: string): number {
  let id = interned.get(key);
  if (id === undefined) {
    if (interned.size >= 2_000_000) interned.clear();
    id = nextKeyId++;
    interned.set(key, id);
  }
  return id;
}

/** What a part's comparison keys depend on: its text, script and role, never its context. */
export interface WordKeys {
  readonly collapsed: string;
  /** Romanisation-blind spelling (spelling-fold.ts); the text itself outside Latin script. */
  readonly folded: string;
  /** Reads as romanised Chinese or Korean syllables, or is written in Han or Hangul (east-asian.ts). */
  readonly syllabic: boolean;
  readonly skeleton: string;
  readonly phonetic: readonly string[];
  /** Letters sorted (for reversed/shuffled spellings); empty for short parts. */
  readonly anagram: string;
  readonly variants: readonly number[];
  /** One of the very common name words (Mohammed, Ali, Kim…). */
  readonly common: boolean;
  /**
   * Number interned for the part's text, script and role (everything the other fields derive
   * from): the memo key of comparisons. The same word gives the same number while the intern
   * table lasts; numbers are never reused.
   */
  readonly keyId: number;
  /** Candidate-index keys of the part (see keys.ts). */
  readonly indexKeys: readonly string[];
}

/**
 * Keys per distinct word, computed once: list names repeat their words (Mohammed, Trading,
 * Company…) thousands of times, and phonetic codes and skeletons are the costly part of analysis.
 * Bounded like the intern table; the cached objects are shared and never modified.
 */
const wordKeyCache = new Map<PartRole, Map<Script, Map<string, WordKeys>>>();
let wordKeyCount = 0;

/** The cache for one role and script (a few dozen): keyed by the text, no key string built per lookup. */
function wordKeyMap(role: PartRole, script: Script): Map<string, WordKeys> {
  let byScript = wordKeyCache.get(role);
  if (!byScript) wordKeyCache.set(role, (byScript = new Map()));
  let cache = byScript.get(script);
  if (!cache) byScript.set(script, (cache = new Map()));
  return cache;
}

function wordKeys(text: string, script: Script, role: PartRole): WordKeys {
  let cache = wordKeyMap(role, script);
  let keys = cache.get(text);
  if (keys) return keys;
  const key = script === 'latin' && role === 'word' ? text : `${text}|${script}|${role}`;
  const skeleton = consonantSkeleton(text);
  const phonetic = role === 'word' || role === 'generic' ? phoneticKeys(text) : [];
  const variants = variantGroups(text);
  const folded = script === 'latin' ? foldSpelling(text) : text;
  keys = {
    collapsed: collapseRuns(text),
    folded,
    syllabic: script === 'cjk' || (script === 'latin' && (isEastAsianWord(text) || isEastAsianSurname(text))),
    skeleton,
    phonetic,
    anagram: text.length >= 5 ? sortLetters(text) : '',
    variants,
    common: COMMON_NAME_WORDS.has(text),
    keyId: internKey(key),
    indexKeys: partKeys(text, role, variants, phonetic, skeleton, folded),
  };
  if (text.length <= MAX_CACHED_WORD) {
    if (wordKeyCount >= 500_000) {
      wordKeyCache.clear();
      wordKeyCount = 0;
      cache = wordKeyMap(role, script);
    }
    cache.set(text, keys);
    wordKeyCount++;
  }
  return keys;
}

/** Parts beyond this many are ignored (bit masks are 31-bit). */
export const MAX_PARTS = 24;

export function kindForSchema(schema: string): NameKind {
  switch (schema) {
    case 'Person':
      return 'person';
    case 'Company':
    case 'Organization':
    case 'PublicBody':
      return 'org';
    case 'Vessel':
    case 'Airplane':
    case 'Vehicle':
      return 'vessel';
    default:
      return 'any';
  }
}

/** A token as the analysis rewrites it: the tokenizer's fields, its role and its tag. */
export interface Tok extends Omit<RawToken, 'word'> {
  /** Index in the token list as first split (kept through all rewrites). */
  id: number;
  /** The source word (RawToken.word). */
  source: number;
  role: PartRole;
  tag: PartTag;
}

const VOWEL_RE = /[aeiouy]/;
const ABD_CONNECTOR = /^ab[dt](?:[aeiou][a-z]?)?$/;
const ABU_WORDS = new Set(['abu', 'abou', 'abo', 'aboo']);
const ABD_CONNECTOR_PARTICLES = new Set([
  'al',
  'el',
  'ul',
  'ur',
  'ar',
  'as',
  'an',
  'ad',
  'az',
  'ash',
  'at',
  'us',
  'un',
  'ud',
  'ed',
  'es',
  'er',
]);
const ARABIC_CONNECTORS = new Set(['al', 'el', 'ol', 'ul', 'ud', 'ur', 'bin', 'ibn', 'bint']);
/** Second halves of Arabic compound names joined through the article (Nur al-Din, Zia ul-Haq). */
const COMPOUND_ENDS = new Set([
  'din',
  'deen',
  'dine',
  'islam',
  'haq',
  'haqq',
  'rahman',
  'zaman',
  'mulk',
  'dawla',
]);
const SUN_LETTERS = new Set(['t', 'd', 'r', 'z', 's', 'n', 'l']);
const ORDINAL_DIGITS = /^\d+(?:st|nd|rd|th)$/;
const NUMBER_LABELS = new Set(['no', 'nr', 'number', 'num', 'nomer', 'n']);

/** Canonical form of an "abd…" name: abd + the name, article and assimilation removed. */
function canonicalAbd(joined: string): string {
  let rest = joined.slice(3);
  if (/^[aeiou]/.test(rest)) rest = rest.slice(1);
  if (rest.startsWith('l') && rest.length > 3) rest = rest.slice(1);
  else if (rest.length > 3 && rest[0] === rest[1] && !VOWEL_RE.test(rest[0]!)) rest = rest.slice(1);
  return 'abd' + rest;
}

/** A copy of a token with some fields changed (explicit: object spread is slow on this path). */
function retok(
  t: Tok,
  text: string,
  role: PartRole = t.role,
  tag: PartTag = t.tag,
  initial: boolean = t.initial,
): Tok {
  return {
    id: t.id,
    text,
    script: t.script,
    upper: t.upper,
    initial,
    dotted: t.dotted,
    paren: t.paren,
    segment: t.segment,
    source: t.source,
    role,
    tag,
  };
}

/** The analysis's token, straight from the tokenizer. */
const makeTok: TokenFactory<Tok> = (t, paren, segment, word, index) => ({
  id: index,
  text: t.text,
  script: t.script,
  upper: t.upper,
  initial: t.initial,
  dotted: t.dotted,
  paren,
  segment,
  source: word,
  role: t.initial ? 'initial' : t.script === 'cjk' ? 'syllable' : 'word',
  tag: 'any',
});

function removeTitles(toks: Tok[], kind: NameKind, removed: string[]): Tok[] {
  if (kind === 'person' || kind === 'any') {
    // Titles stand before a name (at the start of each comma segment: "MAHMOOD, Dr. Bashir");
    // pure honorifics are dropped wherever they are, titles that are also surnames (Bishop,
    // Sheikh, Judge) only in front.
    // `kept` is only copied out once something is removed (most names have no title).
    let kept: Tok[] | undefined;
    let keptCount = 0;
    let segment = toks[0]?.segment ?? 0;
    let leading = true;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.segment !== segment) {
        segment = t.segment;
        leading = true;
      }
      let title = false;
      // Titles are Latin words: a consonant-only transliteration (عمر "mr") is a name.
      if (PERSON_TITLES.has(t.text) && !isVowelless(t.script) && t.script !== 'cjk') {
        if (leading) title = AMBIGUOUS_TITLES.has(t.text) ? keptCount === 0 && toks.length - i >= 3 : true;
        else title = kind === 'person' && ANYWHERE_TITLES.has(t.text);
      }
      if (title) {
        removed.push(t.text);
        kept ??= toks.slice(0, i);
        continue;
      }
      leading = false;
      keptCount++;
      kept?.push(t);
    }
    if (!kept) return toks;
    if (kept.length > 0) return kept;
    removed.length = 0;
    return toks;
  }
  if (kind === 'vessel') {
    let i = 0;
    while (i < toks.length - 1 && i < 2 && VESSEL_PREFIXES.has(toks[i]!.text)) {
      removed.push(toks[i]!.text);
      i++;
    }
    return i === 0 ? toks : toks.slice(i);
  }
  return toks;
}

function removeLegalForms(toks: Tok[], kind: NameKind, forms: LegalForm[]): Tok[] {
  if (toks.length === 0) return toks;
  const hits = findLegalForms(
    toks.map((t) => t.text),
    kind !== 'person',
  );
  if (hits.length === 0) return toks;
  const drop = new Set<number>();
  for (const h of hits) {
    if (kind === 'person') {
      const atEdge = h.start === 0 || h.start + h.length === toks.length;
      const single = h.length === 1 ? toks[h.start]!.text : '';
      if (!atEdge || PARTICLES.has(single) || toks.length - h.length - drop.size < 2) continue;
    }
    for (let k = h.start; k < h.start + h.length; k++) drop.add(k);
    if (!forms.some((f) => f.canonical === h.canonical))
      forms.push({ canonical: h.canonical, family: h.family });
  }
  return toks.filter((_, i) => !drop.has(i));
}

function extractNumbers(toks: Tok[], kind: NameKind, numbers: string[]): Tok[] {
  // Copied out at the first token taken or changed (most names have no numbers); `kept` counts
  // the tokens kept so far either way.
  let out: Tok[] | undefined;
  let kept = 0;
  const words = kind !== 'person';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (/^\d+$/.test(t.text)) {
      numbers.push(canonicalNumber(t.text));
      out ??= toks.slice(0, i);
      continue;
    }
    const ord = ordinalWord(t.text);
    if (ord) {
      out ??= toks.slice(0, i);
      out.push(retok(t, ord));
      kept++;
      continue;
    }
    if (ORDINAL_DIGITS.test(t.text)) {
      // An ordinal with no word kept for it ("99th Division"): a number that must agree.
      numbers.push(canonicalNumber(t.text.slice(0, -2)));
      out ??= toks.slice(0, i);
      continue;
    }
    if (words) {
      const tens = tensValue(t.text);
      if (tens !== undefined) {
        const next = toks[i + 1];
        const unit = next
          ? (unitValue(next.text) ?? (/^[1-9]$/.test(next.text) ? Number(next.text) : undefined))
          : undefined;
        out ??= toks.slice(0, i);
        if (unit !== undefined && unit < 10) {
          numbers.push(String(tens + unit));
          i++;
        } else numbers.push(String(tens));
        continue;
      }
      const unit = unitValue(t.text);
      if (unit !== undefined && toks.length > 1) {
        numbers.push(String(unit));
        out ??= toks.slice(0, i);
        continue;
      }
      // Roman numerals after the first word; a single letter (I, V, X) only as the last word
      // ("STAR I"), whatever the case: inside a name it is an initial ("C&I SEMICONDUCTORS"), and
      // customer data writes in lower case what a list writes in capitals.
      const roman = romanValue(t.text);
      if (roman !== undefined && kept > 0 && (t.text.length > 1 || i === toks.length - 1)) {
        numbers.push(String(roman));
        out ??= toks.slice(0, i);
        continue;
      }
    } else if (
      kept >= 2 &&
      i === toks.length - 1 &&
      (t.text === 'ii' || t.text === 'iii' || t.text === 'iv')
    ) {
      numbers.push(String(romanValue(t.text)));
      out ??= toks.slice(0, i);
      continue;
    }
    out?.push(t);
    kept++;
  }
  if (!out) return toks;
  // "No." / "Nr." labels in front of a number say nothing once the number is taken out.
  if (numbers.length > 0) return out.filter((t) => !NUMBER_LABELS.has(t.text) || out.length === 1);
  return out;
}

function joinArabicUnits(toks: Tok[]): Tok[] {
  // Only words starting "ab" (abd…, abu…) are rewritten.
  if (!toks.some((t) => t.text.charCodeAt(0) === 97 && t.text.charCodeAt(1) === 98)) return toks;
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (ABD_CONNECTOR.test(t.text) && i + 1 < toks.length) {
      let j = i + 1;
      let joined = t.text;
      while (j < toks.length - 1 && ABD_CONNECTOR_PARTICLES.has(toks[j]!.text)) joined += toks[j++]!.text;
      const next = toks[j]!;
      if (next.role === 'word') {
        out.push(retok(t, canonicalAbd(joined + next.text), 'word', t.tag, false));
        i = j;
        continue;
      }
    }
    if (/^ab[dt][aeiou]?[a-z]{4,}$/.test(t.text) && t.text.length >= 7) {
      out.push(retok(t, canonicalAbd(t.text)));
      continue;
    }
    if (ABU_WORDS.has(t.text) && i + 1 < toks.length && toks[i + 1]!.role === 'word') {
      let j = i + 1;
      if (j < toks.length - 1 && (toks[j]!.text === 'al' || toks[j]!.text === 'el')) j++;
      out.push(retok(t, 'abu' + toks[j]!.text, 'word'));
      i = j;
      continue;
    }
    out.push(t);
  }
  return out;
}

function assignRoles(toks: Tok[], kind: NameKind): Tok[] {
  let out = toks;
  if (kind !== 'person' && kind !== 'any') {
    const kept = out.filter((t) => !STOPWORDS.has(t.text));
    if (kept.length > 0) out = kept;
  }
  if (kind === 'any') {
    const kept = out.filter((t) => !(STOPWORDS.has(t.text) && !PARTICLES.has(t.text)));
    if (kept.length > 0) out = kept;
  }
  const result: Tok[] = [];
  for (let i = 0; i < out.length; i++) {
    let t = out[i]!;
    if (kind !== 'person' && kind !== 'vessel') {
      const full = Object.hasOwn(ORG_ABBREVIATIONS, t.text) ? ORG_ABBREVIATIONS[t.text] : undefined;
      if (full && out.length > 1) t = retok(t, full);
    } else if (kind === 'vessel' && (t.text === 'st' || t.text === 'ste') && i + 1 < out.length) {
      // Ships are named after saints: "St. Nikolay" = "Saint Nikolay".
      t = retok(t, t.text === 'st' ? 'saint' : 'sainte');
    }
    if (t.role === 'initial' || t.role === 'syllable') {
      result.push(t);
      continue;
    }
    if (ARABIC_CONNECTORS.has(t.text) && out.length > 1) {
      // Arabic and Persian articles and kinship words, in any kind of name: kept (for "Al Qadem"
      // ~ "Alqadem"), weigh little.
      result.push(retok(t, t.text === 'el' ? 'al' : t.text, 'particle'));
      continue;
    }
    if (kind === 'person' || kind === 'any') {
      if (PARTICLES.has(t.text) && (i > 0 || !NON_INITIAL_PARTICLES.has(t.text)) && out.length > 1) {
        result.push(retok(t, t.text, 'particle'));
        continue;
      }
      // "JC" in capitals, no vowel: initials written together.
      if (
        kind === 'person' &&
        t.upper &&
        t.script === 'latin' &&
        t.text.length >= 2 &&
        t.text.length <= 3 &&
        !VOWEL_RE.test(t.text)
      ) {
        for (const ch of t.text) result.push(retok(t, ch, 'initial', t.tag, true));
        continue;
      }
    }
    if (kind === 'org' || kind === 'any') {
      if (GENERIC_ORG_WORDS.has(t.text)) {
        result.push(retok(t, t.text, 'generic'));
        continue;
      }
      if (kind === 'org' && GEO_WORDS.has(t.text)) {
        result.push(retok(t, t.text, 'geo'));
        continue;
      }
    }
    result.push(t);
  }
  return result;
}

function dedupe(toks: Tok[]): Tok[] {
  const repeats = (t: Tok): boolean => t.role !== 'syllable' && t.role !== 'initial' && t.role !== 'particle';
  let any = false;
  for (let i = 1; i < toks.length && !any; i++) {
    if (!repeats(toks[i]!)) continue;
    for (let j = 0; j < i; j++) {
      if (toks[j]!.text === toks[i]!.text && repeats(toks[j]!)) {
        any = true;
        break;
      }
    }
  }
  if (!any) return toks;
  const seen = new Set<string>();
  const out: Tok[] = [];
  for (const t of toks) {
    if (!repeats(t)) {
      out.push(t);
      continue;
    }
    if (seen.has(t.text)) continue;
    seen.add(t.text);
    out.push(t);
  }
  return out;
}

/** Hint values' part texts; sized for a whole list's firstName/lastName values, so no rebuilds. */
const hintCache = new Map<string, string[]>();
function hintTokens(values: readonly string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const v of values ?? []) {
    let texts = hintCache.get(v);
    if (!texts) {
      // Only the texts are needed: the tokens, without the parts' comparison keys.
      texts = tokenizeForAnalysis(v, 'person').toks.map((t) => t.text);
      if (v.length <= 4 * MAX_CACHED_WORD) {
        if (hintCache.size >= 200_000) hintCache.clear();
        hintCache.set(v, texts);
      }
    }
    for (const t of texts) out.add(t);
  }
  return out;
}

interface HintSets {
  family: Set<string>;
  given: Set<string>;
  middle: Set<string>;
  patronymic: Set<string>;
}

/**
 * Part texts of each hints object, made once: an entity's names all come with the same hints
 * (read-only, so an object's texts cannot change under the cache).
 */
const hintSetCache = new WeakMap<NameHints, HintSets>();

function hintSets(hints: NameHints): HintSets {
  let sets = hintSetCache.get(hints);
  if (!sets) {
    sets = {
      family: hintTokens(hints.family),
      given: hintTokens(hints.given),
      middle: hintTokens(hints.middle),
      patronymic: hintTokens(hints.patronymic),
    };
    hintSetCache.set(hints, sets);
  }
  return sets;
}

function tagParts(
  toks: Tok[],
  kind: NameKind,
  hints: NameHints | undefined,
): { toks: Tok[]; tagged: boolean } {
  if (kind === 'any') {
    // A legal entity of unknown kind written "FAMILY, Given" (OFAC style) is most likely a person:
    // tag it when both sides of the comma hold only name words.
    const personLike = toks.every((t) => t.role === 'word' || t.role === 'particle' || t.role === 'initial');
    if (!personLike) return { toks, tagged: false };
  } else if (kind !== 'person') return { toks, tagged: false };
  if (
    hints &&
    (hints.given?.length || hints.family?.length || hints.middle?.length || hints.patronymic?.length)
  ) {
    const { family, given, middle, patronymic } = hintSets(hints);
    let tagged = false;
    // The tokens are this analysis's own (made for it by the tokenizer): tagged in place.
    for (const t of toks) {
      t.tag = family.has(t.text)
        ? 'family'
        : given.has(t.text)
          ? 'given'
          : patronymic.has(t.text)
            ? 'patronymic'
            : middle.has(t.text)
              ? 'middle'
              : 'any';
      if (t.tag !== 'any') tagged = true;
    }
    return { toks: naturalOrder(toks), tagged };
  }
  // "FAMILY, Given": a first comma segment, and one more holding a name word.
  let first = false;
  let later: number | undefined;
  let laterWord = false;
  let more = false;
  for (const t of toks) {
    if (t.segment === 0) first = true;
    else if (later === undefined || t.segment === later) {
      later = t.segment;
      if (t.role !== 'particle') laterWord = true;
    } else more = true;
  }
  if (first && laterWord && !more) {
    let firstGiven = true;
    for (const t of toks) {
      if (t.segment === 0) t.tag = 'family';
      else if (t.role === 'particle') t.tag = 'middle';
      else {
        t.tag = firstGiven ? 'given' : 'middle';
        firstGiven = false;
      }
    }
    return { toks: naturalOrder(toks), tagged: true };
  }
  return { toks, tagged: false };
}

const ORDER: Record<PartTag, number> = { given: 0, middle: 1, patronymic: 1, any: 1, family: 2 };

/** Given names first, family names last, otherwise as written (a stable sort of a few tokens). */
function naturalOrder(toks: Tok[]): Tok[] {
  const out = toks.slice();
  for (let i = 1; i < out.length; i++) {
    const t = out[i]!;
    let j = i - 1;
    while (j >= 0 && ORDER[out[j]!.tag] > ORDER[t.tag]) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = t;
  }
  return out;
}

const TAG_WEIGHT: Record<PartTag, number> = { given: 1, middle: 0.8, patronymic: 0.8, any: 1, family: 1.2 };

function weights(t: Tok, kind: NameKind, count: number): { weight: number; missWeight: number } {
  let w = TAG_WEIGHT[t.tag];
  let miss: number;
  switch (t.role) {
    case 'initial':
      w *= 0.4;
      miss = w;
      break;
    case 'particle':
      w *= 0.15;
      miss = 0.1;
      break;
    case 'generic':
      miss = w;
      w *= 0.35;
      break;
    case 'geo':
      w *= 0.3;
      miss = w;
      break;
    case 'syllable':
      w *= 0.5;
      miss = w;
      break;
    default:
      if (COMMON_NAME_WORDS.has(t.text) && kind !== 'org' && kind !== 'vessel') w *= 0.75;
      miss = w;
  }
  if (t.paren && count > 1) {
    w *= 0.35;
    miss *= 0.35;
  }
  return { weight: w, missWeight: miss };
}

/** Scratch for makeJoins: indices of the parts that can join, in source order. */
const joinOrder = new Int32Array(MAX_PARTS);

function makeJoins(parts: readonly NamePart[]): readonly NameJoin[] {
  // Joins follow the source order of parts, within one comma segment (insertion sort: a stable
  // sort of a few parts, with no arrays made).
  let n = 0;
  let maxLen = 3;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.role === 'syllable') maxLen = 4;
    if (p.role === 'initial') continue;
    let m = n++;
    while (m > 0 && parts[joinOrder[m - 1]!]!.source > p.source) {
      joinOrder[m] = joinOrder[m - 1]!;
      m--;
    }
    joinOrder[m] = i;
  }
  if (n < 2) return NONE;
  const joins: NameJoin[] = [];
  for (let s = 0; s < n; s++) {
    const first = parts[joinOrder[s]!]!;
    let text = first.text;
    let mask = 1 << joinOrder[s]!;
    let script = first.script;
    for (let k = 1; k < maxLen && s + k < n; k++) {
      const next = parts[joinOrder[s + k]!]!;
      const prev = parts[joinOrder[s + k - 1]!]!;
      if (next.segment !== prev.segment || next.source - prev.source > 1) break;
      text += next.text;
      mask |= 1 << joinOrder[s + k]!;
      if (next.script !== 'latin') script = next.script;
      if (text.length > 30) break;
      joins.push({ text, collapsed: collapseRuns(text), skeleton: consonantSkeleton(text), mask, script });
      if (k === 2 && script === 'latin' && prev.role === 'particle' && COMPOUND_ENDS.has(next.text)) {
        // Latin compounds through the article are written with it assimilated and run together:
        // Nur al-Din = Noureddine, Nuruddin; Salah ad-Din = Salaheddine. Kept as folded spellings
        // (spelling-fold.ts), compared with the parts' folded spellings.
        const c = SUN_LETTERS.has(next.text[0]!) ? next.text[0]! : 'l';
        for (const vowel of ['e', 'u']) {
          const compound = foldSpelling(first.text + vowel + c + next.text);
          joins.push({
            text: compound,
            collapsed: compound,
            skeleton: consonantSkeleton(compound),
            mask,
            script,
          });
        }
      }
      if (k === 2 && script !== 'latin' && prev.role === 'particle' && prev.text === 'al') {
        // The article assimilates in Latin spellings of compound names: شهاب الدين is written
        // Shahabuddin, نور الله Nurullah; their skeletons match the compound without "al".
        const bare = first.text + next.text;
        joins.push({
          text: bare,
          collapsed: collapseRuns(bare),
          skeleton: consonantSkeleton(bare),
          mask,
          script,
        });
      }
    }
  }
  // Kept as long as the index: an exact-size copy, not the grown push buffer.
  return joins.length ? joins.slice() : NONE;
}

/**
 * Initials of runs of words → the parts they cover. Built from the words as written (before legal
 * forms and stopwords were set aside), so NIOC = National Iranian Oil Company and PDVSA = Petróleos
 * de Venezuela S.A.; also without the stopwords (IRGC = Islamic Revolutionary Guard Corps).
 */
function lengthBits(items: readonly { text: string; collapsed: string; folded?: string }[]): number {
  let bits = 0;
  for (const x of items) {
    bits |= (1 << Math.min(x.text.length, 31)) | (1 << Math.min(x.collapsed.length, 31));
    if (x.folded !== undefined) bits |= 1 << Math.min(x.folded.length, 31);
  }
  return bits;
}

function makeAcronyms(source: readonly Tok[], kept: readonly Tok[], kind: NameKind): Acronyms {
  if (kind === 'person' || source.length < 2) return Acronyms.NONE;
  const texts: string[] = [];
  const masks: number[] = [];
  const add = (words: readonly Tok[]): void => {
    for (let s = 0; s < words.length; s++) {
      let acr = '';
      let mask = 0;
      for (let k = 0; k < 8 && s + k < words.length; k++) {
        const w = words[s + k]!;
        const c = w.text.charCodeAt(0);
        if (c < 97 || c > 122) break; // starts with a letter a–z
        // A dotted abbreviation (S.A.) gives all its letters.
        acr += w.dotted && w.text.length <= 4 && k > 0 ? w.text : w.text[0];
        for (let i = 0; i < kept.length; i++) {
          if (kept[i]!.id === w.id) {
            mask |= 1 << i;
            break;
          }
        }
        // The first run an acronym is found for keeps it.
        if (k >= 1 && mask !== 0 && acr.length >= 2 && !texts.includes(acr)) {
          texts.push(acr);
          masks.push(mask);
        }
      }
    }
  };
  add(source);
  const content = source.filter((t) => !STOPWORDS.has(t.text));
  if (content.length !== source.length) add(content);
  return texts.length ? new Acronyms(texts, masks) : Acronyms.NONE;
}

/** A name's tokens, tagged and in natural order, with what was set aside: the first half of analysis. */
export interface TokenizedName {
  readonly raw: string;
  readonly kind: NameKind;
  /** Opaque to callers: the kept tokens. */
  readonly toks: readonly Tok[];
  readonly removed: string[];
  readonly numbers: string[];
  readonly legalForms: LegalForm[];
  readonly acronymSource: readonly Tok[];
  readonly tagged: boolean;
  readonly arabic: boolean;
}

/**
 * The first half of analysis: the tokens a name keeps, tagged and in natural order, with what was
 * set aside. Callers that may drop the name (a duplicate spelling) stop here; completeAnalysis
 * makes the rest.
 */
export function tokenizeForAnalysis(raw: string, kind: NameKind = 'any', hints?: NameHints): TokenizedName {
  const clean = cleanRawName(raw);
  const removed: string[] = [];
  const numbers: string[] = [];
  const legalForms: LegalForm[] = [];
  let toks = scanTokens(clean, kind === 'person', makeTok);
  toks = removeTitles(toks, kind, removed);
  const acronymSource = kind === 'person' ? [] : toks;
  toks = removeLegalForms(toks, kind, legalForms);
  toks = extractNumbers(toks, kind, numbers);
  toks = joinArabicUnits(toks);
  toks = assignRoles(toks, kind);
  toks = dedupe(toks);
  const tagging = tagParts(toks, kind, hints);
  toks = tagging.toks.length > MAX_PARTS ? tagging.toks.slice(0, MAX_PARTS) : tagging.toks;
  const arabic = toks.some(
    (t) =>
      t.script === 'arabic' ||
      ARABIC_PARTICLES.has(t.text) ||
      ((t.text.startsWith('abd') || t.text.startsWith('abu')) && t.text.length > 4) ||
      isArabicName(t.text),
  );
  if (arabic) {
    // "Elsisi" = "el-Sisi" = "al-Sisi": one spelling of the article.
    toks = toks.map((t) =>
      t.role === 'word' && t.text.length >= 6 && t.text.startsWith('el')
        ? retok(t, 'al' + t.text.slice(2))
        : t,
    );
  }
  return { raw, kind, toks, removed, numbers, legalForms, acronymSource, tagged: tagging.tagged, arabic };
}

/**
 * Whether two spellings of a name analyse alike ("KIM, Jong Un" / "Kim Jong-un"): the same kept
 * parts with the same tags, roles and scripts, the same numbers and legal forms. Decided on the
 * tokens, so a duplicate spelling costs no part keys, joins or acronyms.
 */
export function sameTokens(a: TokenizedName, b: TokenizedName): boolean {
  if (a.toks.length !== b.toks.length || a.numbers.length !== b.numbers.length) return false;
  if (a.legalForms.length !== b.legalForms.length) return false;
  for (let i = 0; i < a.toks.length; i++) {
    const x = a.toks[i]!;
    const y = b.toks[i]!;
    if (x.text !== y.text || x.tag !== y.tag || x.role !== y.role || x.script !== y.script) return false;
  }
  for (let i = 0; i < a.numbers.length; i++) if (a.numbers[i] !== b.numbers[i]) return false;
  for (let i = 0; i < a.legalForms.length; i++) {
    if (a.legalForms[i]!.canonical !== b.legalForms[i]!.canonical) return false;
  }
  return true;
}

/**
 * Whether part `i` is written right after "bin"/"ibn"/"ben"… (a father's name): by source
 * position, since tagged parts are put in natural order.
 */
export function followsKinship(parts: readonly NamePart[], i: number): boolean {
  const p = parts[i]!;
  for (const o of parts) {
    if (o.source === p.source - 1 && o.segment === p.segment)
      return o.role === 'particle' && KINSHIP_PARTICLES.has(o.text);
  }
  return false;
}

/**
 * A Chinese or Korean name: written in Han or Hangul, or in Latin with two or more words that all
 * read as romanised syllables, one of them a common Chinese or Korean surname (Teng Hsiao-ping,
 * RI Pyong Chol).
 */
function looksEastAsian(parts: readonly NamePart[]): boolean {
  let words = 0;
  let surname = false;
  for (const p of parts) {
    if (p.role !== 'word' && p.role !== 'syllable') continue;
    if (!p.syllabic) return false;
    words++;
    if (p.script === 'cjk' || isEastAsianSurname(p.text)) surname = true;
  }
  return words >= 2 && surname;
}

/** Shared by the many analyses with no numbers, legal forms or removed titles (never modified). */
const NONE: readonly never[] = Object.freeze([]);

/** The second half of analysis: each kept token becomes a part with its comparison keys. */
export function completeAnalysis(tokenized: TokenizedName): NameAnalysis {
  const { raw, kind, toks, removed, numbers, legalForms, acronymSource, tagged, arabic } = tokenized;
  const parts = toks.map((t): NamePart => {
    const { weight, missWeight } = weights(t, kind, toks.length);
    const w = wordKeys(t.text, t.script, t.role);
    // Fields written out (not spread from w): one object shape for every part.
    return {
      text: t.text,
      tag: t.tag,
      role: t.role,
      script: t.script,
      weight,
      missWeight,
      optional: t.paren,
      collapsed: w.collapsed,
      folded: w.folded,
      syllabic: w.syllabic,
      skeleton: w.skeleton,
      phonetic: w.phonetic,
      anagram: w.anagram,
      variants: w.variants,
      common: w.common,
      keyId: w.keyId,
      indexKeys: w.indexKeys,
      distinctive: (t.role === 'word' || t.role === 'syllable') && !t.paren,
      segment: t.segment,
      source: t.source,
    };
  });
  const joins = makeJoins(parts);
  const acronyms = makeAcronyms(acronymSource, toks, kind);
  return {
    raw,
    kind,
    parts,
    joins,
    foreignJoins: joins.some((j) => j.script !== 'latin'),
    foreignParts: parts.some((p) => p.script !== 'latin'),
    partLengths: lengthBits(parts),
    joinLengths: lengthBits(joins),
    acronyms,
    numbers: numbers.length ? numbers : NONE,
    legalForms: legalForms.length ? legalForms : NONE,
    removed: removed.length ? removed : NONE,
    tagged,
    arabic,
    kinship: parts.some((_, i) => followsKinship(parts, i)),
    eastAsian: looksEastAsian(parts),
  };
}

/**
 * Analyse one name. `kind` selects the rules (person, org, vessel, any); `hints` are the entity's
 * firstName/lastName/… values, used to tag the parts of a full name.
 */
export function analyzeName(raw: string, kind: NameKind = 'any', hints?: NameHints): NameAnalysis {
  return completeAnalysis(tokenizeForAnalysis(raw, kind, hints));
}

/** Letter-count signature: equal for words made of the same letters in any order. */
function sortLetters(s: string): string {
  const counts = new Uint8Array(36);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts[c >= 97 ? c - 97 : c - 22]++;
  }
  let out = '';
  for (let i = 0; i < 36; i++)
    if (counts[i]) out += String.fromCharCode(i < 26 ? 97 + i : 22 + i) + counts[i];
  return out;
}

/**
 * Analyse a person's name given only in parts (firstName, middleName, fatherName, lastName): the
 * parts are joined in natural order and tagged.
 */
export function analyzeNameParts(
  parts: {
    given?: readonly string[];
    middle?: readonly string[];
    patronymic?: readonly string[];
    family?: readonly string[];
  },
  kind: NameKind = 'person',
): NameAnalysis {
  const text = [
    ...(parts.given ?? []),
    ...(parts.middle ?? []),
    ...(parts.patronymic ?? []),
    ...(parts.family ?? []),
  ].join(' ');
  return analyzeName(text, kind, parts);
}
