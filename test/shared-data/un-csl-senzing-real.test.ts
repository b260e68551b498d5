/**
 * The UN, CSL and Senzing readers against the real files in ../shared/data.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { EntityDraft } from '../../src/model/entity.js';
import { senzingJson } from '../../src/sources/senzing.js';
import { unXml } from '../../src/sources/un-xml.js';
import { usCsl } from '../../src/sources/us-csl.js';
import { hasSharedData, shared } from '../helpers/shared-data.js';

const count = (entities: EntityDraft[], schema: string): number =>
  entities.filter((e) => e.schema.name === schema).length;
const named = (entities: EntityDraft[], name: string): EntityDraft => {
  const found = entities.find((e) => e.get('name').includes(name));
  if (!found) throw new Error(`no entity named ${name}`);
  return found;
};
const linked = (entities: EntityDraft[], prop: string, id: string, schema: string): EntityDraft[] =>
  entities.filter((e) => e.schema.name === schema && e.get(prop).includes(id));

describe.skipIf(!hasSharedData)('UN consolidated list (real file)', () => {
  const path = shared('un', 'un-consolidated-2026-02-27.xml.gz');

  it('reads every listing quickly, with no warnings left', () => {
    // The first run warms up the JIT and the FtM model; the best of the next two is timed. On an idle
    // machine a read takes about 250 ms; the bound is looser so that parallel test files on a busy
    // two-core runner do not make it flaky, while an accidental slowdown (a quadratic scan) still fails.
    let result = unXml.read([path], { dataset: 'un_sc_sanctions' });
    let best = Infinity;
    for (let k = 0; k < 2; k++) {
      const started = performance.now();
      result = unXml.read([path], { dataset: 'un_sc_sanctions' });
      best = Math.min(best, performance.now() - started);
    }
    expect(best).toBeLessThan(2000);
    const { entities, warnings, publishedAt } = result;
    expect(publishedAt).toBe('2026-02-27');
    expect(count(entities, 'Person')).toBe(730);
    expect(count(entities, 'Organization')).toBe(273);
    expect(count(entities, 'Sanction')).toBe(1003);
    expect(warnings).toEqual([]);
    const ids = entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the IRGC Qods Force commander with aliases, passport and listing', () => {
    const { entities } = unXml.read([path], { dataset: 'un_sc_sanctions' });
    const soleimani = named(entities, 'QASEM SOLEIMANI');
    expect(soleimani.id).toBe('un_sc_sanctions-110408');
    expect(soleimani.get('alias')).toContain('Qasem Sulaimani');
    expect(soleimani.get('weakAlias')).toContain('Sardar Soleimani');
    expect(soleimani.get('position')).toContain('Commander of Qods force');
    expect(soleimani.get('birthDate')).toEqual(['1957-03-11']);
    expect(soleimani.get('birthCountry')).toEqual(['ir']);
    const [passport] = linked(entities, 'holder', soleimani.id, 'Passport');
    expect(passport.get('number')).toEqual(['008827']);
    const [sanction] = linked(entities, 'entity', soleimani.id, 'Sanction');
    expect(sanction.get('unscId')).toEqual(['IRi.039']);
    expect(sanction.get('program')).toEqual(['Iran']);
    expect(sanction.get('listingDate')).toEqual(['2007-03-24']);
  });

  it('has the DPRK arms exporter KOMID and tags Al-Qaida listings as terrorism', () => {
    const { entities } = unXml.read([path], { dataset: 'un_sc_sanctions' });
    const komid = named(entities, 'KOREA MINING DEVELOPMENT TRADING CORPORATION');
    expect(komid.schema.name).toBe('Organization');
    expect(komid.get('alias')).toContain('"KOMID"');
    expect(komid.get('country')).toEqual(['kp']);
    const alQaida = named(entities, 'AL-QAIDA');
    expect(alQaida.get('topics').sort()).toEqual(['crime.terror', 'sanction']);
    const zawahiri = named(entities, 'AIMAN MUHAMMED RABI AL-ZAWAHIRI');
    const links = linked(entities, 'subject', zawahiri.id, 'UnknownLink');
    expect(links.map((l) => l.get('object')[0])).toContain(alQaida.id);
  });
});

describe.skipIf(!hasSharedData)('US Consolidated Screening List (real files)', () => {
  it('reads the 2019 extract', () => {
    const { entities } = usCsl.read([shared('us-csl', 'csl-2019.csv')], { dataset: 'us_trade_csl' });
    // 115 rows; two lists repeat a name (merged), so 110 listed parties with one sanction each
    expect(count(entities, 'Sanction')).toBe(110);
    expect(count(entities, 'Person')).toBe(20);
    expect(count(entities, 'Organization')).toBe(46);
    expect(count(entities, 'Vessel')).toBe(2);
    expect(count(entities, 'LegalEntity')).toBe(42);
    const tanker = named(entities, 'ADRIAN DARYA 1');
    expect(tanker.get('imoNumber')).toEqual(['IMO 9116412']);
    expect(tanker.get('alias')).toEqual(['GRACE 1']);
    const [sanction] = linked(entities, 'entity', tanker.id, 'Sanction');
    expect(sanction.get('program')).toEqual(['SDGT']);
    const itar = named(entities, 'Guadalupe Edgar Lucio-Amador');
    expect(itar.get('topics')).toEqual(['debarment']);
    const el = named(entities, '3K Aviation Consulting and Logistics');
    expect(el.get('topics')).toEqual(['export.control']);
    expect(el.get('country')).toEqual(['tr']);
  });

  it('rejects the malformed extract, naming file, line and field', () => {
    const path = shared('ofac', 'malformed', 'csl.csv');
    let error: unknown;
    try {
      usCsl.read([path], { dataset: 'us_trade_csl' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.file).toBe(path);
    expect(e.line).toBe(2);
    expect(e.field).toBe('type');
    expect(e.message).toBe(`${path}, line 2, field "type": row has 2 fields but the header has 28`);
  });
});

describe.skipIf(!hasSharedData)('US Congress PEPs as Senzing records (real file)', () => {
  it('reads members of Congress as PEPs occupying their posts', () => {
    const { entities, warnings } = senzingJson.read([shared('peps', 'us-congress-senzing.json')], {
      dataset: 'senzing',
    });
    expect(warnings).toEqual([]);
    const people = entities.filter((e) => e.schema.name === 'Person');
    expect(people).toHaveLength(1317);
    expect(people.every((p) => p.get('topics').includes('role.pep'))).toBe(true);
    const posts = entities.filter((e) => e.schema.name === 'Position');
    expect(posts.map((p) => p.get('name')[0]).sort()).toEqual([
      'United States representative',
      'United States senator',
    ]);
    expect(count(entities, 'Occupancy')).toBe(1366);
    const senate = posts.find((p) => p.get('name')[0] === 'United States senator')!;
    expect(linked(entities, 'post', senate.id, 'Occupancy')).toHaveLength(209);

    const member = named(entities, 'Jake Auchincloss');
    expect(member.id).toBe('senzing-Q101196632');
    expect(member.get('birthDate')).toEqual(['1988']);
    expect(member.get('nationality')).toEqual(['us']);
    expect(member.get('wikidataId')).toEqual(['Q101196632']);
    const [seat] = linked(entities, 'holder', member.id, 'Occupancy');
    expect(seat.get('post')).toEqual(['senzing-Q13218630']);
  });
});
