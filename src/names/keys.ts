/**
 * Index keys of an analysed name, for candidate retrieval. Build the index from `nameKeys` of every
 * name of every list entity (key → entity ids), look up the `nameKeys` of the query's names, and
 * rank entities by the summed inverse document frequency of the keys they share; then score the
 * top candidates with scoreEntity. Keys are prefixed by kind so that they never collide:
 *
 * - `t:` a name part, a run-together join of adjacent parts ("goodwill" for "Good Will"), or an
 *   acronym of three or more letters (IRGC) — exact spellings;
 * - `v:` a spelling-variant group (Mohammed/Muhammad share one) — known transliterations;
 * - `f:` the romanisation-blind spelling (spelling-fold.ts) of a Latin word, when it differs from
 *   the word (Lawrow → `f:lavrov`); a query looks up its words' folded spellings as `t:` keys and
 *   its unchanged words as `f:` keys, so Lavrov finds Lawrow and the other way round;
 * - `p:` Double Metaphone codes of Latin parts — sound-alike spellings;
 * - `s:` consonant skeletons (r/l merged) of parts and joins — the only bridge from Arabic,
 *   Persian, Hebrew and CJK queries to Latin list names;
 * - `g:` character 3-grams of parts, padded with "_" — typos;
 * - `n:` numbers in the name.
 *
 * Particles, initials and legal forms give no keys (they match everything). Descriptive words of
 * organisations (trading, group…) give only their `t:` key; an index should weigh them by IDF,
 * which makes them nearly worthless by themselves.
 */
import type { NameAnalysis, PartRole } from './analyze.js';
import { mergeLiquids } from './skeleton.js';

/**
 * The `t:`, `v:`, `p:` and `s:` keys of one part; they depend only on the word and its role, so
 * analysis computes them once per distinct word (NamePart.indexKeys).
 */
export function partKeys(
  text: string,
  role: PartRole,
  variants: readonly number[],
  phonetic: readonly string[],
  skeleton: string,
  folded: string,
): string[] {
  if (role === 'particle' || role === 'initial') return [];
  const keys = [`t:${text}`];
  if (role === 'generic' || role === 'geo') return keys;
  if (folded !== text) keys.push(`f:${folded}`);
  for (const v of variants) keys.push(`v:${v}`);
  for (const code of phonetic) keys.push(`p:${code}`);
  if (skeleton.length >= 2) keys.push(`s:${mergeLiquids(skeleton)}`);
  return keys;
}

/**
 * The keys of a name without `g:` keys, in two streams: each part's cached keys (the same array
 * object for every use of a word, so an index can translate it once) and the name's other keys
 * (joins, acronyms, numbers) as kind and text: the key is "kind:text", not built here.
 */
export function visitNameKeys(
  analysis: NameAnalysis,
  partKeys: (keys: readonly string[]) => void,
  otherKey: (kind: string, text: string) => void,
): void {
  for (const p of analysis.parts) if (p.indexKeys.length) partKeys(p.indexKeys);
  for (const j of analysis.joins) {
    otherKey('t', j.text);
    if (j.skeleton.length >= 2) otherKey('s', mergeLiquids(j.skeleton));
  }
  for (const acronym of analysis.acronyms.keys()) if (acronym.length >= 3) otherKey('t', acronym);
  for (const n of analysis.numbers) otherKey('n', n);
}

/** Character 3-grams of the parts that have them, padded with "_" (`g:` keys). */
function addGramKeys(analysis: NameAnalysis, keys: Set<string>): void {
  for (const p of analysis.parts) {
    if (p.role !== 'word') continue;
    const padded = `_${p.text}_`;
    for (let i = 0; i + 3 <= padded.length; i++) keys.add(`g:${padded.slice(i, i + 3)}`);
  }
}

/** `grams: false` leaves out the `g:` keys (an index that handles typos by other means). */
export function nameKeys(analysis: NameAnalysis, options: { grams?: boolean } = {}): string[] {
  const keys = new Set<string>();
  visitNameKeys(
    analysis,
    (words) => {
      for (const k of words) keys.add(k);
    },
    (kind, text) => keys.add(`${kind}:${text}`),
  );
  if (options.grams !== false) addGramKeys(analysis, keys);
  return [...keys];
}
