/**
 * Acronyms a document defines: "Office of Foreign Assets Control (OFAC)", "the Central Bank of
 * Venezuela (BCV)". News style always spells the name out before the bracketed acronym, so the
 * phrase right before the brackets is its expansion, whatever language the letters come from.
 */
import type { Chunk } from './proper-nouns.js';
import { isAllCaps, type Token } from './tokens.js';

export interface AcronymDefinition {
  acronym: string;
  /** The chunk the acronym abbreviates. */
  expansion: Chunk;
  /** Character offsets of the acronym inside the brackets. */
  start: number;
  end: number;
}

/** "Name (ABC)" definitions in one sentence, given its tokens and proper-noun chunks. */
export function acronymDefinitions(tokens: readonly Token[], chunks: readonly Chunk[]): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (const chunk of chunks) {
    const open = tokens[chunk.last + 1];
    const inner = tokens[chunk.last + 2];
    const close = tokens[chunk.last + 3];
    if (!open || !inner || !close || open.text !== '(' || close.text !== ')') continue;
    if (!inner.word || !isAllCaps(inner.text) || inner.text.replace(/\./g, '').length > 8) continue;
    if (chunk.possessive || chunk.first === chunk.last) {
      // A one-word name with an acronym after it is rare; "Minerven (CVG)" is a parent, not an expansion.
      if (chunk.first === chunk.last) continue;
    }
    out.push({ acronym: inner.text, expansion: chunk, start: inner.start, end: inner.end });
  }
  return out;
}

/** Initials of a phrase's capitalised words ("Islamic Revolutionary Guard Corps" → "IRGC"). */
export function initials(words: readonly string[]): string {
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}
