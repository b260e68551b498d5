/**
 * Sentence splitting with character offsets. A paragraph (one line) never continues into the
 * next; inside it a sentence ends at . ! or ? (with any closing quote or bracket) followed by
 * space and a capital, a digit or an opening quote, unless the dot belongs to an abbreviation
 * (titles, months, initials, "U.S.", "No.").
 */
import type { Sentence } from './extraction.js';

export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cpt',
  'sgt',
  'adm',
  'cmdr',
  'brig',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'amb',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'vs',
  'etc',
  'approx',
  'dept',
  'univ',
  'assn',
  'bros',
  'jr',
  'sr',
  'co',
  'messrs',
]);

/** Is the dot ending at `dot` (index of '.') part of an abbreviation rather than a full stop? */
function abbreviationDot(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  if (word.length === 0) return false;
  // Initials and dotted acronyms: "J.", "U.S", "U.N"
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Words that open a sentence and do not continue a name after an abbreviation. */
const SENTENCE_OPENER =
  /^\s+(?:The|It|He|She|They|We|In|On|At|But|This|These|Those|Its|His|Her|Their|After|Before|When|While|Since|Until|Last|Earlier|Later)\s/;

const END = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu;

/** The paragraph spans (non-empty lines) of a text. */
export function paragraphs(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) out.push({ start: s, end: e });
      start = i + 1;
    }
  }
  return out;
}

/** Split one paragraph span into sentences. */
function splitParagraph(text: string, para: Sentence, out: Sentence[]): void {
  const body = text.slice(para.start, para.end);
  let start = 0;
  END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = END.exec(body)) !== null) {
    const punct = m[0];
    if (punct.startsWith('.') && abbreviationDot(body, m.index)) {
      // "U.S. Treasury", "Gen. Soleimani": keep going, unless the abbreviation closes a quote or the
      // next word is one that opens sentences, not names ("… TNK Trading S.A. The Treasury …").
      if (!/["'”’)]$/.test(punct) && !SENTENCE_OPENER.test(body.slice(m.index + punct.length))) continue;
    }
    const end = m.index + punct.length;
    out.push({ start: para.start + start, end: para.start + end });
    start = end;
    while (start < body.length && /\s/.test(body[start]!)) start++;
  }
  if (start < body.length) out.push({ start: para.start + start, end: para.end });
}

/** Sentences of the text, in order, each inside one paragraph. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const para of paragraphs(text)) splitParagraph(text, para, out);
  return out;
}
