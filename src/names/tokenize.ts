/**
 * Splitting a cleaned name into ASCII tokens while keeping what the analysis needs to know about
 * each: the script it was written in, whether it was an abbreviation ("A.", "J.-C.", "A.B.C."),
 * whether it sat in parentheses, and which comma-separated segment it belongs to (OFAC writes
 * people as "FAMILY, Given").
 *
 * Separators: whitespace, hyphens, slashes, brackets, quotes and other punctuation. Apostrophes are
 * removed inside words (Qa'ida → qaida, O'Brien → obrien) and an English possessive "'s" is
 * dropped. "&" becomes the word "and", "%" the word "percent".
 */
import { deleet, splitCamel } from './normalize.js';
import { type Script, wordScript } from './scripts.js';
import { transliterateWord } from './transliterate.js';

export interface RawToken {
  /** Lowercase ASCII letters and digits. */
  text: string;
  script: Script;
  /** Written in capital letters in the source (Latin only; tells "JC" initials from "Jo"). */
  upper: boolean;
  /** A single letter (an initial when in a person's name). */
  initial: boolean;
  /** From a dotted letter sequence such as "A.B.C." (already joined unless a person's initials). */
  dotted: boolean;
  /** Inside parentheses or brackets. */
  paren: boolean;
  /** 0 before the first top-level comma, 1 after it, … */
  segment: number;
  /** Index of the source word; pieces of one camel-case or CJK word share it. */
  word: number;
}

const SEPARATORS = new Set([
  ' ',
  ',',
  ';',
  ':',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '/',
  '\\',
  '|',
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  '‹',
  '›',
  '-',
  '‐',
  '‑',
  '‒',
  '–',
  '—',
  '_',
  '+',
  '*',
  '#',
  '!',
  '?',
  '=',
  '<',
  '>',
  '~',
  '^',
  '·',
  '・',
  '•',
  '、',
  '،',
  '؛',
  '¿',
  '¡',
  '@',
  '$',
  '\t',
  '\n',
]);
const APOSTROPHES = /['’ʼ`´‘ʻ]/g;
const POSSESSIVE = /^(.{3,})['’ʼ]s$/i;
const DOTTED = /^(?:\p{L}\.){2,}\p{L}?\.?$/u;
const SINGLE_INITIAL = /^\p{L}\.$/u;
const ALNUM = /^[A-Za-z0-9]+$/;

/** Words longer than this are tokenised every time rather than cached. */
export const MAX_CACHED_WORD = 48;

/** A word's token without its position. */
export interface WordToken {
  readonly text: string;
  readonly script: Script;
  readonly upper: boolean;
  readonly initial: boolean;
  readonly dotted: boolean;
}

/**
 * Tokens per distinct source word, computed once: list names repeat their words, and the regular
 * expressions and transliteration below cost more than the lookup. Bounded; entries are shared.
 */
const wordTokenCache = [new Map<string, readonly WordToken[]>(), new Map<string, readonly WordToken[]>()];

/** Builds the caller's token object from a word's token and its position. */
export type TokenFactory<T> = (
  token: WordToken,
  paren: boolean,
  segment: number,
  word: number,
  index: number,
) => T;

function pushWord<T>(
  chunk: string,
  out: T[],
  make: TokenFactory<T>,
  paren: boolean,
  segment: number,
  word: number,
  splitDotted: boolean,
): void {
  const cache = wordTokenCache[splitDotted ? 1 : 0]!;
  let tokens = cache.get(chunk);
  if (!tokens) {
    tokens = wordTokens(chunk, splitDotted);
    // Long chunks are not kept: a hostile query of many long words must not fill memory.
    if (chunk.length <= MAX_CACHED_WORD) {
      if (cache.size >= 200_000) cache.clear();
      cache.set(chunk, tokens);
    }
  }
  for (let k = 0; k < tokens.length; k++) out.push(make(tokens[k]!, paren, segment, word, out.length));
}

const ASCII_LETTERS = /^[A-Za-z]+$/;
const LOWER = /[a-z]/;

function wordTokens(chunk: string, splitDotted: boolean): WordToken[] {
  const out: WordToken[] = [];
  if (ASCII_LETTERS.test(chunk)) {
    // Most list words: plain ASCII letters, nothing to transliterate, strip or un-leet (the general
    // path below gives the same tokens, slower).
    const upper = !LOWER.test(chunk);
    for (const sub of splitCamel(chunk)) {
      const text = sub.toLowerCase();
      out.push({ text, script: 'latin', upper, initial: text.length === 1, dotted: false });
    }
    return out;
  }
  let w = chunk;
  const poss = POSSESSIVE.exec(w);
  if (poss) w = poss[1]!;
  w = w.replace(APOSTROPHES, '');
  if (!w) return out;
  const make = (
    text: string,
    script: Script,
    upper: boolean,
    initial: boolean,
    dotted: boolean,
  ): WordToken => ({ text, script, upper, initial, dotted });
  if (DOTTED.test(w)) {
    const letters = w.split('.').filter(Boolean);
    const texts = letters.map((l) =>
      transliterateWord(l, wordScript(l))
        .join('')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ''),
    );
    if (splitDotted) {
      for (const t of texts) {
        if (t) out.push(make(t, wordScript(w), true, t.length === 1, true));
      }
    } else {
      const joined = texts.join('');
      if (joined) out.push(make(joined, wordScript(w), true, false, true));
    }
    return out;
  }
  if (SINGLE_INITIAL.test(w)) {
    const t = transliterateWord(w[0]!, wordScript(w))
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    if (t) out.push(make(t, wordScript(w), true, t.length === 1, true));
    return out;
  }
  for (const piece of w.split('.')) {
    if (!piece) continue;
    const script = wordScript(piece);
    const upper = script === 'latin' && piece === piece.toUpperCase() && piece !== piece.toLowerCase();
    for (const translit of transliterateWord(piece, script)) {
      const subs = script === 'latin' ? splitCamel(translit) : [translit];
      for (const sub of subs) {
        // Transliteration can itself contain separators (e.g. "1/2"); keep only letters and digits.
        const pieces = ALNUM.test(sub)
          ? [sub.toLowerCase()]
          : sub
              .toLowerCase()
              .replace(APOSTROPHES, '')
              .split(/[^a-z0-9]+/);
        for (const raw of pieces) {
          if (!raw) continue;
          const text = deleet(raw);
          out.push(make(text, script, upper, text.length === 1 && text >= 'a' && text <= 'z', false));
        }
      }
    }
  }
  return out;
}

/** ASCII separators, by character code (the rest are looked up in SEPARATORS). */
const ASCII_SEPARATOR = new Uint8Array(128);
for (const ch of SEPARATORS) if (ch.charCodeAt(0) < 128) ASCII_SEPARATOR[ch.charCodeAt(0)] = 1;
ASCII_SEPARATOR['&'.charCodeAt(0)] = 1;
ASCII_SEPARATOR['%'.charCodeAt(0)] = 1;

/**
 * Tokenise a cleaned name (see cleanRawName). `splitDotted` keeps "J.P." as two initials (for
 * people) instead of one acronym "jp" (for organisations).
 */
export function tokenizeName(clean: string, splitDotted: boolean): RawToken[] {
  return scanTokens(clean, splitDotted, (t, paren, segment, word) => ({ ...t, paren, segment, word }));
}

/** tokenizeName with the caller's token objects. */
export function scanTokens<T>(clean: string, splitDotted: boolean, make: TokenFactory<T>): T[] {
  const out: T[] = [];
  let depth = 0;
  let segment = 0;
  let word = 0;
  let start = -1;
  let chunkParen = false;
  for (let i = 0; i <= clean.length; i++) {
    const c = i < clean.length ? clean.charCodeAt(i) : 32;
    // Separators are all single UTF-16 units, so a chunk never splits a surrogate pair.
    const separator = c < 128 ? ASCII_SEPARATOR[c] === 1 : SEPARATORS.has(clean[i]!);
    if (!separator) {
      if (start < 0) {
        start = i;
        chunkParen = depth > 0;
      }
      continue;
    }
    if (start >= 0) {
      pushWord(clean.slice(start, i), out, make, chunkParen, segment, word, splitDotted);
      word++;
      start = -1;
    }
    if (i === clean.length) break;
    if (c === 40 || c === 91 || c === 123)
      depth++; // ( [ {
    else if (c === 41 || c === 93 || c === 125)
      depth = Math.max(0, depth - 1); // ) ] }
    else if ((c === 44 || c === 0x60c) && depth === 0)
      segment++; // , ،
    else if (c === 38 || c === 37) {
      // & %
      pushWord(c === 38 ? 'and' : 'percent', out, make, depth > 0, segment, word, splitDotted);
      word++;
    }
  }
  return out;
}
