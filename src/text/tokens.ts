/**
 * Word tokens of a document with their character offsets. Words keep inner apostrophes, hyphens
 * and dots of abbreviations ("U.S.", "Port-au-Prince", "Ta'ziyeh"); everything else that is not
 * whitespace is a one-character punctuation token.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
  /** True for a word (letters or digits), false for punctuation. */
  word: boolean;
}

// A word: letters/digits, joined by inner hyphens, apostrophes or dots ("U.S.", "al-Qaida", "Kassim's").
const TOKEN = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*\.?|\S/gu;

import { ABBREVIATIONS } from './sentences.js';

/** Does the trailing dot belong to the word ("U.S.", "J.", "Gen.", "Jan.")? */
function keepsDot(word: string): boolean {
  return /^(?:\p{Lu}\.)+$/u.test(word) || ABBREVIATIONS.has(word.slice(0, -1).toLowerCase());
}

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice)) !== null) {
    let t = m[0];
    let s = m.index;
    const isWord = /[\p{L}\p{N}]/u.test(t);
    if (isWord && t.endsWith('.') && !keepsDot(t) && !/\.[\p{L}\p{N}]+\.$/u.test(t)) {
      // A sentence-final dot after an ordinary word is punctuation of its own.
      t = t.slice(0, -1);
      out.push({ text: t, start: s, end: s + t.length, word: true });
      s += t.length;
      out.push({ text: '.', start: s, end: s + 1, word: false });
      continue;
    }
    out.push({ text: t, start: s, end: s + t.length, word: isWord });
  }
  return out;
}

/** True when the word starts with a capital letter (or is a number-free all-capital acronym). */
export function isCapitalized(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** All capitals, two letters or more, e.g. "IRGC", "U.S.", "OFAC". */
export function isAllCaps(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
