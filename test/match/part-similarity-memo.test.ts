import { beforeEach, describe, expect, it } from 'vitest';
import { analyzeName, type NamePart } from '../../src/names/analyze.js';
import { clearPartSimilarityMemo, memoPartSimilarity } from '../../src/match/part-similarity-memo.js';
import { partSimilarity } from '../../src/match/part-similarity.js';

const partsOf = (name: string, kind: 'person' | 'org' = 'person'): NamePart[] => [
  ...analyzeName(name, kind).parts,
];

describe('part similarity memo', () => {
  beforeEach(() => clearPartSimilarityMemo());

  it('answers what partSimilarity answers, first time and from the memo', () => {
    const q = partsOf('Mohammed bin Salman Al Saud');
    const candidates = [
      ...partsOf('Muhammad bin Salman'),
      ...partsOf('SALMAN, Mohammad'),
      ...partsOf('Usama bin Laden'),
      ...partsOf('محمد بن سلمان'),
    ];
    for (let round = 0; round < 2; round++) {
      for (const a of q) {
        for (const b of candidates) {
          for (const arabic of [false, true]) {
            expect(memoPartSimilarity(a, b, arabic)).toEqual(partSimilarity(a, b, arabic));
          }
        }
      }
    }
  });

  it('tells apart the same text in another role', () => {
    // "a" as an initial matches any name starting with a, but not the particle "al".
    const initial = partsOf('Smith, A.').find((p) => p.role === 'initial')!;
    const particle = partsOf('Hassan al Bashir').find((p) => p.text === 'al')!;
    const word = partsOf('AL', 'org').find((p) => p.text === 'al')!;
    expect(particle.role).toBe('particle');
    expect(word.role).toBe('word');
    expect(particle.keyId).not.toBe(word.keyId);
    expect(memoPartSimilarity(initial, word, false).how).toBe('initial');
    expect(memoPartSimilarity(initial, particle, false).how).toBe('none');
  });

  it('stays right when it fills up and wipes itself', () => {
    const q = partsOf('Vladimir')[0]!;
    const expected = partSimilarity(q, partsOf('Vladimor')[0]!, false);
    // Far more distinct comparisons than the table keeps.
    for (let i = 0; i < 40_000; i++) {
      const c = partsOf(`Vlad${i.toString(36)}`)[0]!;
      expect(memoPartSimilarity(q, c, false)).toEqual(partSimilarity(q, c, false));
    }
    expect(memoPartSimilarity(q, partsOf('Vladimor')[0]!, false)).toEqual(expected);
  });
});
