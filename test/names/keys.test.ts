import { describe, expect, it } from 'vitest';
import { analyzeName } from '../../src/names/analyze.js';
import { nameKeys } from '../../src/names/keys.js';

const shared = (a: string[], b: string[]): string[] => a.filter((k) => b.includes(k));

describe('nameKeys', () => {
  it('gives tokens, phonetic codes, skeletons and 3-grams of the parts', () => {
    const keys = nameKeys(analyzeName('MADURO MOROS, Nicolas', 'person'));
    expect(keys).toContain('t:maduro');
    expect(keys).toContain('t:nicolas');
    expect(keys.some((k) => k.startsWith('p:'))).toBe(true);
    expect(keys).toContain('s:mtl'); // maduro, r merged into l
    expect(keys).toContain('g:_ma');
    expect(keys).toContain('g:ro_');
  });

  it('links an Arabic-script query to the Latin list name through skeletons', () => {
    const arabic = nameKeys(analyzeName('نيكولاس مادورو', 'person'));
    const latin = nameKeys(analyzeName('MADURO MOROS, Nicolas', 'person'));
    expect(shared(arabic, latin).filter((k) => k.startsWith('s:')).length).toBeGreaterThanOrEqual(2);
  });

  it('links CJK syllables to the Latin name through joined skeletons', () => {
    const cjk = nameKeys(analyzeName('贝拉克·奥巴马', 'person'));
    const latin = nameKeys(analyzeName('Barack Obama', 'person'));
    expect(shared(cjk, latin).filter((k) => k.startsWith('s:')).length).toBeGreaterThanOrEqual(1);
  });

  it('gives run-together joins, acronyms, variant groups and numbers', () => {
    expect(nameKeys(analyzeName('Good Will Company', 'org'))).toContain('t:goodwill');
    expect(nameKeys(analyzeName('Islamic Revolutionary Guard Corps', 'org'))).toContain('t:irgc');
    const mohammed = nameKeys(analyzeName('Mohammed Ali', 'person'));
    const muhammad = nameKeys(analyzeName('Muhammad Ali', 'person'));
    expect(shared(mohammed, muhammad).some((k) => k.startsWith('v:'))).toBe(true);
    expect(nameKeys(analyzeName('SEA PRIDE 2', 'vessel'))).toContain('n:2');
  });

  it('gives nothing for legal forms, particles or initials', () => {
    expect(nameKeys(analyzeName('CORP', 'org'))).toEqual([]);
    const keys = nameKeys(analyzeName('V. bin Laden', 'person'));
    expect(keys).not.toContain('t:bin');
    expect(keys).not.toContain('t:v');
  });
});
