/**
 * 3-gram index of the list's words, for finding the known words a misspelt query word stands for.
 *
 * Words are lowercase ASCII letters and digits (what tokenisation leaves), so a padded 3-gram is
 * three symbols of a 38-letter alphabet (a–z, 0–9, the "_" pad, and one symbol for anything else)
 * and its number is its own slot in a flat table: no string per gram and no hash lookups, which
 * made this the slowest part of building the index when grams were strings.
 */

const ALPHABET = 38;
export const GRAM_SLOTS = ALPHABET ** 3;

function symbol(code: number): number {
  if (code >= 97 && code <= 122) return code - 96; // a–z → 1..26
  if (code >= 48 && code <= 57) return code - 21; // 0–9 → 27..36
  if (code === 95) return 0; // _
  return 37;
}

/** The distinct padded 3-grams of a word, as slot numbers. */
export function gramSlots(word: string): number[] {
  const out: number[] = [];
  const n = word.length + 2;
  const at = (i: number): number => (i === 0 || i === n - 1 ? 0 : symbol(word.charCodeAt(i - 1)));
  for (let i = 0; i + 3 <= n; i++) {
    const slot = (at(i) * ALPHABET + at(i + 1)) * ALPHABET + at(i + 2);
    if (!out.includes(slot)) out.push(slot);
  }
  return out;
}

/** What a snapshot keeps. */
export interface WordGramsData {
  offsets: Int32Array;
  items: Int32Array;
}

export class WordGrams {
  private constructor(
    /** Slot → start of its words in `items` (GRAM_SLOTS + 1 entries). */
    readonly offsets: Int32Array,
    /** Word numbers, ascending within each slot. */
    readonly items: Int32Array,
  ) {}

  /** Index the word `wordOf(keys[i], i)` under number i (no word: not indexed). */
  static build(keys: readonly string[], wordOf: (key: string, i: number) => string | undefined): WordGrams {
    const counts = new Int32Array(GRAM_SLOTS + 1);
    const slotsOf: Array<number[] | undefined> = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const word = wordOf(keys[i]!, i);
      if (word === undefined) continue;
      const slots = gramSlots(word);
      slotsOf[i] = slots;
      for (const s of slots) counts[s + 1]!++;
    }
    for (let s = 0; s < GRAM_SLOTS; s++) counts[s + 1]! += counts[s]!;
    const offsets = counts;
    const fill = offsets.slice(0, GRAM_SLOTS);
    const items = new Int32Array(offsets[GRAM_SLOTS]!);
    for (let i = 0; i < keys.length; i++) {
      const slots = slotsOf[i];
      if (slots) for (const s of slots) items[fill[s]!++] = i;
    }
    return new WordGrams(offsets, items);
  }

  static empty(): WordGrams {
    return new WordGrams(new Int32Array(GRAM_SLOTS + 1), new Int32Array(0));
  }

  static fromData(data: WordGramsData): WordGrams {
    return new WordGrams(data.offsets, data.items);
  }

  data(): WordGramsData {
    return { offsets: this.offsets, items: this.items };
  }
}
