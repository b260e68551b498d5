/**
 * Similarity of two name parts, and how it was reached. The ladder, first hit wins:
 *
 * | how        | score     | when                                                              |
 * |------------|-----------|-------------------------------------------------------------------|
 * | exact      | 1.0       | same normalised text                                              |
 * | initial    | 0.9       | a single letter and a name starting with it (V. ~ Vladimir)       |
 * | spelling   | 0.95      | same after collapsing doubled letters (Hanniball ~ Hannibal)      |
 * | variant    | 0.92      | listed spellings of one name (Mohammed ~ Muhammad)                |
 * | nickname   | 0.85      | listed nickname (Bill ~ William)                                  |
 * | skeleton   | 0.7–0.9   | one side from Arabic/Hebrew/Brahmic/CJK script: same consonant    |
 * |            |           | skeleton (مادورو "mdwrw" ~ Maduro), or one skeleton edit (0.7)     |
 * | fuzzy      | 0.7–0.95  | weighted edit distance within the part's allowance (distance.ts)  |
 * | phonetic   | 0.85      | transliterated from Cyrillic/Greek/…: same consonant skeleton or  |
 * |            |           | Double Metaphone code (Рихтер "rikhter" ~ Richter)                |
 * | vowels     | 0.85      | an Arabic/Persian name on either side: same skeleton, same shape  |
 * |            |           | of consonants and vowels, and only a little more edit than        |
 * |            |           | allowed (Latin vowels of Arabic names are a guess)               |
 * | folded     | 0.7–0.9   | Latin spellings alike once romanisation conventions are folded    |
 * |            |           | (Lawrow ~ Lavrov, Zaffer ~ Zafar, Iouri ~ Yuri; spelling-fold.ts) |
 * | stem       | 0.85      | a descriptive word of an organisation and another form of it      |
 * |            |           | (Finance ~ Financial, Petro ~ Petroleum): a shared start of 5+     |
 * | anagram    | 0.75      | same letters shuffled, five letters or more (nitPu ~ Putin)       |
 *
 * Phonetic codes alone never join two Latin spellings: Schulze and Scholz share every code.
 */
import type { NamePart } from '../names/analyze.js';
import { isVowelless } from '../names/scripts.js';
import { genderPair } from '../names/gender-forms.js';
import { mergeLiquids } from '../names/skeleton.js';
import { cvPattern, longVowelsAgree, vowelClassesAgree } from './arabic-vowels.js';
import { areVariants, isNickname } from '../names/variants.js';
import { editSimilarity, isVowelCode, maxEdits, nameEditDistance, unitDistance } from './distance.js';

export type MatchHow =
  | 'exact'
  | 'initial'
  | 'spelling'
  | 'variant'
  | 'nickname'
  | 'skeleton'
  | 'fuzzy'
  | 'phonetic'
  | 'vowels'
  | 'anagram'
  | 'folded'
  | 'stem'
  | 'joined'
  | 'acronym'
  | 'none';

export interface PartSimilarity {
  readonly score: number;
  readonly how: MatchHow;
}

export const NO_MATCH: PartSimilarity = Object.freeze({ score: 0, how: 'none' as const });
const EXACT: PartSimilarity = Object.freeze({ score: 1, how: 'exact' as const });
const INITIAL: PartSimilarity = Object.freeze({ score: 0.9, how: 'initial' as const });
const SPELLING: PartSimilarity = Object.freeze({ score: 0.95, how: 'spelling' as const });
const VARIANT: PartSimilarity = Object.freeze({ score: 0.92, how: 'variant' as const });
const NICKNAME: PartSimilarity = Object.freeze({ score: 0.85, how: 'nickname' as const });
const SKELETON: PartSimilarity = Object.freeze({ score: 0.9, how: 'skeleton' as const });
const SKELETON_SHORT: PartSimilarity = Object.freeze({ score: 0.8, how: 'skeleton' as const });
const SKELETON_NEAR: PartSimilarity = Object.freeze({ score: 0.7, how: 'skeleton' as const });
const PHONETIC: PartSimilarity = Object.freeze({ score: 0.85, how: 'phonetic' as const });
const VOWELS: PartSimilarity = Object.freeze({ score: 0.85, how: 'vowels' as const });
const ANAGRAM: PartSimilarity = Object.freeze({ score: 0.75, how: 'anagram' as const });
const STEM: PartSimilarity = Object.freeze({ score: 0.85, how: 'stem' as const });

/**
 * Two forms of one word of an organisation's name (Finance/Financial, Petro/Petroleum): a shared
 * start of five letters or more covering at least 80 % of the shorter word.
 */
function sameStem(a: string, b: string): boolean {
  const shorter = a.length < b.length ? a.length : b.length;
  let n = 0;
  while (n < shorter && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n >= 5 && n >= 0.8 * shorter;
}
const FOLDED: PartSimilarity = Object.freeze({ score: 0.9, how: 'folded' as const });
/** A match on folded spellings scores at most this (the fold loses information). */
const FOLDED_MAX = 0.85;

type Part = Pick<
  NamePart,
  'text' | 'collapsed' | 'folded' | 'skeleton' | 'script' | 'role' | 'anagram' | 'variants' | 'phonetic'
>;

function endsInVowel(text: string): boolean {
  return isVowelCode(text.charCodeAt(text.length - 1));
}

/** Folded spellings (both Latin) equal, or within the edit allowance of their length. */
function foldedSimilarity(q: Part, c: Part): PartSimilarity {
  const a = q.folded;
  const b = c.folded;
  if (a === b) return FOLDED;
  // Romanisations disagree inside names, rarely on the first sound (cheap test: most pairs fail);
  // a final vowel more or less often marks another name (Michel, Michele).
  if (a.charCodeAt(0) !== b.charCodeAt(0)) return NO_MATCH;
  if (isVowelCode(a.charCodeAt(a.length - 1)) !== isVowelCode(b.charCodeAt(b.length - 1))) return NO_MATCH;
  const len = a.length > b.length ? a.length : b.length;
  const allowance = maxEdits(len);
  if (Math.abs(a.length - b.length) > allowance) return NO_MATCH;
  const d = nameEditDistance(a, b, allowance);
  if (d > allowance) return NO_MATCH;
  const s = editSimilarity(d, len);
  return { score: s < FOLDED_MAX ? s : FOLDED_MAX, how: 'folded' };
}

function skeletonSimilarity(q: Part, c: Part, cjk: boolean): PartSimilarity {
  let a = q.skeleton;
  let b = c.skeleton;
  if (cjk) {
    a = mergeLiquids(a);
    b = mergeLiquids(b);
  }
  if (a.length === 0 || b.length === 0) return NO_MATCH;
  if (a === b) {
    if (q.script === 'arabic' && c.script === 'latin' && !longVowelsAgree(q.text, c.text)) return NO_MATCH;
    if (c.script === 'arabic' && q.script === 'latin' && !longVowelsAgree(c.text, q.text)) return NO_MATCH;
    if (a.length >= 2) return SKELETON;
    // One consonant is little to go on: the word must also end alike, in a vowel or not
    // (علي "ly" is Ali; the "lh" of الله is not).
    return endsInVowel(q.text) === endsInVowel(c.text) ? SKELETON_SHORT : NO_MATCH;
  }
  if (a.length >= 4 && b.length >= 4 && Math.abs(a.length - b.length) <= 1 && unitDistance(a, b) <= 1)
    return SKELETON_NEAR;
  return NO_MATCH;
}

/**
 * Compare two parts. `arabic` says that one of the two names is Arabic/Persian, which relaxes
 * vowels (see the table above). The masculine and feminine forms of a name never match, however
 * close their spelling (checked last: most pairs do not match at all).
 */
export function partSimilarity(q: Part, c: Part, arabic: boolean): PartSimilarity {
  const sim = ladder(q, c, arabic);
  if (sim.score === 0 || sim.how === 'exact' || sim.how === 'variant' || sim.how === 'nickname') return sim;
  return q.script === 'latin' && c.script === 'latin' && genderPair(q.text, c.text) ? NO_MATCH : sim;
}

function ladder(q: Part, c: Part, arabic: boolean): PartSimilarity {
  if (q.text === c.text) return EXACT;
  const qi = q.role === 'initial';
  const ci = c.role === 'initial';
  if (qi || ci) {
    if (qi && ci) return NO_MATCH;
    const letter = qi ? q.text : c.text;
    const other = qi ? c : q;
    return other.role !== 'particle' && other.text[0] === letter ? INITIAL : NO_MATCH;
  }
  if (q.collapsed === c.collapsed) return SPELLING;
  if (areVariants(q.variants, c.variants)) return VARIANT;
  if (isNickname(q.text, c.text)) return NICKNAME;
  const cjk = q.script === 'cjk' || c.script === 'cjk';
  if (cjk || isVowelless(q.script) || isVowelless(c.script)) {
    if (q.script === c.script) {
      // Both from the same non-Latin script: their transliterations compare letter by letter.
      const len = Math.max(q.text.length, c.text.length);
      const d = nameEditDistance(q.text, c.text, maxEdits(len));
      return d <= maxEdits(len) ? { score: editSimilarity(d, len), how: 'fuzzy' } : NO_MATCH;
    }
    return skeletonSimilarity(q, c, cjk);
  }
  const a = q.text;
  const b = c.text;
  const len = a.length > b.length ? a.length : b.length;
  const allowance = maxEdits(len);
  const crossScript = q.script !== c.script;
  const slack = arabic || crossScript ? 0.8 : 0;
  const lenDiff = a.length > b.length ? a.length - b.length : b.length - a.length;
  if (lenDiff <= allowance + slack) {
    const d = nameEditDistance(a, b, allowance + slack);
    if (d <= allowance) {
      // In Arabic names, vowels alone may differ, but not an i for an a (Kamal, Kamil; Jamal,
      // Jamil). A typo that moves a vowel (Mhuammad) changes the shape and is not checked.
      if (arabic && q.skeleton === c.skeleton && cvPattern(a) === cvPattern(b) && !vowelClassesAgree(a, b))
        return NO_MATCH;
      return { score: editSimilarity(d, len), how: 'fuzzy' };
    }
    if (crossScript && d <= allowance + slack) {
      if (q.skeleton === c.skeleton && q.skeleton.length >= 2) return PHONETIC;
      if (q.phonetic.length > 0 && c.phonetic.length > 0 && q.phonetic[0] === c.phonetic[0]) return PHONETIC;
    }
    if (
      arabic &&
      d <= allowance + slack &&
      q.skeleton === c.skeleton &&
      q.skeleton.length >= 2 &&
      len >= 4 &&
      cvPattern(a) === cvPattern(b) &&
      vowelClassesAgree(a, b)
    ) {
      return VOWELS;
    }
  }
  // Transliterated from an alphabet that writes its vowels (Cyrillic, Greek): the same consonants
  // and about as many letters (Путин "putin" is not Potanin).
  if (crossScript && q.skeleton === c.skeleton && q.skeleton.length >= 3 && lenDiff <= 1) return PHONETIC;
  // Only when folding changed a side: otherwise the letters were compared above already.
  if (q.folded !== q.text || c.folded !== c.text) {
    const folded = foldedSimilarity(q, c);
    if (folded !== NO_MATCH) return folded;
  }
  if ((q.role === 'generic' || c.role === 'generic') && sameStem(a, b)) return STEM;
  if (q.anagram && q.anagram === c.anagram) return ANAGRAM;
  return NO_MATCH;
}
