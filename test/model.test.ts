import { describe, expect, it } from 'vitest';
import { model } from '../src/model/model.js';
import { EntityDraft, derivedId, recordEntityId } from '../src/model/entity.js';
import { cleanCountry, cleanDate } from '../src/model/values.js';

describe('FtM model', () => {
  it('has the schemata Tangle needs, with inheritance', () => {
    for (const name of [
      'Person',
      'Organization',
      'Company',
      'LegalEntity',
      'PublicBody',
      'Vessel',
      'Airplane',
      'Address',
      'Sanction',
      'Ownership',
      'Directorship',
      'Membership',
      'Employment',
      'Family',
      'Associate',
      'UnknownLink',
      'Payment',
      'Occupancy',
    ]) {
      expect(model.has(name), name).toBe(true);
    }
    expect(model.get('Company').isA('LegalEntity')).toBe(true);
    expect(model.get('Person').getProperty('birthDate')?.type).toBe('date');
    expect(model.get('Ownership').edge).toMatchObject({ source: 'owner', target: 'asset' });
    expect(model.commonSchema('LegalEntity', 'Company')).toBe('Company');
    expect(model.commonSchema('Person', 'Company')).toBeUndefined();
  });
});

describe('values', () => {
  it('parses list date formats and rejects impossible dates', () => {
    expect(cleanDate('23 Nov 1962')).toBe('1962-11-23');
    expect(cleanDate('Nov 1962')).toBe('1962-11');
    expect(cleanDate('1962')).toBe('1962');
    expect(cleanDate('1962-11-23')).toBe('1962-11-23');
    expect(cleanDate('31 Feb 1970')).toBeUndefined();
    expect(cleanDate('1970-13-01')).toBeUndefined();
    expect(cleanDate('someday')).toBeUndefined();
  });
  it('maps country names, codes and demonyms', () => {
    expect(cleanCountry('Venezuela')).toBe('ve');
    expect(cleanCountry('Iran (Islamic Republic of)')).toBe('ir');
    expect(cleanCountry('Korea, North')).toBe('kp');
    expect(cleanCountry('Lebanese')).toBe('lb');
    expect(cleanCountry('RU')).toBe('ru');
    expect(cleanCountry('Atlantis')).toBeUndefined();
  });
});

describe('EntityDraft', () => {
  it('cleans values by type, keeps the original text and drops duplicates', () => {
    const e = new EntityDraft('Person', recordEntityId('us_ofac_sdn', '22790'), '22790');
    expect(e.id).toBe('us_ofac_sdn-22790');
    expect(e.add('name', '  MADURO MOROS,   Nicolas ')).toBe(true);
    expect(e.add('birthDate', '23 Nov 1962', { origin: 'sdn.csv line 1' })).toBe(true);
    expect(e.add('birthDate', '1962-11-23')).toBe(true);
    expect(e.add('birthDate', '31 Feb 1962')).toBe(false);
    expect(e.get('name')).toEqual(['MADURO MOROS, Nicolas']);
    expect(e.props.get('birthDate')).toEqual([
      { value: '1962-11-23', original: '23 Nov 1962', origin: 'sdn.csv line 1' },
    ]);
    expect(e.caption()).toBe('MADURO MOROS, Nicolas');
    expect(() => e.add('imoNumber', '123')).toThrow(/no property/);
    expect(derivedId(e.id, 'sanction', 'VENEZUELA')).toMatch(/^us_ofac_sdn-22790-sanction-[0-9a-f]{12}$/);
  });
  it('narrows but never widens a schema', () => {
    const e = new EntityDraft('LegalEntity', 'x-1', '1');
    e.narrow('Company');
    expect(e.schema.name).toBe('Company');
    e.narrow('LegalEntity');
    expect(e.schema.name).toBe('Company');
  });
});
