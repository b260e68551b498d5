/**
 * Comparison of two analysed names.
 *
 * 1. Candidate pairs: every query part against every candidate part (part-similarity.ts; between
 *    two Chinese or Korean names also in either romanisation, east-asian.ts), plus
 *    run-together spellings (adjacent parts of one side written as one word on the other:
 *    "SiemensAG", "Good Will"/"Goodwill", "Patr ushev", CJK syllables) and acronyms of
 *    organisations ("PLA" = People's Liberation Army). Pairs whose parts carry conflicting tags
 *    (a given name against a family name) are discounted.
 * 2. Alignment: the best pairs are taken greedily without reusing a part, so the result does not
 *    depend on word order.
 * 3. Score = Σ matched similarity × weight / (Σ matched weight + unmatched query weight × 1.0 +
 *    unmatched candidate weight × 0.2 for people, 0.5 for organisations and vessels, 0.8 for an
 *    organisation's words before the first matched one, 1.0 for a person's family name when none
 *    of the entry's family names matched). An extra word in the query is strong
 *    evidence of another name; an extra middle name or patronymic in the list entry is not, nor
 *    a trailing descriptor of a company.
 * 4. Adjustments: when only descriptive words matched (“Trading”, initials) while something
 *    distinctive is left over, the score is capped at 0.45; when only very common name words
 *    matched (Mohammed, Ali, Kim) and the names differ otherwise, ×0.85; conflicting initials
 *    (William G. vs William W.) ×0.8; a different word order ×0.97, so that a reversed name never
 *    scores 1.0. Relatives share most words: two lineages crossed ("bin"/"ibn"/"ben": Ahmad bin Ali
 *    is not Ali bin Ahmad) ×0.6; an Arabic name starting with a word the other lacks while the
 *    other's first word matches further in (Uday Saddam Hussein, Saddam Hussein's son) ×0.7; each
 *    person with a given name the other lacks (siblings) ×0.8. Organisations or vessels that each
 *    keep a place of their own (branches) ×0.7, a word of their own ×0.85.
 *
 * Numbers and legal forms are reported for the entity scorer, which turns a disagreement into a
 * penalty feature.
 */
import {
  followsKinship,
  type NameAnalysis,
  type NameJoin,
  type NamePart,
  type PartTag,
} from '../names/analyze.js';
import { legalFormsCompatible } from '../names/legal-forms.js';
import { numbersAgree } from '../names/numbers.js';
import { isVowelless } from '../names/scripts.js';
import { eastAsianFold } from '../names/east-asian.js';
import { mergeLiquids } from '../names/skeleton.js';
import type { MatchHow, PartSimilarity } from './part-similarity.js';
import { memoPartSimilarity } from './part-similarity-memo.js';

/** Weight factor of query parts left unmatched. */
export const EXTRA_QUERY_FACTOR = 1.0;
/** Weight factor of candidate parts left unmatched, by the candidate's kind of name. */
export const EXTRA_CANDIDATE_FACTOR: Record<NameAnalysis['kind'], number> = {
  person: 0.2,
  org: 0.5,
  vessel: 0.5,
  any: 0.3,
};
/** Multiplier for a pair whose tags conflict (given name against family name). */
export const TAG_CONFLICT_FACTOR = 0.55;
const MIN_PAIR_SCORE = 0.5;
/** Two Chinese or Korean name words that are one in another romanisation (east-asian.ts). */
const EAST_ASIAN: PartSimilarity = Object.freeze({ score: 0.85, how: 'folded' as const });
const GENERIC_ONLY_CAP = 0.45;
const INITIALS_CONFLICT_FACTOR = 0.8;
const ORDER_FACTOR = 0.97;
const COMMON_ONLY_FACTOR = 0.85;
const LINEAGE_ORDER_FACTOR = 0.6;
const SHIFTED_START_FACTOR = 0.7;
const GIVEN_CONFLICT_FACTOR = 0.8;
const OWN_WORDS_FACTOR = 0.85;
const OWN_PLACES_FACTOR = 0.7;
const GENERATION_FACTOR = 0.5;
/** A person's name matched inside an organisation's ("Usama Bin Laden Network"): the person ranks first. */
const NAMED_AFTER_FACTOR = 0.85;
/** Weight factor of an organisation's or vessel's unmatched words before the first matched one. */
const LEADING_EXTRA_FACTOR = 0.8;

/** Bit flags of what happened during alignment (see `notes` in NameComparison). */
export const NOTE_TAG_CONFLICT = 1;
export const NOTE_ORDER = 2;
export const NOTE_INITIALS_CONFLICT = 4;
export const NOTE_GENERIC_ONLY = 8;
export const NOTE_COMMON_ONLY = 16;
export const NOTE_LINEAGE_ORDER = 32;
export const NOTE_SHIFTED_START = 64;
export const NOTE_GIVEN_CONFLICT = 128;
export const NOTE_OWN_WORDS = 256;
export const NOTE_GENERATION = 512;
export const NOTE_NAMED_AFTER = 1024;

/** One chosen pair of part sets (bit masks over parts). */
export interface Pick {
  qMask: number;
  cMask: number;
  score: number;
  how: MatchHow;
  conflict: boolean;
  weight: number;
}

export interface NameAlignment {
  score: number;
  /** The aligned pairs; only filled when asked for (see alignNames). */
  picks: readonly Pick[];
  qMatched: number;
  cMatched: number;
  numbersAgree: boolean | undefined;
  legalFormsCompatible: boolean;
  notes: number;
}

function isGivenSide(tag: PartTag): boolean {
  return tag === 'given' || tag === 'middle' || tag === 'patronymic';
}

function tagsConflict(a: PartTag, b: PartTag): boolean {
  return (a === 'family' && isGivenSide(b)) || (b === 'family' && isGivenSide(a));
}

function sumWeight(parts: readonly NamePart[], mask: number): number {
  let s = 0;
  for (let i = 0; i < parts.length; i++) if (mask & (1 << i)) s += parts[i]!.weight;
  return s;
}

const HOW_JOINED: MatchHow = 'joined';

/** Similarity of adjacent parts written together on one side and one part on the other. */
function joinScore(join: NameJoin, part: NamePart, eastAsian: boolean): number {
  if (part.role === 'initial') return 0;
  if (join.text === part.text) return 0.95;
  if (join.collapsed === part.collapsed) return 0.93;
  if (join.text === part.folded) return 0.9; // the folded compounds of makeJoins (Noureddine)
  // Syllables written apart on one side, together on the other, in two romanisations
  // (Hsiao-p'ing ~ Xiaoping).
  if (eastAsian && part.syllabic && eastAsianFold(join.text) === eastAsianFold(part.text))
    return EAST_ASIAN.score;
  const cjk = join.script === 'cjk' || part.script === 'cjk';
  if (cjk || isVowelless(join.script) || isVowelless(part.script)) {
    if (join.script === part.script) return 0;
    const a = cjk ? mergeLiquids(join.skeleton) : join.skeleton;
    const b = cjk ? mergeLiquids(part.skeleton) : part.skeleton;
    if (a.length >= 2 && a === b) return 0.85;
  }
  return 0;
}

// Candidate pairs, as parallel arrays reused across calls (alignment runs millions of times).
let capacity = 256;
let pQ = new Int32Array(capacity);
let pC = new Int32Array(capacity);
let pScore = new Float64Array(capacity);
let pWeight = new Float64Array(capacity);
let pConflict = new Uint8Array(capacity);
let pOrder = new Int32Array(capacity);
const pHow: MatchHow[] = new Array<MatchHow>(capacity);
let count = 0;
const pickQ = new Int32Array(32);
const pickC = new Int32Array(32);

function grow(): void {
  capacity *= 2;
  const q = new Int32Array(capacity);
  q.set(pQ);
  pQ = q;
  const c = new Int32Array(capacity);
  c.set(pC);
  pC = c;
  const sc = new Float64Array(capacity);
  sc.set(pScore);
  pScore = sc;
  const w = new Float64Array(capacity);
  w.set(pWeight);
  pWeight = w;
  const cf = new Uint8Array(capacity);
  cf.set(pConflict);
  pConflict = cf;
  pOrder = new Int32Array(capacity);
}

function push(
  qMask: number,
  cMask: number,
  score: number,
  how: MatchHow,
  conflict: boolean,
  weight: number,
): void {
  if (count === capacity) grow();
  pQ[count] = qMask;
  pC[count] = cMask;
  pScore[count] = score;
  pHow[count] = how;
  pConflict[count] = conflict ? 1 : 0;
  pWeight[count] = weight;
  count++;
}

// Relative positions of the two sides' parts, for breaking ties between equally good pairs: of
// "Nuri" against "Nur … Nuri", the pair in the same place wins.
let qLength = 1;
let cLength = 1;
function positionGap(qMask: number, cMask: number): number {
  const d = lowestBit(qMask) / qLength - lowestBit(cMask) / cLength;
  return d < 0 ? -d : d;
}

const NO_PICKS: readonly Pick[] = Object.freeze([]);

function fill(
  into: NameAlignment | undefined,
  score: number,
  picks: readonly Pick[],
  qMatched: number,
  cMatched: number,
  agree: boolean | undefined,
  legal: boolean,
  notes: number,
): NameAlignment {
  if (!into)
    return { score, picks, qMatched, cMatched, numbersAgree: agree, legalFormsCompatible: legal, notes };
  into.score = score;
  into.picks = picks;
  into.qMatched = qMatched;
  into.cMatched = cMatched;
  into.numbersAgree = agree;
  into.legalFormsCompatible = legal;
  into.notes = notes;
  return into;
}

/** A reusable alignment record, for callers that align many pairs and keep only numbers. */
export function newAlignment(): NameAlignment {
  return {
    score: 0,
    picks: NO_PICKS,
    qMatched: 0,
    cMatched: 0,
    numbersAgree: undefined,
    legalFormsCompatible: true,
    notes: 0,
  };
}

/**
 * Align two names and score them. With `withPicks` the chosen pairs are returned (for
 * explanations); without, and with a reusable `into` record (newAlignment), the call allocates
 * nothing.
 */
export function alignNames(
  q: NameAnalysis,
  c: NameAnalysis,
  withPicks = false,
  into?: NameAlignment,
): NameAlignment {
  const qp = q.parts;
  const cp = c.parts;
  const agree =
    q.numbers.length === 0 && c.numbers.length === 0
      ? undefined
      : q.kind === 'person' || c.kind === 'person'
        ? q.numbers.length > 0 && c.numbers.length > 0
          ? numbersAgree(q.numbers, c.numbers)
          : undefined
        : numbersAgree(q.numbers, c.numbers);
  const legal =
    q.legalForms.length === 0 ||
    c.legalForms.length === 0 ||
    legalFormsCompatible(q.legalForms, c.legalForms);
  if (qp.length === 0 || cp.length === 0) return fill(into, 0, NO_PICKS, 0, 0, agree, legal, 0);
  const arabic = q.arabic || c.arabic;
  const eastAsian = q.eastAsian && c.eastAsian;
  count = 0;
  qLength = qp.length;
  cLength = cp.length;
  for (let i = 0; i < qp.length; i++) {
    const a = qp[i]!;
    for (let j = 0; j < cp.length; j++) {
      const b = cp[j]!;
      let sim = memoPartSimilarity(a, b, arabic);
      if (
        eastAsian &&
        sim.score < EAST_ASIAN.score &&
        a.syllabic &&
        b.syllabic &&
        eastAsianFold(a.text) === eastAsianFold(b.text)
      )
        sim = EAST_ASIAN;
      if (sim.score < MIN_PAIR_SCORE) continue;
      const conflict = tagsConflict(a.tag, b.tag);
      push(
        1 << i,
        1 << j,
        conflict ? sim.score * TAG_CONFLICT_FACTOR : sim.score,
        sim.how,
        conflict,
        (a.weight + b.weight) / 2,
      );
    }
  }
  // Run-together spellings: joins of one side against single parts of the other. Latin joins are
  // looked up by text; joins from other scripts are compared by skeleton.
  // Every join is tried against every part when a side is in another script or both are Chinese or
  // Korean; otherwise only parts of a join's length.
  if (
    q.joins.length > 0 &&
    (q.foreignJoins || c.foreignParts || eastAsian || (q.joinLengths & c.partLengths) !== 0)
  ) {
    const scan = q.foreignJoins || c.foreignParts || eastAsian;
    for (let k = 0; k < q.joins.length; k++) {
      const join = q.joins[k]!;
      for (let j = 0; j < cp.length; j++) {
        const b = cp[j]!;
        // Cheap length test first: most pairs differ in length.
        if (
          !scan &&
          join.text.length !== b.text.length &&
          join.collapsed.length !== b.collapsed.length &&
          join.text.length !== b.folded.length
        )
          continue;
        const js = joinScore(join, b, eastAsian);
        if (js > 0) push(join.mask, 1 << j, js, HOW_JOINED, false, (sumWeight(qp, join.mask) + b.weight) / 2);
      }
    }
  }
  if (
    c.joins.length > 0 &&
    (c.foreignJoins || q.foreignParts || eastAsian || (c.joinLengths & q.partLengths) !== 0)
  ) {
    const scan = c.foreignJoins || q.foreignParts || eastAsian;
    for (let k = 0; k < c.joins.length; k++) {
      const join = c.joins[k]!;
      for (let i = 0; i < qp.length; i++) {
        const a = qp[i]!;
        if (
          !scan &&
          join.text.length !== a.text.length &&
          join.collapsed.length !== a.collapsed.length &&
          join.text.length !== a.folded.length
        )
          continue;
        const js = joinScore(join, a, eastAsian);
        if (js > 0) push(1 << i, join.mask, js, HOW_JOINED, false, (a.weight + sumWeight(cp, join.mask)) / 2);
      }
    }
  }
  if (c.acronyms.size > 0) {
    for (let i = 0; i < qp.length; i++) {
      const p = qp[i]!;
      if (p.text.length < 2 || p.text.length > 6 || (p.role !== 'word' && p.role !== 'generic')) continue;
      const mask = c.acronyms.get(p.text);
      if (mask !== undefined)
        push(1 << i, mask, 0.85, 'acronym', false, (p.weight + sumWeight(cp, mask)) / 2);
    }
  }
  if (q.acronyms.size > 0) {
    for (let j = 0; j < cp.length; j++) {
      const p = cp[j]!;
      if (p.text.length < 2 || p.text.length > 6 || (p.role !== 'word' && p.role !== 'generic')) continue;
      const mask = q.acronyms.get(p.text);
      if (mask !== undefined)
        push(mask, 1 << j, 0.85, 'acronym', false, (sumWeight(qp, mask) + p.weight) / 2);
    }
  }
  if (count === 0) return fill(into, 0, NO_PICKS, 0, 0, agree, legal, 0);
  // Best pairs first, then the heavier, then the one in the same place on both sides (insertion
  // sort: there are rarely more than a few dozen).
  for (let k = 0; k < count; k++) {
    let m = k;
    const s = pScore[k]!;
    const w = pWeight[k]!;
    while (m > 0) {
      const o = pOrder[m - 1]!;
      const os = pScore[o]!;
      if (os > s) break;
      if (os === s) {
        const ow = pWeight[o]!;
        if (ow > w) break;
        if (ow === w && positionGap(pQ[o]!, pC[o]!) <= positionGap(pQ[k]!, pC[k]!)) break;
      }
      pOrder[m] = o;
      m--;
    }
    pOrder[m] = k;
  }
  let qUsed = 0;
  let cUsed = 0;
  const picks: Pick[] | undefined = withPicks ? [] : undefined;
  let matched = 0;
  let matchedWeight = 0;
  let distinctive = false;
  let rare = false;
  let notes = 0;
  let order = false;
  let nPicks = 0;
  for (let k = 0; k < count; k++) {
    const idx = pOrder[k]!;
    const qm = pQ[idx]!;
    const cm = pC[idx]!;
    if (qm & qUsed || cm & cUsed) continue;
    qUsed |= qm;
    cUsed |= cm;
    const score = pScore[idx]!;
    const weight = pWeight[idx]!;
    const how = pHow[idx]!;
    if (picks) picks.push({ qMask: qm, cMask: cm, score, how, conflict: pConflict[idx] === 1, weight });
    matched += score * weight;
    matchedWeight += weight;
    if (pConflict[idx] === 1) notes |= NOTE_TAG_CONFLICT;
    if (how !== 'initial' && !rare) {
      for (let i = 0; i < qp.length; i++) {
        if (qm & (1 << i) && qp[i]!.distinctive) {
          distinctive = true;
          if (!qp[i]!.common) rare = true;
        }
      }
      for (let j = 0; j < cp.length; j++) {
        if (cm & (1 << j) && cp[j]!.distinctive) {
          distinctive = true;
          if (!cp[j]!.common) rare = true;
        }
      }
    }
    // Word order: any two picks in a different order on the two sides.
    const lq = lowestBit(qm);
    const lc = lowestBit(cm);
    for (let m = 0; m < nPicks && !order; m++) if ((lq - pickQ[m]!) * (lc - pickC[m]!) < 0) order = true;
    if (nPicks < 32) {
      pickQ[nPicks] = lq;
      pickC[nPicks] = lc;
      nPicks++;
    }
  }
  let missQ = 0;
  let anyDistinctive = false;
  let looseDistinctive = false;
  let qLooseInitial = false;
  let qLoose = false;
  let qLooseGiven = false;
  let qLooseOwn = false;
  let qLooseGeo = false;
  for (let i = 0; i < qp.length; i++) {
    const p = qp[i]!;
    if (p.distinctive) anyDistinctive = true;
    if (qUsed & (1 << i)) continue;
    if (p.distinctive) looseDistinctive = true;
    missQ += p.missWeight;
    if (p.role === 'initial') qLooseInitial = true;
    if ((p.role === 'initial' || p.role === 'word') && p.tag !== 'family') qLoose = true;
    if (p.role === 'word' && p.distinctive && p.tag !== 'family') qLooseGiven = true;
    if (p.role === 'word' && p.distinctive) qLooseOwn = true;
    if (p.role === 'geo') qLooseGeo = true;
  }
  let missC = 0;
  let cLooseInitial = false;
  let cLoose = false;
  let cLooseGiven = false;
  let cLooseOwn = false;
  let cLooseGeo = false;
  let cLooseGeneric = false;
  const extraC = EXTRA_CANDIDATE_FACTOR[c.kind];
  // In organisation and vessel names, a missing head word changes the name ("Eagle Shipping" is
  // not "Golden Eagle Shipping"); missing trailing words usually shorten it.
  let firstMatched = -1;
  if (c.kind === 'org' || c.kind === 'vessel') {
    firstMatched = Infinity;
    for (let j = 0; j < cp.length; j++)
      if (cUsed & (1 << j) && cp[j]!.source < firstMatched) firstMatched = cp[j]!.source;
  }
  // A person's family name that the query does not have at all: "Vladimir P." is not
  // "Vladimir Putin" when the entry is "KONONOV, Vladimir P.".
  let familyMatched = false;
  let hasFamily = false;
  if (c.tagged) {
    for (let j = 0; j < cp.length; j++) {
      if (cp[j]!.tag !== 'family' || cp[j]!.role === 'particle') continue;
      hasFamily = true;
      if (cUsed & (1 << j)) familyMatched = true;
    }
  }
  const familyMissing = hasFamily && !familyMatched;
  for (let j = 0; j < cp.length; j++) {
    const p = cp[j]!;
    if (p.distinctive) anyDistinctive = true;
    if (cUsed & (1 << j)) continue;
    const distinct = p.distinctive;
    if (distinct) looseDistinctive = true;
    // A descriptor the list entry has and the query lacks ("Rosneft" vs "Rosneft Oil Company")
    // says less than one the query has and the entry lacks.
    const w = p.role === 'generic' ? (p.weight + p.missWeight) / 2 : p.missWeight;
    // A Chinese or Korean name's syllables make one given name: one missing makes another name
    // (李克强 Li Keqiang is not Li Qiang).
    const factor =
      (familyMissing && p.tag === 'family') || p.role === 'syllable'
        ? 1
        : distinct && p.source < firstMatched
          ? LEADING_EXTRA_FACTOR
          : extraC;
    missC += w * factor;
    if (p.role === 'initial') cLooseInitial = true;
    if ((p.role === 'initial' || p.role === 'word') && p.tag !== 'family') cLoose = true;
    if (p.role === 'word' && p.distinctive && p.tag !== 'family') cLooseGiven = true;
    if (p.role === 'word' && p.distinctive) cLooseOwn = true;
    if (p.role === 'geo') cLooseGeo = true;
    if (p.role === 'generic') cLooseGeneric = true;
  }
  let score = matched / (matchedWeight + missQ * EXTRA_QUERY_FACTOR + missC);
  if (!distinctive && anyDistinctive && score > GENERIC_ONLY_CAP) {
    score = GENERIC_ONLY_CAP;
    notes |= NOTE_GENERIC_ONLY;
  }
  if (distinctive && !rare && looseDistinctive) {
    // Only very common words (Mohammed, Ali, Kim) matched and the names differ otherwise.
    score *= COMMON_ONLY_FACTOR;
    notes |= NOTE_COMMON_ONLY;
  }
  if (qLooseGiven && cLooseGiven && q.kind === 'person' && c.kind === 'person') {
    // Each side has a given name the other lacks: siblings (Jose Maria / Jose Luis RUELAS AVILA).
    score *= GIVEN_CONFLICT_FACTOR;
    notes |= NOTE_GIVEN_CONFLICT;
  }
  if (q.kind !== 'person' && c.kind !== 'person') {
    // Each organisation or vessel name has a place, or a word, of its own: another branch or a
    // sister company (Al-Haramain Pakistan / Afghanistan Branch).
    if (qLooseGeo && cLooseGeo) {
      score *= OWN_PLACES_FACTOR;
      notes |= NOTE_OWN_WORDS;
    } else if ((qLooseOwn || qLooseGeo) && (cLooseOwn || cLooseGeo)) {
      score *= OWN_WORDS_FACTOR;
      notes |= NOTE_OWN_WORDS;
    }
  }
  if (c.kind === 'org' && missQ === 0 && (cLooseGeneric || c.legalForms.length > 0) && namesAPerson(q)) {
    // The whole of a person's name inside an organisation's, which adds an organisation word
    // (Usama Bin Laden Network, Kim Il Sung Foundation): the organisation is named after the
    // person the query names, who should rank above it.
    score *= NAMED_AFTER_FACTOR;
    notes |= NOTE_NAMED_AFTER;
  }
  if ((qLooseInitial && cLoose) || (cLooseInitial && qLoose)) {
    score *= INITIALS_CONFLICT_FACTOR;
    notes |= NOTE_INITIALS_CONFLICT;
  }
  if (order && !(q.tagged && c.tagged)) {
    // Some candidate parts appear in another order than in the query.
    score *= ORDER_FACTOR;
    notes |= NOTE_ORDER;
  }
  if (generationsDiffer(q.removed, c.removed)) {
    // Father and son of one name: John Smith Sr. is not John Smith Jr.
    score *= GENERATION_FACTOR;
    notes |= NOTE_GENERATION;
  }
  if (lineageCrossed(q, c, nPicks)) {
    score *= LINEAGE_ORDER_FACTOR;
    notes |= NOTE_LINEAGE_ORDER;
  }
  if ((q.kind === 'person' || c.kind === 'person') && arabic && shiftedStart(q, c, qUsed, cUsed, nPicks)) {
    score *= SHIFTED_START_FACTOR;
    notes |= NOTE_SHIFTED_START;
  }
  return fill(into, score > 1 ? 1 : score, picks ?? NO_PICKS, qUsed, cUsed, agree, legal, notes);
}

/**
 * A query that names a person: a Person query, or one of no particular kind made of two or more
 * name words (with particles and initials) and nothing that marks an organisation.
 */
function namesAPerson(q: NameAnalysis): boolean {
  if (q.kind === 'person') return true;
  if (q.kind !== 'any' || q.legalForms.length) return false;
  let words = 0;
  for (const p of q.parts) {
    if (p.role === 'word') words++;
    else if (p.role !== 'particle' && p.role !== 'initial') return false;
  }
  return words >= 2;
}

/**
 * Both names spell a lineage with "bin"/"ibn"/"ben"… and some pick pairs a father's name (the word
 * after the particle) with a word that is not one on the other side: Ahmad bin Ali ~ Ali bin Ahmad.
 * (pickQ/pickC hold the first part of each pick.)
 */
function lineageCrossed(q: NameAnalysis, c: NameAnalysis, nPicks: number): boolean {
  if (!q.kinship || !c.kinship) return false;
  for (let m = 0; m < nPicks; m++) {
    if (followsKinship(q.parts, pickQ[m]!) !== followsKinship(c.parts, pickC[m]!)) return true;
  }
  return false;
}

const SENIOR = new Set(['sr', 'snr', 'senior']);
const JUNIOR = new Set(['jr', 'jnr', 'junior']);

/** One name marked senior and the other junior (the markers are removed as titles). */
function generationsDiffer(q: readonly string[], c: readonly string[]): boolean {
  if (q.length === 0 || c.length === 0) return false;
  const qs = q.some((t) => SENIOR.has(t));
  const qj = q.some((t) => JUNIOR.has(t));
  const cs = c.some((t) => SENIOR.has(t));
  const cj = c.some((t) => JUNIOR.has(t));
  return (qs && cj) || (qj && cs);
}

function distinctiveParts(parts: readonly NamePart[]): { first: number; count: number } {
  let first = -1;
  let count = 0;
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i]!.distinctive) continue;
    if (first < 0) first = i;
    count++;
  }
  return { first, count };
}

/**
 * One person's name starts with a word the other lacks, while the other's first word is matched
 * further in: "Uday Saddam Hussein" against "Saddam Hussein". Checked for Arabic names only, where
 * the second name is the father's (Alexander Boris de Pfeffel Johnson is Boris Johnson). Not when
 * the other name is a single word, nor when a title was removed from its front (the first word may
 * have been that title).
 */
function shiftedStart(
  q: NameAnalysis,
  c: NameAnalysis,
  qUsed: number,
  cUsed: number,
  nPicks: number,
): boolean {
  const qd = distinctiveParts(q.parts);
  const cd = distinctiveParts(c.parts);
  if (qd.first < 0 || cd.first < 0) return false;
  const qIn = (qUsed & (1 << qd.first)) !== 0;
  const cIn = (cUsed & (1 << cd.first)) !== 0;
  if (qIn === cIn) return false;
  const inner = qIn ? q : c;
  if ((qIn ? qd : cd).count < 2 || inner.removed.length > 0) return false;
  for (let m = 0; m < nPicks; m++) {
    if (qIn && pickQ[m] === qd.first) return pickC[m]! > cd.first;
    if (cIn && pickC[m] === cd.first) return pickQ[m]! > qd.first;
  }
  return false;
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

/** One aligned pair of parts, for explanations. */
export interface PartPairExplanation {
  query: string;
  candidate: string;
  score: number;
  how: MatchHow;
}

export interface NameComparison {
  score: number;
  query: string;
  candidate: string;
  pairs: PartPairExplanation[];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
  numbers: { query: readonly string[]; candidate: readonly string[]; agree: boolean | undefined };
  legalForms: { query: string[]; candidate: string[]; compatible: boolean };
  notes: string[];
}

function maskText(parts: readonly NamePart[], mask: number): string {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) if (mask & (1 << i)) out.push(parts[i]!.text);
  return out.join(' ');
}

/** Explanation of an alignment, in words a reviewer can check. */
export function explainAlignment(q: NameAnalysis, c: NameAnalysis, a: NameAlignment): NameComparison {
  const notes: string[] = [];
  if (a.notes & NOTE_TAG_CONFLICT) notes.push('given and family names swapped');
  if (a.notes & NOTE_ORDER) notes.push('word order differs');
  if (a.notes & NOTE_INITIALS_CONFLICT) notes.push('initials conflict with other name parts');
  if (a.notes & NOTE_GENERIC_ONLY) notes.push('only generic words matched');
  if (a.notes & NOTE_COMMON_ONLY) notes.push('only very common name words matched');
  if (a.notes & NOTE_LINEAGE_ORDER) notes.push('lineage (bin/ibn) in another order');
  if (a.notes & NOTE_GIVEN_CONFLICT) notes.push('each name has a given name the other lacks');
  if (a.notes & NOTE_OWN_WORDS) notes.push('each name has a word of its own');
  if (a.notes & NOTE_GENERATION) notes.push('senior and junior');
  if (a.notes & NOTE_SHIFTED_START) notes.push('one name starts with a word the other lacks (a relative?)');
  if (a.notes & NOTE_NAMED_AFTER) notes.push('an organisation named after the person the query names');
  if (q.removed.length) notes.push(`ignored in query: ${q.removed.join(', ')}`);
  if (c.removed.length) notes.push(`ignored in candidate: ${c.removed.join(', ')}`);
  return {
    score: a.score,
    query: q.raw,
    candidate: c.raw,
    pairs: a.picks.map((p) => ({
      query: maskText(q.parts, p.qMask),
      candidate: maskText(c.parts, p.cMask),
      score: round(p.score),
      how: p.how,
    })),
    unmatchedQuery: q.parts.filter((_, i) => !(a.qMatched & (1 << i))).map((p) => p.text),
    unmatchedCandidate: c.parts.filter((_, i) => !(a.cMatched & (1 << i))).map((p) => p.text),
    numbers: { query: q.numbers, candidate: c.numbers, agree: a.numbersAgree },
    legalForms: {
      query: q.legalForms.map((f) => f.canonical),
      candidate: c.legalForms.map((f) => f.canonical),
      compatible: a.legalFormsCompatible,
    },
    notes,
  };
}

/** Compare two analysed names and explain the result. */
export function compareNames(q: NameAnalysis, c: NameAnalysis): NameComparison {
  return explainAlignment(q, c, alignNames(q, c, true));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
