import { describe, expect, it } from 'vitest';
import { eastAsianFold, isEastAsianWord } from '../../src/names/east-asian.js';
import { analyzeName } from '../../src/names/analyze.js';

describe('Chinese and Korean romanisations', () => {
  it('fold Wade-Giles onto pinyin and McCune-Reischauer onto Revised Romanization', () => {
    expect(eastAsianFold('hsiaoping')).toBe(eastAsianFold('xiaoping'));
    expect(eastAsianFold('teng')).toBe(eastAsianFold('deng'));
    expect(eastAsianFold('tsetung')).toBe(eastAsianFold('zedong'));
    expect(eastAsianFold('jeong')).toBe(eastAsianFold('jong'));
    expect(eastAsianFold('cheol')).toBe(eastAsianFold('chol'));
    expect(eastAsianFold('lee')).toBe(eastAsianFold('ri'));
    expect(eastAsianFold('park')).toBe(eastAsianFold('pak'));
    expect(eastAsianFold('xu')).not.toBe(eastAsianFold('su'));
  });

  it('reads words as syllables, and names as Chinese or Korean only with a surname among them', () => {
    expect(isEastAsianWord('xiaoping')).toBe(true);
    expect(isEastAsianWord('byeong')).toBe(true);
    expect(isEastAsianWord('mohammed')).toBe(false);
    expect(analyzeName('Teng Hsiao-ping', 'person').eastAsian).toBe(true);
    expect(analyzeName('김정은', 'person').eastAsian).toBe(true);
    expect(analyzeName('Maria Anna', 'person').eastAsian).toBe(false);
  });
});
