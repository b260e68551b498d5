/**
 * Transliteration of one word into lowercase-able ASCII. any-ascii does the bulk of the work; we add
 * what it cannot know for names:
 *
 * - Arabic script: the article "ال" is split off as the particle `al`, and the kinship/servitude
 *   words بن / ابن / بنت / أبو / عبد become the Latin particles `bin`, `ibn`, `bint`, `abu`, `abd`,
 *   so that the same particle rules apply as for Latin-script names. A fused "عبدالله" is split.
 *   any-ascii leaves out short vowels (محمد → "mhmd"); comparison of such words is therefore done on
 *   consonant skeletons (see skeleton.ts), never on letters.
 * - A word starting with alef + waw or yeh starts with a vowel (أوندوا "Ondoa").
 * - Hebrew: bet is written `b` and vav `w` (any-ascii writes both as `v`, which hides the b of
 *   Latin spellings and the vowel role of vav).
 * - Han and Hangul come out as capitalised syllables ("XiJinPing"); we return the syllables
 *   separately and the caller joins adjacent ones when comparing.
 */
import anyAscii from 'any-ascii';
import type { Script } from './scripts.js';

const ARABIC_WORDS: Record<string, string> = {
  بن: 'bin',
  ابن: 'ibn',
  إبن: 'ibn',
  بنت: 'bint',
  أبو: 'abu',
  ابو: 'abu',
  أبي: 'abi',
  عبد: 'abd',
  آل: 'al',
  ال: 'al',
};

const TATWEEL = /\u0640/g;

/** Split one Arabic-script word into particle words and the rest, before transliteration. */
export function splitArabicWord(word: string): string[] {
  const w = word.replace(TATWEEL, '');
  const particle = ARABIC_WORDS[w];
  if (particle) return [particle];
  // عبد fused with the following name (عبدالله, عبدالعزيز).
  if (w.startsWith('عبد') && w.length > 4) return ['abd', ...splitArabicWord(w.slice(3))];
  // The definite article, when what follows is a word of its own (at least two letters).
  if ((w.startsWith('ال') || w.startsWith('اَل')) && w.length >= 4) {
    return ['al', w.slice(w.startsWith('ال') ? 2 : 3)];
  }
  return [w];
}

const ASCII = /^[\x00-\x7f]*$/;

const HEBREW_FIX: Record<string, string> = { ב: 'b', ו: 'w', בּ: 'b' };

/**
 * Transliterate a word (no spaces) of the given script. Returns one or more ASCII pieces (case is
 * kept for Latin so that camel-case can still be split by the caller).
 */
export function transliterateWord(word: string, script: Script): string[] {
  switch (script) {
    case 'latin':
      // Serbo-Croatian đ is "dj" in every Latin spelling of such names (Đorđević = Djordjevic).
      return [ASCII.test(word) ? word : anyAscii(word.replace(/đ/g, 'dj').replace(/Đ/g, 'Dj'))];
    case 'arabic':
      // A word starting with alef + waw/yeh starts with a vowel (أوندوا = Ondoa, ايران = Iran):
      // write the vowel, so the waw is not taken for the consonant w/v.
      return splitArabicWord(word).map((p) =>
        /^[a-z]+$/.test(p) ? p : anyAscii(p.replace(/^[اأإآ]و/, 'u').replace(/^[اأإآ]ي/, 'i')),
      );
    case 'hebrew': {
      let s = '';
      for (const ch of word) s += HEBREW_FIX[ch] ?? ch;
      return [anyAscii(s)];
    }
    case 'cjk': {
      // Capitalised syllables for Han/Hangul; kana comes out in lowercase words.
      const ascii = anyAscii(word);
      const syllables = ascii.match(/[A-Z][a-z]*|[a-z]+|[0-9]+/g);
      return syllables ?? [ascii];
    }
    default:
      return [anyAscii(word)];
  }
}
