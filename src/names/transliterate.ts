/**
 * Transliteration of one word into lowercase-able ASCII. any-ascii does the bulk of the work; we add
 * what it cannot know for names:
 *
 * - Arabic script: the article "ال" is split off as the particle `al`, and the kinship/servitude
 *   words بن / ابن / بنت / أبو / عبد become the Latin particles `bin`, `ibn`, `bint`, `abu`, `abd`,
 *   so that the same particle rules apply as for Latin-script names. A fused "عبدالله" is split.
 *   any-ascii leaves out short vowels (محمد → "mhmd"); comparison of such words is therefore done on
 *   consonant skeletons (see skeleton.ts), never on letters.
 * - Alef is kept as a vowel, short-vowel marks are dropped, and an h is kept apart from the
 *   letter before it (see arabicToAscii).
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

/** Short-vowel marks, shadda, sukun, superscript alef: most list names are written without them. */
const HARAKAT = /[\u064b-\u065f\u0670]/g;
const ALEFS = new Set(['ا', 'أ', 'إ', 'آ']);
/** Letters written with an h in Latin (sh, th, kh, dh, gh…) or before which an h would read as one. */
const DIGRAPH_END = /[sztdkgcp]$/;

/**
 * An Arabic-script word letter by letter. any-ascii drops alef; we keep it as "a", the long vowel
 * that Latin spellings write (حامد "hamd" = Hamid, محمود "mhmwd" = Mahmoud), and a word-initial
 * alef as the vowel a Latin spelling starts with (أحمد "ahmd" = Ahmad, not Hamid), or "u"/"i" before
 * waw/yeh (أوندوا = Ondoa). An h after s, z, t, d, k, g, c or p is its own letter (زاهد "zahd",
 * زهد "zehd"), so an "e" keeps it from reading as sh, zh, th… in consonant skeletons.
 */
function arabicToAscii(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    let t: string;
    if (ALEFS.has(ch)) {
      const next = word[i + 1];
      // The article of a fused compound is no long vowel: سعيدالله = Saidullah, جلالالدين.
      if (i > 0 && (word.startsWith('لله', i + 1) || word.startsWith('لدين', i + 1))) t = 'e';
      else if (i > 0) t = 'a';
      else if (next === 'و') {
        t = 'u'; // the waw is the vowel, not the consonant w/v
        i++;
      } else if (next === 'ي' || next === 'ی') {
        t = 'i';
        i++;
      } else t = ch === 'إ' ? 'i' : 'a';
    } else if (ch === 'ظ') {
      t = 'z'; // written z in Latin spellings (Kazim, Zafar, Zarif), not any-ascii's "dh"
    } else t = anyAscii(ch);
    if (t.charCodeAt(0) === 104 /* h */ && DIGRAPH_END.test(out)) t = 'e' + t;
    out += t;
  }
  return out;
}

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
      return splitArabicWord(word.replace(HARAKAT, '')).map((p) =>
        /^[a-z]+$/.test(p) ? p : arabicToAscii(p),
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
