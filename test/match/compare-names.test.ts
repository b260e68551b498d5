import { describe, expect, it } from 'vitest';
import { analyzeName, type NameKind } from '../../src/names/analyze.js';
import { compareNames } from '../../src/match/compare-names.js';
import { editSimilarity, jaroWinkler, maxEdits, nameEditDistance } from '../../src/match/distance.js';
import { longVowelsAgree } from '../../src/match/arabic-vowels.js';
import { partSimilarity } from '../../src/match/part-similarity.js';

const cmp = (a: string, b: string, kind: NameKind = 'person') =>
  compareNames(analyzeName(a, kind), analyzeName(b, kind));
const score = (a: string, b: string, kind: NameKind = 'person') => cmp(a, b, kind).score;
const part = (text: string) => analyzeName(text, 'person').parts[0]!;

describe('edit distance for names', () => {
  it('weighs edits the way names differ', () => {
    expect(nameEditDistance('putni', 'putin')).toBe(0.5); // swap
    expect(nameEditDistance('friedrych', 'friedrich')).toBeCloseTo(0.3); // y/i
    expect(nameEditDistance('scholze', 'scholz')).toBe(1);
    expect(nameEditDistance('schulze', 'scholz')).toBeCloseTo(1.6);
    expect(nameEditDistance('missives', 'missiles')).toBe(1.5);
    expect(nameEditDistance('lindeman', 'lindemann')).toBe(0.5); // doubled letter
  });

  it('allows more for longer parts, nothing for short ones', () => {
    expect(maxEdits(3)).toBe(0);
    expect(maxEdits(6)).toBe(1);
    expect(maxEdits(12)).toBeGreaterThan(maxEdits(9));
    expect(editSimilarity(1, 6)).toBeGreaterThanOrEqual(0.7);
    expect(editSimilarity(0.3, 9)).toBeLessThanOrEqual(0.95);
  });

  it('computes Jaro-Winkler', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('part similarity', () => {
  it('follows the documented ladder', () => {
    expect(partSimilarity(part('Vladimir'), part('vladimir'), false).how).toBe('exact');
    expect(partSimilarity(part('Hanniball'), part('Hannibal'), false).how).toBe('spelling');
    expect(partSimilarity(part('Mohammed'), part('Muhammad'), false).how).toBe('variant');
    expect(partSimilarity(part('Bill'), part('William'), false).how).toBe('nickname');
    expect(partSimilarity(part('Lukashnko'), part('Lukashenko'), false).how).toBe('fuzzy');
    expect(partSimilarity(part('Scholz'), part('Schulze'), false).how).toBe('none');
    expect(partSimilarity(part('nitpu'), part('putin'), false).how).toBe('anagram');
    expect(partSimilarity(part('مادورو'), part('Maduro'), false).how).toBe('skeleton');
    expect(partSimilarity(part('Рихтер'), part('Richter'), false).score).toBeGreaterThan(0.7);
  });

  const expectNicknames = (pairs: Array<[string, string]>) => {
    for (const [nick, full] of pairs)
      expect(partSimilarity(part(nick), part(full), false).how, `${nick} ~ ${full}`).toBe('nickname');
  };

  it('knows English and Spanish short forms of given names', () => {
    expectNicknames([
      ['Chuck', 'Charles'],
      ['Pepe', 'José'],
      ['Paco', 'Francisco'],
      ['Chuy', 'Jesús'],
      ['Barry', 'Barack'],
    ]);
    expect(partSimilarity(part('Paco'), part('Pablo'), false).how).not.toBe('nickname');
  });

  it('takes a nickname to every listed spelling of its name', () => {
    expectNicknames([
      ['Dima', 'Dmitriy'],
      ['Dima', 'Dmytro'],
      ['Sasha', 'Oleksandr'],
      ['Vitya', 'Victor'],
      ['Lena', 'Olena'],
      ['Masha', 'Mariya'],
      ['Lola', 'Dolores'],
    ]);
    // Spellings of another name stay apart.
    expect(partSimilarity(part('Dima'), part('Vladimir'), false).how).toBe('none');
    expect(score('Dima Ivanov', 'Dmitriy IVANOV')).toBeGreaterThan(0.8);
  });

  it('relaxes vowels only for Arabic names, and only for the same shape', () => {
    expect(partSimilarity(part('Haniyeh'), part('Haniya'), true).how).toBe('vowels');
    expect(partSimilarity(part('Haniyeh'), part('Haniya'), false).how).toBe('none');
    expect(partSimilarity(part('Bashar'), part('Bushra'), true).how).toBe('none');
  });
});

describe('compareNames', () => {
  it('matches reversed names, but never at 1.0 for a different order', () => {
    const r = cmp('Nicolas Maduro Moros', 'MADURO MOROS, Nicolas');
    expect(r.score).toBeGreaterThan(0.9);
    expect(score('Vladimir Putin', 'PUTIN, Vladimir')).toBe(1);
    expect(score('PUTIN VLADIMIR', 'PUTIN, Vladimir')).toBeGreaterThan(0.95);
    const reversed = cmp('Vladimir Putin', 'Putin Vladimir');
    expect(reversed.score).toBeGreaterThan(0.9);
    expect(reversed.score).toBeLessThan(1);
    expect(reversed.notes).toContain('word order differs');
  });

  it('penalises swapped given and family names when both are tagged, and says so', () => {
    const q = analyzeName('Friedrich Hans', 'person', { given: ['Friedrich'], family: ['Hans'] });
    const c = analyzeName('Hans Friedrich', 'person', { given: ['Hans'], family: ['Friedrich'] });
    const r = compareNames(q, c);
    expect(r.score).toBeLessThan(0.7);
    expect(r.notes).toContain('given and family names swapped');
  });

  it('explains which parts matched and how', () => {
    const r = cmp('Qassem Suleimani', 'SOLEIMANI, Qasem');
    expect(r.pairs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ query: 'qassem', candidate: 'qasem', how: 'spelling' }),
        expect.objectContaining({ query: 'suleimani', candidate: 'soleimani' }),
      ]),
    );
    const joined = cmp('Nikolai Patr ushev', 'Nikolai Platonovich Patrushev');
    expect(joined.pairs).toContainEqual(
      expect.objectContaining({ query: 'patr ushev', candidate: 'patrushev', how: 'joined' }),
    );
    expect(joined.unmatchedCandidate).toEqual(['platonovich']);
  });

  it('needs higher similarity on short parts', () => {
    expect(score('Olaf Scholze', 'Olaf Scholz')).toBeGreaterThan(0.7);
    expect(score('Olaf Schulze', 'Olaf Scholz')).toBeLessThan(0.7);
    expect(score('Kim Pong-ryul', 'Kim Pyong-ryul')).toBeLessThan(0.7);
  });

  it('counts extra query words more than extra candidate words', () => {
    expect(score('Boris Johnson', 'Alexandre Boris de Pfeffel Johnson')).toBeGreaterThan(0.7);
    expect(score('Alexandre Boris de Pfeffel Johnson', 'Boris Johnson')).toBeLessThan(0.7);
  });

  it('weighs family names above given names', () => {
    const sameFamily = score('Vladimir Putin', 'PUTIN, Pavel');
    const sameGiven = score('Vladimir Putin', 'IVANOV, Vladimir');
    expect(sameFamily).toBeGreaterThan(sameGiven);
  });

  it('handles initials', () => {
    expect(score('V. Putin', 'Vladimir Putin')).toBeGreaterThan(0.8);
    expect(score('A. Nazarbayev', 'Nursultan Nazarbayev')).toBeLessThan(0.7);
    expect(score('N.N.', 'Nursultan Nazarbayev')).toBeLessThan(0.5);
    expect(score('Frost, William G.', 'William W Frost')).toBeLessThan(0.7);
  });

  it('never matches on legal forms or generic words alone', () => {
    expect(score('CORP', 'XYZ Corp', 'org')).toBe(0);
    expect(score('Trading LLC', 'XYZ Trading LLC', 'org')).toBeLessThan(0.5);
    expect(score('Management Company', 'Westminister Management Company', 'org')).toBeLessThan(0.5);
    const generic = cmp('Global Trading International', 'Global Trading International Alpha', 'org');
    expect(generic.score).toBeLessThan(0.5);
    expect(generic.notes).toContain('only generic words matched');
    expect(score('Siemens Aktiengesellschaft', 'Siemens AG', 'org')).toBe(1);
  });

  it('reports numbers and legal forms for the entity scorer', () => {
    const r = cmp('SEA PRIDE 2', 'SEA PRIDE 3', 'vessel');
    expect(r.numbers).toEqual({ query: ['2'], candidate: ['3'], agree: false });
    const l = cmp('Deutsche Bank AG', 'Deutsche Bank GmbH', 'org');
    expect(l.legalForms).toEqual({ query: ['AG'], candidate: ['GmbH'], compatible: false });
  });
});

describe('long vowels of Arabic script', () => {
  it('line up with the vowels of a Latin spelling, gap by gap', () => {
    expect(longVowelsAgree('mhmwd', 'mahmoud')).toBe(true);
    expect(longVowelsAgree('mhmwd', 'mohammed')).toBe(false); // waw against e
    expect(longVowelsAgree('ahmd', 'hamid')).toBe(false); // initial alef: a vowel first
    expect(longVowelsAgree('s`d', 'said')).toBe(false); // "ai" is a long i the Arabic lacks
    expect(longVowelsAgree('mhmd', 'muhammad')).toBe(true); // short vowels are never held against
  });
});
