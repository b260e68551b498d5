import { describe, expect, it } from 'vitest';
import { foldSpelling } from '../../src/names/spelling-fold.js';
import { genderPair } from '../../src/names/gender-forms.js';

describe('foldSpelling', () => {
  it('folds the letter groups romanisations disagree on', () => {
    expect(foldSpelling('lawrow')).toBe(foldSpelling('lavrov'));
    expect(foldSpelling('djordjevic')).toBe(foldSpelling('dordevic'));
    expect(foldSpelling('noor')).toBe(foldSpelling('nour'));
    expect(foldSpelling('khalil')).toBe(foldSpelling('halil'));
    expect(foldSpelling('yuri')).toBe(foldSpelling('juri'));
    expect(foldSpelling('yelena')).toBe(foldSpelling('jelena'));
    expect(foldSpelling('iouri')).toBe(foldSpelling('yuri'));
    expect(foldSpelling('setchine')).toBe(foldSpelling('sechin'));
    expect(foldSpelling('ghalibaf')).toBe(foldSpelling('qalibaf'));
    expect(foldSpelling('kowaltschuk')).toBe(foldSpelling('kovalchuk'));
    expect(foldSpelling('prigozhin')).toBe(foldSpelling('prigojine'));
  });

  it('collapses doubled letters and returns the word itself when nothing folds', () => {
    expect(foldSpelling('zaffer')).toBe('zafer');
    const word = 'maduro';
    expect(foldSpelling(word)).toBe(word);
  });

  it('keeps distinct consonants apart', () => {
    expect(foldSpelling('zoran')).not.toBe(foldSpelling('goran'));
    expect(foldSpelling('said')).not.toBe(foldSpelling('saad'));
  });
});

describe('genderPair', () => {
  it('tells masculine and feminine forms of a name from spellings of one name', () => {
    for (const [a, b] of [
      ['daniel', 'daniela'],
      ['antonio', 'antonia'],
      ['christian', 'christina'],
      ['petrov', 'petrova'],
      ['zelensky', 'zelenskaya'],
    ])
      expect(genderPair(a!, b!)).toBe(true);
    expect(genderPair('lukashenko', 'lukashenka')).toBe(false);
    expect(genderPair('hamza', 'hamzah')).toBe(false);
    expect(genderPair('mustafa', 'moustafa')).toBe(false);
  });
});
