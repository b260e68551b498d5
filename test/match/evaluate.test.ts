import { describe, expect, it } from 'vitest';
import {
  bestThreshold,
  evaluateAt,
  kendallTau,
  type LabelledPair,
  scorePairs,
  spearman,
} from '../../src/match/evaluate.js';

const pair = (q: string, c: string, match: boolean): LabelledPair => ({
  schema: 'Person',
  match,
  query: { schema: 'Person', properties: { name: [q] } },
  candidate: { schema: 'Person', properties: { name: [c] } },
});

describe('evaluation', () => {
  it('computes precision, recall and F1 at a threshold', () => {
    const scored = [
      { pair: pair('a', 'a', true), score: 0.9 },
      { pair: pair('b', 'b', true), score: 0.6 },
      { pair: pair('c', 'd', false), score: 0.8 },
      { pair: pair('e', 'f', false), score: 0.1 },
    ];
    const e = evaluateAt(scored, 0.7);
    expect([e.truePositives, e.falsePositives, e.trueNegatives, e.falseNegatives]).toEqual([1, 1, 1, 1]);
    expect(e.precision).toBe(0.5);
    expect(e.recall).toBe(0.5);
    expect(e.f1).toBe(0.5);
    expect(e.errors).toHaveLength(2);
    expect(bestThreshold(scored).f1).toBeCloseTo(0.8, 5);
  });

  it('scores labelled pairs with the matcher', () => {
    const scored = scorePairs([
      pair('Vladimir Putin', 'PUTIN, Vladimir', true),
      pair('Olaf Schulze', 'Olaf Scholz', false),
    ]);
    expect(evaluateAt(scored, 0.7).f1).toBe(1);
  });

  it('computes rank agreement', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(kendallTau([1, 2, 3, 4], [1, 2, 4, 3])).toBeCloseTo(4 / 6);
    expect(kendallTau([1, 1, 2], [1, 2, 3])).toBeGreaterThan(0);
    expect(() => spearman([1], [1, 2])).toThrow(RangeError);
  });
});
