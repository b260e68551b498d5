import { describe, expect, it } from 'vitest';
import {
  cleanRawName,
  collapseRuns,
  deleet,
  MAX_NAME_CHARS,
  normalizeName,
  splitCamel,
} from '../../src/names/normalize.js';
import { tokenizeName } from '../../src/names/tokenize.js';

describe('normalizeName', () => {
  it('folds case, accents, punctuation and compatibility forms', () => {
    expect(normalizeName('Nicolás MADURO-Moros')).toBe('nicolas maduro moros');
    expect(normalizeName('Recep Tayyip Erdoğan')).toBe('recep tayyip erdogan');
    expect(normalizeName('Ｔｏｋｙｏ  Ｂａｎｋ')).toBe('tokyo bank');
    expect(normalizeName("Al-Qa'ida/Islamic Army")).toBe('al qaida islamic army');
    expect(normalizeName('Straße')).toBe('strasse');
  });

  it('removes control and invisible characters and caps the length', () => {
    expect(cleanRawName('Vladimir\u0000\u200b Putin\n')).toBe('Vladimir Putin');
    const long = 'A'.repeat(20_000);
    expect(cleanRawName(long).length).toBe(MAX_NAME_CHARS);
  });
});

describe('splitCamel', () => {
  it('splits run-together names at case changes', () => {
    expect(splitCamel('SiemensAG')).toEqual(['Siemens', 'AG']);
    expect(splitCamel('VladimirPutin')).toEqual(['Vladimir', 'Putin']);
    expect(splitCamel('McDonald')).toEqual(['Mc', 'Donald']);
  });

  it('leaves capitals, short pieces and garbled words alone', () => {
    expect(splitCamel('MOHAMMADHASNI')).toEqual(['MOHAMMADHASNI']);
    expect(splitCamel('iPhone')).toEqual(['iPhone']);
    expect(splitCamel('nitPu')).toEqual(['nitPu']);
  });
});

describe('deleet and collapseRuns', () => {
  it('turns look-alike digits inside words back into letters', () => {
    expect(deleet('ig0r')).toBe('igor');
    expect(deleet('sech1n')).toBe('sechin');
    expect(deleet('i9or')).toBe('igor');
    expect(deleet('a320')).toBe('a320');
    expect(deleet('2000')).toBe('2000');
  });

  it('collapses doubled letters', () => {
    expect(collapseRuns('hanniball')).toBe('hanibal');
    expect(collapseRuns('joonng')).toBe('jong');
  });
});

describe('tokenizeName', () => {
  it('keeps dotted abbreviations together for organisations and apart for people', () => {
    expect(tokenizeName('A.B.C. Company', false).map((t) => t.text)).toEqual(['abc', 'company']);
    expect(tokenizeName('J.-C. Juncker', true).map((t) => t.text)).toEqual(['j', 'c', 'juncker']);
    expect(tokenizeName('J.-C. Juncker', true)[0]!.initial).toBe(true);
  });

  it('records comma segments, parentheses and possessives', () => {
    const toks = tokenizeName("MADURO MOROS, Nicolas (Bank's)", false);
    expect(toks.map((t) => [t.text, t.segment, t.paren])).toEqual([
      ['maduro', 0, false],
      ['moros', 0, false],
      ['nicolas', 1, false],
      ['bank', 1, true],
    ]);
  });

  it('writes & and % as words and drops apostrophes inside words', () => {
    expect(tokenizeName("Smith & O'Brien", false).map((t) => t.text)).toEqual(['smith', 'and', 'obrien']);
    expect(tokenizeName('3%ers', false).map((t) => t.text)).toEqual(['3', 'percent', 'ers']);
  });

  it('transliterates each word and keeps its script', () => {
    const toks = tokenizeName('Путин Vladimir', true);
    expect(toks.map((t) => [t.text, t.script])).toEqual([
      ['putin', 'cyrillic'],
      ['vladimir', 'latin'],
    ]);
  });
});
