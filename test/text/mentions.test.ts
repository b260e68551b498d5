import { describe, expect, it } from 'vitest';
import { schemaOfStore } from '../../src/text/mentions.js';
import { entity, read } from './helpers.js';

describe('mentions', () => {
  it('joins an acronym the text defines to its expansion, and later uses of it', () => {
    const out = read(
      'The Office of Maritime Inspection (OMI) fined the shipper. OMI later withdrew the fine.',
    );
    const omi = entity(out, 'OMI')!;
    expect(omi.mentions.map((m) => m.text)).toEqual(['Office of Maritime Inspection', 'OMI', 'OMI']);
    expect(omi.schema).toBe('PublicBody');
  });

  it('lists capitals and datelines under their country but never demonyms', () => {
    const out = read(
      'BEIRUT — Lebanese officials met envoys from Damascus. Lebanon and Syria signed a deal.',
    );
    const lebanon = entity(out, 'Lebanon')!;
    expect(lebanon.schema).toBe('Country');
    expect(lebanon.linked_id).toBeNull();
    expect(lebanon.mentions.map((m) => m.text)).toEqual(['BEIRUT', 'Lebanon']);
    expect(entity(out, 'Damascus')!.name).toBe('Syria');
    expect(out.entities.some((e) => e.mentions.some((m) => m.text === 'Lebanese'))).toBe(false);
  });

  it("reads possessives and attached modifiers: Iran's, Hizballah-linked", () => {
    const out = read("Iran's navy escorted a Hizballah-linked freighter.");
    expect(entity(out, 'Iran')!.mentions[0]).toEqual({ text: 'Iran', start: 0, end: 4 });
    expect(entity(out, 'Hizballah')!.linked_id).toBe('t-hizb');
  });

  it('strips titles and types people, places, companies and vessels from cues', () => {
    const out = read(
      'Brigadier General Karim Vahedi met Lena Morozova, a shipping analyst, in the port city of Novoport. ' +
        'The tanker Sea Breeze carried fuel for Vantor Logistics Ltd, a trading firm.',
    );
    expect(entity(out, 'Karim Vahedi')!.schema).toBe('Person');
    expect(entity(out, 'Lena Morozova')!.schema).toBe('Person');
    expect(entity(out, 'Novoport')!.schema).toBe('Location');
    expect(entity(out, 'Sea Breeze')!.schema).toBe('Vessel');
    expect(entity(out, 'Vantor Logistics Ltd')!.schema).toBe('Company');
    expect(out.entities.some((e) => /General|Brigadier|The/.test(e.name))).toBe(false);
  });

  it('joins short names to the full name and definite descriptions to their party', () => {
    const out = read(
      'Karim Vahedi founded Vantor Logistics Ltd in 2015. Vahedi later sold the company. The firm denied it.',
    );
    const person = entity(out, 'Vahedi')!;
    expect(person.name).toBe('Karim Vahedi');
    const company = entity(out, 'the company')!;
    expect(company.name).toBe('Vantor Logistics Ltd');
    expect(company.mentions.map((m) => m.text)).toContain('The firm');
  });

  it('drops product names, programmes and month names', () => {
    const out = read(
      'In March the Treasury named the Kestrel-7 drone maker a Specially Designated Global Terrorist.',
    );
    expect(out.entities.map((e) => e.name)).toEqual(['U.S. Department of the Treasury']);
  });
  it('types a listed militant group as an organisation and a listed business as a company', () => {
    for (const name of [
      'THE HOUTHIS',
      'AL-SHABAAB',
      'HAQQANI NETWORK',
      'LASHKAR E-TAYYIBA',
      'ANSAR AL-ISLAM',
    ])
      expect(schemaOfStore('Organization', name)).toBe('Organization');
    for (const name of ['GLOBAL VISION GROUP', 'SEA DRAGON SHIPPING LTD'])
      expect(schemaOfStore('Organization', name)).toBe('Company');
  });
  it('knows continents and regions as places, and an eponym before "diagram" or "scheme" as no party', () => {
    const out = read(
      'The gang moves drugs to Chile and other countries of South America, the Caribbean and West Africa. The threats overlap like a Venn diagram, and critics call it a Ponzi scheme.',
    );
    expect(out.entities.map((e) => [e.name, e.schema])).toEqual([
      ['Chile', 'Country'],
      ['South America', 'Location'],
      ['Caribbean', 'Location'],
      ['West Africa', 'Location'],
    ]);
  });
});
