import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { getAlgorithm, listAlgorithms } from '../../src/match/algorithms.js';
import {
  analyzeEntityNames,
  type MatchEntity,
  prepareQuery,
  schemataCompatible,
  scoreEntity,
} from '../../src/match/entity.js';

const person = (name: string, extra: Record<string, string[]> = {}): MatchEntity => ({
  schema: 'Person',
  properties: { name: [name], ...extra },
});

describe('scoreEntity: names', () => {
  it('uses the best of all candidate names, aliases and previous names included', () => {
    const candidate: MatchEntity = {
      schema: 'Organization',
      properties: {
        name: ['ISLAMIC REVOLUTIONARY GUARD CORPS'],
        alias: ['SEPAH-E PASDARAN'],
        previousName: ['PASDARAN-E ENGHELAB-E ISLAMI'],
      },
    };
    const r = scoreEntity({ schema: 'Organization', properties: { name: ['Sepah Pasdaran'] } }, candidate);
    expect(r.match).toBe(true);
    expect(r.explanations.name_match!.candidate).toBe('SEPAH-E PASDARAN');
    expect(r.explanations.name_match!.detail).toContain('candidate alias');
  });

  it('caps a match on a weak alias', () => {
    const candidate: MatchEntity = {
      schema: 'Person',
      properties: { name: ['MADURO MOROS, Nicolas'], weakAlias: ['El Bus'] },
    };
    const r = scoreEntity(person('El Bus'), candidate);
    expect(r.explanations.weak_alias_match).toBeDefined();
    expect(r.score).toBeLessThanOrEqual(0.8);
    expect(r.score).toBeGreaterThanOrEqual(0.7);
  });

  it('builds a name from firstName/lastName when there is no name', () => {
    const r = scoreEntity(
      { schema: 'Person', properties: { firstName: ['Nicolas'], lastName: ['Maduro'] } },
      person('MADURO MOROS, Nicolas'),
    );
    expect(r.match).toBe(true);
  });

  it('never matches a person with a company', () => {
    const r = scoreEntity(person('Maduro'), { schema: 'Company', properties: { name: ['Maduro'] } });
    expect(r.score).toBe(0);
    expect(r.explanations.schema_mismatch).toBeDefined();
    expect(schemataCompatible('LegalEntity', 'Person')).toBe(true);
    expect(schemataCompatible('Organization', 'Company')).toBe(true);
    expect(schemataCompatible('Vessel', 'Company')).toBe(false);
  });

  it('explains with score, weight, detail, query and candidate', () => {
    const r = scoreEntity(person('Qasem Soleimani'), person('SOLEIMANI, Qasem'));
    const f = r.explanations.name_match!;
    expect(f).toMatchObject({ weight: 1, query: 'Qasem Soleimani', candidate: 'SOLEIMANI, Qasem' });
    expect(f.score).toBeGreaterThan(0.9);
    expect(f.pairs?.length).toBe(2);
    expect(f.detail).toContain('soleimani');
    expect(r.threshold).toBe(0.7);
    expect(r.algorithm).toBe('tangle-v1');
  });
});

describe('scoreEntity: other evidence', () => {
  it('treats a unique identifier as strong evidence', () => {
    const r = scoreEntity(
      { schema: 'Vessel', properties: { name: ['NEW HORIZON'], imoNumber: ['9166675'] } },
      { schema: 'Vessel', properties: { name: ['HORSE'], imoNumber: ['IMO 9166675'] } },
    );
    expect(r.score).toBe(0.95);
    expect(r.explanations.identifier_match!.detail).toContain('imo 9166675');
  });

  it('matches generic identifiers across properties, after normalising', () => {
    const r = scoreEntity(
      person('Ivan Ivanov', { passportNumber: ['72 034 455'] }),
      person('Pavel Petrov', { idNumber: ['72-034-455'] }),
    );
    expect(r.score).toBe(0.85);
  });

  it('penalises different unique identifiers of the same kind', () => {
    const r = scoreEntity(
      { schema: 'Vessel', properties: { name: ['SEA PRIDE'], imoNumber: ['9289518'] } },
      { schema: 'Vessel', properties: { name: ['SEA PRIDE'], imoNumber: ['9166675'] } },
    );
    expect(r.explanations.identifier_mismatch).toBeDefined();
    expect(r.match).toBe(false);
  });

  it('penalises disjoint birth dates, accepts partial and swapped ones', () => {
    const c = person('PUTIN, Vladimir', { birthDate: ['1952-10-07'] });
    const same = scoreEntity(person('Vladimir Putin', { birthDate: ['1952'] }), c);
    expect(same.explanations.dob_year_disjoint).toBeUndefined();
    const swapped = scoreEntity(person('Vladimir Putin', { birthDate: ['1952-07-10'] }), c);
    expect(swapped.explanations.dob_day_disjoint).toBeUndefined();
    const otherDay = scoreEntity(person('Vladimir Putin', { birthDate: ['1952-10-08'] }), c);
    expect(otherDay.explanations.dob_day_disjoint).toBeDefined();
    expect(otherDay.explanations.dob_year_disjoint).toBeUndefined();
    const other = scoreEntity(person('Vladimir Putin', { birthDate: ['1971-03-02'] }), c);
    expect(other.explanations.dob_year_disjoint).toBeDefined();
    expect(other.explanations.dob_day_disjoint).toBeDefined();
    expect(other.match).toBe(false);
    expect(
      scoreEntity(person('Vladimir Putin', { birthDate: ['7 Oct 1952'] }), c).explanations.dob_day_disjoint,
    ).toBeUndefined();
  });

  it('penalises country and gender mismatches', () => {
    const r = scoreEntity(
      person('Vladimir Putin', { nationality: ['United States'], gender: ['female'] }),
      person('PUTIN, Vladimir', { nationality: ['ru'], gender: ['m'] }),
    );
    expect(r.explanations.country_mismatch?.weight).toBeLessThan(0);
    expect(r.explanations.gender_mismatch?.weight).toBeLessThan(0);
    expect(r.match).toBe(false);
    const ok = scoreEntity(
      person('Vladimir Putin', { nationality: ['Russia'] }),
      person('PUTIN, Vladimir', { citizenship: ['ru'] }),
    );
    expect(ok.explanations.country_mismatch).toBeUndefined();
  });

  it('penalises different numbers and legal forms', () => {
    const n = scoreEntity(
      { schema: 'Vessel', properties: { name: ['Zu Zag Bong 6'] } },
      { schema: 'Vessel', properties: { name: ['Zu Zag Bong 5'] } },
    );
    expect(n.explanations.number_mismatch).toBeDefined();
    expect(n.match).toBe(false);
    const l = scoreEntity(
      { schema: 'Company', properties: { name: ['Deutsche Bank AG'] } },
      { schema: 'Company', properties: { name: ['Deutsche Bank GmbH'] } },
    );
    expect(l.explanations.legal_form_mismatch).toBeDefined();
    expect(l.match).toBe(false);
  });
});

describe('configuration and algorithms', () => {
  it('lists algorithms like yente', () => {
    const list = listAlgorithms();
    expect(list.default).toBe('tangle-v1');
    expect(list.best).toBe('tangle-v1');
    expect(list.algorithms.map((a) => a.name)).toEqual(['tangle-v1', 'name-only', 'jaro-winkler']);
    const v1 = list.algorithms[0]!;
    expect(Object.keys(v1.features)).toEqual(
      expect.arrayContaining([
        'name_match',
        'weak_alias_match',
        'identifier_match',
        'country_mismatch',
        'dob_year_disjoint',
      ]),
    );
    expect(v1.features.country_mismatch!.weight).toBeLessThan(0);
    expect(getAlgorithm('best').name).toBe('tangle-v1');
  });

  it('takes per-call weights and threshold', () => {
    const q = person('Vladimir Putin', { nationality: ['us'] });
    const c = person('PUTIN, Vladimir', { nationality: ['ru'] });
    const base = scoreEntity(q, c);
    const harsh = scoreEntity(q, c, { weights: { country_mismatch: -0.5 } });
    expect(harsh.score).toBeCloseTo(base.score - 0.25, 3);
    expect(scoreEntity(q, c, { threshold: 0.99 }).match).toBe(false);
  });

  it('rejects unknown algorithms and features', () => {
    expect(() => scoreEntity(person('a'), person('a'), { algorithm: 'logic-v9' })).toThrow(UsageError);
    expect(() => scoreEntity(person('a'), person('a'), { weights: { nm_magic: 1 } })).toThrow(
      /no feature "nm_magic"/,
    );
    expect(() => scoreEntity(person('a'), person('a'), { threshold: 2 })).toThrow(RangeError);
  });

  it('offers a name-only algorithm and a Jaro-Winkler baseline', () => {
    const q = person('Vladimir Putin', { nationality: ['us'] });
    const c = person('PUTIN, Vladimir', { nationality: ['ru'] });
    expect(scoreEntity(q, c, { algorithm: 'name-only' }).explanations.country_mismatch).toBeUndefined();
    const jw = scoreEntity(person('Vladimir Putin'), person('Vladimir Putin'), { algorithm: 'jaro-winkler' });
    expect(jw.score).toBe(1);
    expect(jw.explanations.name_jaro_winkler).toBeDefined();
    // The baseline has none of the name rules: generic words and legal forms score high.
    const tq = { schema: 'Company', properties: { name: ['Trading Corp'] } };
    const tc = { schema: 'Company', properties: { name: ['XYZ Trading Corp'] } };
    expect(scoreEntity(tq, tc, { algorithm: 'jaro-winkler' }).score).toBeGreaterThan(0.9);
    expect(scoreEntity(tq, tc).score).toBeLessThan(0.5);
  });

  it('gives the same score for raw, analysed and prepared entities, with or without explanations', () => {
    const q = person('Mohammed bin Salman', { birthDate: ['1985-08-31'] });
    const c = {
      schema: 'Person',
      properties: { name: ['Muhammad bin Salman Al Saud'], birthDate: ['1985-08-31'] },
    };
    const raw = scoreEntity(q, c);
    const prepared = scoreEntity(prepareQuery(q), analyzeEntityNames(c), { explain: false });
    expect(prepared.score).toBe(raw.score);
    expect(prepared.explanations).toEqual({});
  });
});
