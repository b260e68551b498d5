/**
 * Phonetic keys (Double Metaphone) for Latin tokens. Used for candidate retrieval (index keys) and
 * as supporting evidence in comparison; never as the sole reason for a match between two Latin
 * spellings, because very different surnames share keys (Schulze, Scholz and Scholze are all XLS).
 */
import { doubleMetaphone } from 'double-metaphone';

/** Primary and (when different) alternate Double Metaphone codes; empty for digits-only tokens. */
export function phoneticKeys(token: string): string[] {
  if (!/[a-z]/.test(token)) return [];
  const [a, b] = doubleMetaphone(token);
  if (!a) return [];
  return b && b !== a ? [a, b] : [a];
}
