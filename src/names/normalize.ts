/**
 * Text normalisation for names: Unicode NFKC, control characters removed, case folded, accents
 * stripped, punctuation turned into spaces. `normalizeName` gives one flat string (used by the
 * baseline algorithms and for display); `tokenizeName` (tokenize.ts) keeps the structure that the
 * name analysis needs.
 */
import anyAscii from 'any-ascii';

/** Longest name we analyse; anything longer is cut (names are never this long, spam is). */
export const MAX_NAME_CHARS = 1000;

// C0/C1 controls, zero-width and bidi formatting characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/**
 * Symbols and pictographs: emoji (with their variation selectors, joiners' partners, skin tones
 * and keycap marks), other symbols (✈ ™ © ®), currency signs. They are not part of a name, and
 * transliterated they become words ("moneybag", "airplane", "TM") that count as unmatched name
 * parts. Letters of every script, digits and combining accents are kept.
 */
const SYMBOLS = /[\p{Extended_Pictographic}\p{So}\p{Sc}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F|\u20E3/gu;

/** Printable ASCII, no two spaces in a row. */
const PLAIN = /^(?:[!-~]| (?! ))*$/;

/** NFKC, invisible/control characters dropped, whitespace collapsed, length capped. */
export function cleanRawName(raw: string): string {
  let s = raw.length > MAX_NAME_CHARS * 2 ? raw.slice(0, MAX_NAME_CHARS * 2) : raw;
  // Printable ASCII with single spaces inside (most list names) is already clean.
  if (!PLAIN.test(s) || s.startsWith(' ') || s.endsWith(' ')) {
    // Symbols go before NFKC, which would spell ™ as "TM".
    s = s.replace(SYMBOLS, ' ').normalize('NFKC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  }
  if (s.length > MAX_NAME_CHARS) s = s.slice(0, MAX_NAME_CHARS);
  return s;
}

/** Flat normal form: ASCII, lowercase, letters and digits separated by single spaces. */
export function normalizeName(raw: string): string {
  return anyAscii(cleanRawName(raw))
    .toLowerCase()
    .replace(/['`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Split a Latin word at lower→upper case changes ("SiemensAG" → Siemens AG, "VladimirPutin" →
 * Vladimir Putin). The left piece needs two letters and the right one three (or two capitals),
 * so "McDonald" splits but "iPhone" and "nitPu" do not; all-capital words never split.
 */
export function splitCamel(word: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i < word.length; i++) {
    const prev = word.charCodeAt(i - 1);
    const cur = word.charCodeAt(i);
    const prevLower = prev >= 97 && prev <= 122;
    const curUpper = cur >= 65 && cur <= 90;
    if (prevLower && curUpper && i - start >= 2) {
      // The right piece must be a word of three letters or more ("Putin"), or capitals ("AG");
      // "nitPu" is a garbled word, not two.
      let j = i + 1;
      let allUpper = true;
      while (j < word.length && /[A-Za-z]/.test(word[j]!)) {
        const c = word.charCodeAt(j);
        if (c >= 97 && c <= 122) {
          if (j + 1 < word.length && /[A-Z]/.test(word[j + 1]!)) {
            j++;
            break;
          }
          allUpper = false;
        } else if (!allUpper) break;
        j++;
      }
      if (j - i >= 3 || (allUpper && j - i >= 2)) {
        out.push(word.slice(start, i));
        start = i;
      }
    }
  }
  out.push(word.slice(start));
  return out;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
};

/**
 * Undo look-alike digits inside words ("Ig0r Sech1n" → igor sechin). Only digits with a letter on
 * both sides are replaced, so codes like "a320" or "mig29" are left alone.
 */
export function deleet(token: string): string {
  if (!/[0-9]/.test(token) || !/[a-z]/.test(token)) return token;
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    const rep = LEET[ch];
    if (rep && i > 0 && i < token.length - 1 && /[a-z]/.test(token[i - 1]!) && /[a-z]/.test(token[i + 1]!)) {
      out += rep;
    } else out += ch;
  }
  return out;
}

/** Runs of the same letter collapsed ("hanniball" → "hanibal"); the same string when it has none. */
export function collapseRuns(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 1; i < s.length; i++) {
    if (s.charCodeAt(i) === s.charCodeAt(i - 1)) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}
