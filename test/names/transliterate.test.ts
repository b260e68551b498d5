import { describe, expect, it } from 'vitest';
import { hasNonLatin, isVowelless, wordScript } from '../../src/names/scripts.js';
import { consonantSkeleton, mergeLiquids } from '../../src/names/skeleton.js';
import { splitArabicWord, transliterateWord } from '../../src/names/transliterate.js';

const skel = (word: string, script: Parameters<typeof transliterateWord>[1]): string =>
  consonantSkeleton(
    transliterateWord(word, script)
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, ''),
  );

describe('scripts', () => {
  it('detects the script of words', () => {
    expect(wordScript('Путин')).toBe('cyrillic');
    expect(wordScript('مادورو')).toBe('arabic');
    expect(wordScript('سلیمانی')).toBe('arabic');
    expect(wordScript('习近平')).toBe('cjk');
    expect(wordScript('김정은')).toBe('cjk');
    expect(wordScript('Τσίπρας')).toBe('greek');
    expect(wordScript('Erdoğan')).toBe('latin');
    expect(isVowelless('arabic')).toBe(true);
    expect(isVowelless('cyrillic')).toBe(false);
    expect(hasNonLatin('Nicolás')).toBe(false);
    expect(hasNonLatin('Nicolás مادورو')).toBe(true);
  });
});

describe('Arabic script', () => {
  it('splits particles and the article before transliteration', () => {
    expect(splitArabicWord('بن')).toEqual(['bin']);
    expect(splitArabicWord('عبدالله')).toEqual(['abd', 'al', 'له']);
    expect(splitArabicWord('الأسد')[0]).toBe('al');
  });

  it('gives the consonant skeletons of the Latin spellings (Maduro, Soleimani, Qasem, Nicolas)', () => {
    expect(skel('مادورو', 'arabic')).toBe(consonantSkeleton('maduro'));
    expect(skel('نيكولاس', 'arabic')).toBe(consonantSkeleton('nicolas'));
    expect(skel('قاسم', 'arabic')).toBe(consonantSkeleton('qasem'));
    expect(skel('سليماني', 'arabic')).toBe(consonantSkeleton('soleimani'));
    expect(skel('سلیمانی', 'arabic')).toBe(consonantSkeleton('suleimani')); // Persian yeh
    expect(skel('محمد', 'arabic')).toBe(consonantSkeleton('mohammed'));
    expect(skel('أسامة', 'arabic')).toBe(consonantSkeleton('osama'));
    expect(skel('أوندوا', 'arabic')).toBe(consonantSkeleton('ondoa'));
  });

  it('keeps different names apart', () => {
    expect(skel('قاسم', 'arabic')).not.toBe(consonantSkeleton('hassan'));
    expect(skel('مادورو', 'arabic')).not.toBe(consonantSkeleton('moros'));
  });
});

describe('other scripts', () => {
  it('returns CJK syllables separately', () => {
    expect(transliterateWord('习近平', 'cjk')).toEqual(['Xi', 'Jin', 'Ping']);
  });

  it('writes Hebrew bet as b', () => {
    expect(transliterateWord('בנימין', 'hebrew')[0]!.startsWith('b')).toBe(true);
  });
});

describe('consonantSkeleton', () => {
  it('merges the documented classes', () => {
    expect(consonantSkeleton('qasem')).toBe(consonantSkeleton('ghasem'));
    expect(consonantSkeleton('qassem')).toBe(consonantSkeleton('kasem'));
    expect(consonantSkeleton('hussein')).toBe(consonantSkeleton('husain'));
    expect(consonantSkeleton('mohammed')).toBe(consonantSkeleton('muhammad'));
    expect(consonantSkeleton('cherif')).toBe(consonantSkeleton('sharif'));
    expect(consonantSkeleton('javad')).toBe(consonantSkeleton('jwd'));
    expect(consonantSkeleton('alexander')).toBe(consonantSkeleton('aleksandr'));
    expect(consonantSkeleton('osama')).toBe(consonantSkeleton('usamah'));
    expect(consonantSkeleton('vahid')).toBe('vht');
  });

  it('merges r and l only on request (CJK)', () => {
    expect(consonantSkeleton('barack')).not.toBe(consonantSkeleton('beilake'));
    expect(mergeLiquids(consonantSkeleton('barack'))).toBe(mergeLiquids(consonantSkeleton('beilake')));
  });
});
