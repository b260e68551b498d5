import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { EntityDraft } from '../../src/model/entity.js';
import { usCsl } from '../../src/sources/us-csl.js';
import { tempDir } from '../helpers/temp.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'us-csl');
const fixture = (name: string): string => join(fixtures, name);
const ctx = { dataset: 'us_trade_csl' };

const readSmall = () => usCsl.read([fixture('csl-small.csv')], ctx);

function byName(entities: EntityDraft[], name: string): EntityDraft {
  const found = entities.find((e) => e.get('name').includes(name));
  if (!found) throw new Error(`no entity named ${name}`);
  return found;
}

const linked = (entities: EntityDraft[], prop: string, id: string, schema: string): EntityDraft[] =>
  entities.filter((e) => e.schema.name === schema && e.get(prop).includes(id));

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

describe('us-csl reader', () => {
  it('describes itself', () => {
    expect(usCsl.name).toBe('us-csl');
    expect(usCsl.defaultDataset).toBe('us_trade_csl');
    expect(usCsl.defaultTitle).toBe('US Consolidated Screening List');
  });

  it('maps the CSL types to schemata', () => {
    const { entities } = readSmall();
    expect(byName(entities, 'ADRIAN DARYA 1').schema.name).toBe('Vessel');
    expect(byName(entities, 'GAZPROMBANK OAO').schema.name).toBe('Organization');
    expect(byName(entities, 'AKBARI, Mohammadreza Ali').schema.name).toBe('Person');
    // Lists without a type: a legal entity, unless personal details say it is a person
    expect(byName(entities, 'Guadalupe Edgar Lucio-Amador').schema.name).toBe('LegalEntity');
  });

  it('uses entity_number as the record id, or a stable hash of source and name', () => {
    const { entities } = readSmall();
    const vessel = byName(entities, 'ADRIAN DARYA 1');
    expect(vessel.id).toBe('us_trade_csl-27304');
    expect(vessel.recordId).toBe('27304');
    const dpl = byName(entities, 'ADRIAN MANUEL HERNANDEZ');
    expect(dpl.recordId).toMatch(/^[0-9a-f]{12}$/);
    expect(
      usCsl
        .read([fixture('csl-small.csv')], ctx)
        .entities.find((e) => e.get('name').includes('ADRIAN MANUEL HERNANDEZ'))!.id,
    ).toBe(dpl.id);
  });

  it('merges rows with the same source and name into one entity', () => {
    const { entities } = readSmall();
    const group = entities.filter((e) => e.get('name').includes('32 Group China Ltd.'));
    expect(group).toHaveLength(1);
    expect(group[0].get('address')).toHaveLength(3);
    expect(group[0].get('alias')).toEqual(['32 Group']);
    expect(group[0].get('country').sort()).toEqual(['cn', 'hk']);
    expect(linked(entities, 'entity', group[0].id, 'Sanction')).toHaveLength(1);
    const ids = entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('creates a sanction per listing with authority, program, dates and provisions', () => {
    const { entities } = readSmall();
    const dpl = byName(entities, 'ADRIAN MANUEL HERNANDEZ');
    const [denial] = linked(entities, 'entity', dpl.id, 'Sanction');
    expect(denial.get('authority')).toEqual([
      'US Department of Commerce, Bureau of Industry and Security (BIS)',
    ]);
    expect(denial.get('program')).toEqual(['Denied Persons List (DPL)']);
    expect(denial.get('startDate')).toEqual(['2017-10-16']);
    expect(denial.get('endDate')).toEqual(['2020-10-13']);
    expect(denial.get('provisions')).toEqual(['Standard order']);
    expect(denial.get('description')[0]).toContain('82 F.R. 48792');
    expect(dpl.get('topics')).toEqual(['export.control']);

    const el = byName(entities, '32 Group China Ltd.');
    const [listing] = linked(entities, 'entity', el.id, 'Sanction');
    expect(listing.get('provisions')).toEqual([
      'License requirement: For all items subject to the EAR. (See §744.11 of the EAR)',
      'License policy: Presumption of denial.',
    ]);

    const ssi = byName(entities, 'GAZPROMBANK UPRAVLENIE AKTIVAMI');
    const [sectoral] = linked(entities, 'entity', ssi.id, 'Sanction');
    expect(sectoral.get('authority')[0]).toContain('Office of Foreign Assets Control');
    expect(sectoral.get('program')).toEqual(['UKRAINE-EO13662']);
    expect(sectoral.get('provisions')).toEqual([
      'Executive Order 13662 Directive Determination: Subject to Directive 1',
    ]);
  });

  it('gives topics by list', () => {
    const { entities } = readSmall();
    expect(byName(entities, 'Guadalupe Edgar Lucio-Amador').get('topics')).toEqual(['debarment']);
    expect(byName(entities, 'AKBARI, Mohammadreza Ali').get('topics')).toEqual(['sanction']);
    expect(byName(entities, 'ABDUL JAWAD, Naser').get('topics')).toEqual(['sanction.linked']);
    expect(byName(entities, '183rd Guard Air Defense Missile Regiment').get('topics')).toEqual(['sanction']);
  });

  it('reads identifiers, vessels, people and addresses', () => {
    const { entities } = readSmall();
    const vessel = byName(entities, 'ADRIAN DARYA 1');
    expect(vessel.get('imoNumber')).toEqual(['IMO 9116412']);
    expect(vessel.get('flag')).toEqual(['ir']);
    expect(vessel.get('pastFlags')).toEqual(['pa']);
    expect(vessel.get('type')).toEqual(['Crude Oil Tanker']);
    expect(vessel.get('alias')).toEqual(['GRACE 1']);

    const akbari = byName(entities, 'AKBARI, Mohammadreza Ali');
    expect(akbari.get('birthDate')).toEqual(['1967-10-31']);
    expect(akbari.get('passportNumber')).toEqual(['21795618']);
    expect(akbari.get('alias')).toEqual([
      'AKBARI, Ali',
      'ALI-AKBARI, Mohammadreza',
      'ALIAKBARI, Mohammad Reza Abbas',
    ]);
    expect(linked(entities, 'holder', akbari.id, 'Passport')[0].get('number')).toEqual(['21795618']);

    const bank = byName(entities, 'GAZPROMBANK UPRAVLENIE AKTIVAMI');
    expect(bank.get('taxNumber')).toEqual(['7722515837']);
    expect(bank.get('registrationNumber')).toEqual(['1047796382920']);
    expect(bank.get('country')).toEqual(['ru']);
    const addresses = linked(
      entities,
      'full',
      '63 Novocheremushkinskaya Street, Moscow, 117418, RU',
      'Address',
    );
    expect(addresses).toHaveLength(1);
    expect(bank.get('addressEntity')).toContain(addresses[0].id);

    const plc = byName(entities, 'ABDUL JAWAD, Naser');
    expect(plc.get('birthDate')).toEqual(['1965']);
    expect(plc.get('notes')).toEqual(['HAMAS - Salfit']);
  });

  it('links "Linked To" remarks to the named record, and warns when there is none', () => {
    const { entities, warnings } = readSmall();
    const child = byName(entities, 'GAZPROMBANK UPRAVLENIE AKTIVAMI');
    const parent = byName(entities, 'GAZPROMBANK OAO');
    const [link] = linked(entities, 'subject', child.id, 'UnknownLink');
    expect(link.get('object')).toEqual([parent.id]);
    expect(link.get('role')).toEqual(['Linked To']);
    expect(warnings).toContain(
      'csl-small.csv line 8: "Linked To: QASEMI, Rostam" matches no record in the files read; no link made',
    );
  });

  it('reads an unknown type as a legal entity, even one named like an object member', () => {
    const dir = tempDir('tangle-csl-');
    const path = join(dir, 'types.csv');
    const header = readFileSync(fixture('csl-small.csv'), 'utf8').split('\n')[0]!;
    const cols = header.split(',');
    const row = (type: string, name: string) =>
      cols
        .map((c) =>
          c === 'type'
            ? type
            : c === 'name'
              ? name
              : c === 'source'
                ? 'Entity List (EL) - Bureau of Industry and Security'
                : '',
        )
        .join(',');
    writeFileSync(
      path,
      [header, row('constructor', 'ACME ONE'), row('toString', 'ACME TWO')].join('\n') + '\n',
    );
    const { entities, warnings } = usCsl.read([path], ctx);
    expect(byName(entities, 'ACME ONE').schema.name).toBe('LegalEntity');
    expect(byName(entities, 'ACME TWO').schema.name).toBe('LegalEntity');
    expect(warnings.some((w) => w.includes('unknown type "constructor"'))).toBe(true);
  });

  it('warns about values it cannot clean and unknown lists, naming the line', () => {
    const { entities, warnings } = readSmall();
    const example = byName(entities, 'EXAMPLE, Person');
    expect(example.schema.name).toBe('Person');
    expect(example.get('socialSecurityNumber')).toEqual(['123-45-6789']);
    expect(example.get('notes')).toContain('Digital Currency Address - XBT: ZZ-1');
    expect(warnings).toEqual(
      expect.arrayContaining([
        'csl-small.csv line 12: citizenships "XX" could not be read as country',
        'csl-small.csv line 12: dates_of_birth "1970-13-01" could not be read as date',
        'csl-small.csv line 12: start_date "2019-02-30" could not be read as date',
        'csl-small.csv line 12: unknown source list "Invented Watch List (IWL) - Department of Examples": authority taken from its name, topic export.risk',
      ]),
    );
    expect(warnings.filter((w) => w.includes('2019-02-30'))).toHaveLength(1);
    const [sanction] = linked(entities, 'entity', example.id, 'Sanction');
    expect(sanction.get('authority')).toEqual(['US Department of Examples']);
  });

  it('gives every value an origin naming the file, line and column', () => {
    const { entities } = readSmall();
    const vessel = byName(entities, 'ADRIAN DARYA 1');
    expect(vessel.props.get('imoNumber')![0].origin).toBe('csl-small.csv line 7, ids');
    for (const e of entities) {
      for (const values of e.props.values())
        for (const v of values) expect(v.origin).toMatch(/^csl-small\.csv line \d+, [a-z_]+$/);
    }
  });

  it('rejects a header without a required column, naming the column', () => {
    const err = inputError(() => usCsl.read([fixture('missing-column.csv')], ctx));
    expect(err.message).toBe(
      `${fixture('missing-column.csv')}, line 1, field "name": required column "name" is missing from the header (is this a Consolidated Screening List CSV?)`,
    );
  });

  it('rejects rows with the wrong number of fields, naming the line', () => {
    const err = inputError(() => usCsl.read([fixture('wrong-count.csv')], ctx));
    expect(err.line).toBe(3);
    expect(err.field).toBe('column 29');
    expect(err.message).toContain(
      'wrong-count.csv, line 3, field "column 29": row has 29 fields but the header has 28',
    );
  });

  it('rejects broken quoting and empty names', () => {
    const quote = inputError(() => usCsl.read([fixture('bad-quote.csv')], ctx));
    expect(quote.line).toBe(3);
    expect(quote.field).toBe('column 5');
    const empty = inputError(() => usCsl.read([fixture('empty-name.csv')], ctx));
    expect(empty.message).toContain('empty-name.csv, line 2, field "name": name is empty');
  });

  it('rejects garbled bytes with their line', () => {
    const dir = tempDir('tangle-csl-');
    const path = join(dir, 'garbled.csv');
    const text = readFileSync(fixture('csl-small.csv'));
    const lines = text.toString('utf8').split('\n');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(lines.slice(0, 4).join('\n') + '\n'),
        Buffer.from([0xff, 0xfe, 0x41]),
        Buffer.from('\n'),
      ]),
    );
    const err = inputError(() => usCsl.read([path], ctx));
    expect(err.message).toBe(`${path}, line 5: text is not valid UTF-8`);
  });
});
