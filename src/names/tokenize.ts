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

/** A word's tokens without their position (text, script, upper, initial, dotted). */
type WordToken = readonly [string, Script, boolean, boolean, boolean];

/**
 * Tokens per distinct source word, computed once: list names repeat their words, and the regular
 * expressions and transliteration below cost more than the lookup. Bounded; entries are shared.
 */
const wordTokenCache = [new Map<string, readonly WordToken[]>(), new Map<string, readonly WordToken[]>()];

function pushWord(
  chunk: string,
  out: RawToken[],
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
  for (const [text, script, upper, initial, dotted] of tokens) {
    out.push({ text, script, upper, initial, dotted, paren, segment, word });
  }
}

function wordTokens(chunk: string, splitDotted: boolean): WordToken[] {
  const out: WordToken[] = [];
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
  ): WordToken => [text, script, upper, initial, dotted];
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

/**
 * Tokenise a cleaned name (see cleanRawName). `splitDotted` keeps "J.P." as two initials (for
 * people) instead of one acronym "jp" (for organisations).
 */
export function tokenizeName(clean: string, splitDotted: boolean): RawToken[] {
  const out: RawToken[] = [];
  let depth = 0;
  let segment = 0;
  let word = 0;
  let chunk = '';
  let chunkParen = false;
  const flush = (): void => {
    if (chunk) {
      pushWord(chunk, out, chunkParen, segment, word, splitDotted);
      word++;
    }
    chunk = '';
  };
  for (const ch of clean) {
    if (SEPARATORS.has(ch) || ch === '&' || ch === '%') {
      flush();
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
      else if ((ch === ',' || ch === '،') && depth === 0) segment++;
      else if (ch === '&' || ch === '%') {
        pushWord(ch === '&' ? 'and' : 'percent', out, depth > 0, segment, word, splitDotted);
        word++;
      }
      continue;
    }
    if (!chunk) chunkParen = depth > 0;
    chunk += ch;
  }
  flush();
  return out;
}
