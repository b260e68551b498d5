import { describe, expect, it } from 'vitest';
import { findLegalForms, LEGAL_FORM_LABELS, legalFormsCompatible } from '../../src/names/legal-forms.js';
import { numbersAgree, ordinalWord, romanValue } from '../../src/names/numbers.js';

const forms = (s: string): string[] => findLegalForms(s.split(' ')).map((h) => h.canonical);

describe('legal forms', () => {
  it('recognises forms across languages', () => {
    expect(forms('deutsche bank gmbh')).toEqual(['GmbH']);
    expect(forms('gesellschaft mit beschrankter haftung xyz')).toEqual(['GmbH']);
    expect(forms('xyz limited liability company')).toEqual(['LLC']);
    expect(forms('pjsc rosneft')).toEqual(['PJSC']);
    expect(forms('zao xyz')).toEqual(['CJSC']);
    expect(forms('xyz sdn bhd')).toEqual(['Sdn Bhd']);
    expect(forms('xyz fzco')).toEqual(['FZCO']);
    expect(forms('xyz llp')).toEqual(['LLP']);
    expect(forms('xyz plc')).toEqual(['PLC']);
    expect(forms('xyz sas')).toEqual(['S.A.S.']);
    expect(forms('xyz ca')).toEqual(['C.A.']);
    expect(forms('xyz company limited')).toEqual(['Co. Ltd']);
    expect(forms('sherkat xyz')).toEqual(['Co.']);
    expect(LEGAL_FORM_LABELS).toContain('Inc');
  });

  it('finds ambiguous short forms only at the edges', () => {
    expect(forms('sa xyz')).toEqual(['S.A.']);
    expect(forms('xyz sa abc')).toEqual([]);
    expect(forms('as xyz')).toEqual(['A/S']);
  });

  it('tolerates a typo in a long word and a truncated last word', () => {
    expect(forms('siemens aktiengeselschaft')).toEqual(['AG']);
    expect(forms('tactical missiles joint stock compan')).toEqual(['JSC']);
    expect(forms('xyz corporatio')).toEqual(['Corp']);
    expect(findLegalForms(['siemens', 'aktiengeselschaft'], false)).toEqual([]);
  });

  it('tells compatible forms from incompatible ones', () => {
    const ag = { canonical: 'AG', family: 'stock' as const };
    const gmbh = { canonical: 'GmbH', family: 'limited' as const };
    const llc = { canonical: 'LLC', family: 'limited' as const };
    const ooo = { canonical: 'OOO', family: 'limited' as const };
    const ano = { canonical: 'ANO', family: 'nonprofit' as const };
    const ojsc = { canonical: 'OJSC', family: 'stock' as const };
    const pjsc = { canonical: 'PJSC', family: 'stock' as const };
    const corp = { canonical: 'Corp', family: 'generic' as const };
    expect(legalFormsCompatible([ag], [gmbh])).toBe(false);
    expect(legalFormsCompatible([llc], [ano])).toBe(false);
    expect(legalFormsCompatible([llc], [ooo])).toBe(true);
    expect(legalFormsCompatible([ojsc], [pjsc])).toBe(true);
    expect(legalFormsCompatible([corp], [gmbh])).toBe(true);
    expect(legalFormsCompatible([], [gmbh])).toBe(true);
  });
});

describe('numbers', () => {
  it('compares number sets', () => {
    expect(numbersAgree([], [])).toBeUndefined();
    expect(numbersAgree(['2'], ['2'])).toBe(true);
    expect(numbersAgree(['5'], ['6'])).toBe(false);
    expect(numbersAgree([], ['3'])).toBe(false);
  });

  it('reads ordinals and Roman numerals', () => {
    expect(ordinalWord('1st')).toBe('first');
    expect(ordinalWord('22nd')).toBeUndefined();
    expect(romanValue('xiv')).toBe(14);
    expect(romanValue('xyz')).toBeUndefined();
  });
});
