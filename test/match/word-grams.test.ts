import { describe, expect, it } from 'vitest';
import { GRAM_SLOTS, gramSlots, WordGrams } from '../../src/match/word-grams.js';

const wordsOf = (grams: WordGrams, slot: number): number[] =>
  Array.from(grams.items.subarray(grams.offsets[slot], grams.offsets[slot + 1]));

describe('word 3-grams', () => {
  it('numbers each distinct padded 3-gram of a word once', () => {
    expect(gramSlots('abab')).toHaveLength(4); // _ab aba bab ab_
    expect(gramSlots('ababa')).toHaveLength(4); // _ab aba bab (aba again) ba_
    expect(new Set(gramSlots('maduro')).size).toBe(gramSlots('maduro').length);
    for (const s of gramSlots('x9_é')) expect(s >= 0 && s < GRAM_SLOTS).toBe(true);
  });

  it('lists under each gram the words that have it, in order, skipping keys without a word', () => {
    const keys = ['t:maduro', 'p:MTR', 't:madura', 't:moros'];
    const grams = WordGrams.build(keys, (key) => (key.startsWith('t:') ? key.slice(2) : undefined));
    // _ma mad adu dur: in both maduro and madura, in that order
    const shared = gramSlots('maduro').filter((slot) => gramSlots('madura').includes(slot));
    expect(shared).toHaveLength(4);
    for (const slot of shared) expect(wordsOf(grams, slot)).toEqual([0, 2]);
    expect(wordsOf(grams, gramSlots('moros')[0]!)).toEqual([3]); // _mo
    const all = new Set<number>();
    for (let s = 0; s < GRAM_SLOTS; s++) for (const w of wordsOf(grams, s)) all.add(w);
    expect([...all].sort()).toEqual([0, 2, 3]);
  });

  it('survives a round trip through its data (the saved index cache)', () => {
    const grams = WordGrams.build(['t:salim', 't:salem'], (k) => k.slice(2));
    const copy = WordGrams.fromData(structuredClone(grams.data()));
    const sal = gramSlots('salim')[1]!; // sal
    expect(wordsOf(copy, sal)).toEqual([0, 1]);
  });
});
