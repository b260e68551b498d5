import { describe, expect, it } from 'vitest';
import { PostingLists, PostingListsBuilder } from '../../src/match/posting-lists.js';

const itemsOf = (lists: PostingLists, key: string): number[] => {
  const id = lists.idOf(key);
  if (id === undefined) return [];
  return Array.from(lists.items.subarray(lists.offsets[id], lists.offsets[id + 1]));
};

describe('PostingLists', () => {
  it('lays out each key’s items in the order they were added', () => {
    const b = new PostingListsBuilder();
    b.add('t:maduro', 0);
    b.add('t:nicolas', 0);
    b.add('t:maduro', 3);
    b.add('t:cabello', 2);
    b.add('t:maduro', 7);
    const lists = b.build();
    expect(lists.size).toBe(3);
    expect(itemsOf(lists, 't:maduro')).toEqual([0, 3, 7]);
    expect(itemsOf(lists, 't:nicolas')).toEqual([0]);
    expect(itemsOf(lists, 't:cabello')).toEqual([2]);
    expect(lists.count(lists.idOf('t:maduro')!)).toBe(3);
    expect(lists.idOf('t:absent')).toBeUndefined();
    expect(lists.has('t:absent')).toBe(false);
  });

  it('grows past its initial capacity without losing pairs', () => {
    const b = new PostingListsBuilder();
    const n = 200_003; // more than three doublings of the initial 65,536 pairs
    for (let i = 0; i < n; i++) b.add(`k${i % 7}`, i);
    const lists = b.build();
    let total = 0;
    for (let k = 0; k < 7; k++) {
      const items = itemsOf(lists, `k${k}`);
      total += items.length;
      expect(items.every((item) => item % 7 === k)).toBe(true);
      expect(items.every((item, j) => j === 0 || item > items[j - 1]!)).toBe(true);
    }
    expect(total).toBe(n);
  });

  it('survives a round trip through its data (the saved index cache)', () => {
    const b = new PostingListsBuilder();
    b.add('a', 1);
    b.add('b', 2);
    b.add('a', 5);
    const copy = PostingLists.fromData(structuredClone(b.build().data()));
    expect(itemsOf(copy, 'a')).toEqual([1, 5]);
    expect(itemsOf(copy, 'b')).toEqual([2]);
  });

  it('finds a key by its kind and text, and keeps each item once per key', () => {
    const b = new PostingListsBuilder();
    b.add('t:maduro', 1);
    b.addToKey(b.keyIdOf('t', 'maduro'), 1); // the same item again: kept once
    b.addToKey(b.keyIdOf('s', 'mtr'), 1);
    b.add('plain', 2);
    const lists = b.build();
    expect(itemsOf(lists, 't:maduro')).toEqual([1]);
    expect(lists.idOfText('t', 'maduro')).toBe(lists.idOf('t:maduro'));
    expect(lists.idOfText('s', 'maduro')).toBeUndefined();
    expect(lists.kind(lists.idOf('s:mtr')!)).toBe('s');
    expect(lists.texts[lists.idOf('s:mtr')!]).toBe('mtr');
    expect(itemsOf(lists, 'plain')).toEqual([2]);
    expect(lists.keys).toEqual(['t:maduro', 's:mtr', 'plain']);
  });

  it('is empty with no pairs', () => {
    const lists = new PostingListsBuilder().build();
    expect(lists.size).toBe(0);
    expect(lists.items.length).toBe(0);
  });
});
