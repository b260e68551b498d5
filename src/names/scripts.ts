/**
 * Writing-system detection. We only need coarse families, because they decide how a name written in
 * that script can be compared with a Latin one:
 *
 * - `latin`: compared letter by letter.
 * - `alphabet` scripts (Cyrillic, Greek, Armenian, Georgian, Ethiopic): transliteration keeps vowels,
 *   so edit distance on the transliteration is meaningful, plus consonant skeletons for spelling
 *   conventions that differ.
 * - `abjad` scripts (Arabic, Persian, Hebrew) and Brahmic abugidas (Devanagari, Thai, Khmer…): the
 *   transliteration lacks or garbles short vowels, so only consonant skeletons are compared.
 * - `cjk` (Han, kana, Hangul): syllabic; transliterated syllables are joined and compared by
 *   skeleton with r/l merged (neither Chinese, Japanese nor Korean distinguishes them).
 */
export type Script =
  'latin' | 'cyrillic' | 'greek' | 'alphabet' | 'arabic' | 'hebrew' | 'indic' | 'cjk' | 'other';

/** Script of one code point; undefined for digits, punctuation, spaces and symbols. */
export function scriptOf(cp: number): Script | undefined {
  if (cp < 0x80) {
    return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) ? 'latin' : undefined;
  }
  if (cp <= 0x24f) return cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7 ? 'latin' : undefined;
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'latin';
  if (cp >= 0x370 && cp <= 0x3ff) return 'greek';
  if (cp >= 0x1f00 && cp <= 0x1fff) return 'greek';
  if (cp >= 0x400 && cp <= 0x52f) return 'cyrillic';
  if (cp >= 0x530 && cp <= 0x58f) return 'alphabet'; // Armenian
  if (cp >= 0x590 && cp <= 0x5ff) return 'hebrew';
  if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0x8a0 && cp <= 0x8ff)) {
    // Arabic digits and punctuation are not letters.
    if (
      (cp >= 0x660 && cp <= 0x669) ||
      (cp >= 0x6f0 && cp <= 0x6f9) ||
      cp === 0x60c ||
      cp === 0x61b ||
      cp === 0x61f
    ) {
      return undefined;
    }
    return 'arabic';
  }
  if ((cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return 'arabic';
  if (cp >= 0xfb1d && cp <= 0xfb4f) return 'hebrew';
  if (cp >= 0x900 && cp <= 0xdff) return 'indic';
  if (cp >= 0xe00 && cp <= 0xeff) return 'indic'; // Thai, Lao
  if (cp >= 0x1000 && cp <= 0x109f) return 'indic'; // Myanmar
  if (cp >= 0x1780 && cp <= 0x17ff) return 'indic'; // Khmer
  if (cp >= 0x10a0 && cp <= 0x10ff) return 'alphabet'; // Georgian
  if (cp >= 0x1200 && cp <= 0x139f) return 'alphabet'; // Ethiopic
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af))
    return 'cjk';
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff))
    return 'cjk';
  if (cp >= 0xf900 && cp <= 0xfaff) return 'cjk';
  if (cp >= 0x20000 && cp <= 0x2ffff) return 'cjk';
  // Letters of other scripts; symbols in these ranges are rare in names.
  if (cp >= 0x2000 && cp <= 0x2bff) return undefined; // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303f) return undefined; // CJK punctuation
  if (cp >= 0xff00 && cp <= 0xffef) return undefined; // full-width forms are folded by NFKC earlier
  return 'other';
}

/** The script most letters of a word are written in (Latin when there are no letters). */
export function wordScript(word: string): Script {
  let best: Script = 'latin';
  let nonLatin = 0;
  let latin = 0;
  for (const ch of word) {
    const s = scriptOf(ch.codePointAt(0)!);
    if (s === undefined) continue;
    if (s === 'latin') latin++;
    else {
      nonLatin++;
      best = s;
    }
  }
  return nonLatin > latin ? best : 'latin';
}

/** Scripts whose transliteration is unreliable for vowels: compare consonant skeletons only. */
export function isVowelless(script: Script): boolean {
  return script === 'arabic' || script === 'hebrew' || script === 'indic';
}

/** True when any code point is outside Latin (fast pre-check before per-word detection). */
export function hasNonLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x250) {
      const s = scriptOf(text.codePointAt(i)!);
      if (s !== undefined && s !== 'latin') return true;
    }
  }
  return false;
}
