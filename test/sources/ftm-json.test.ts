import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { EntityDraft } from '../../src/model/entity.js';
import { ftmJson } from '../../src/sources/ftm-json.js';
import { tempDir } from '../helpers/temp.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ftm-json');
const fixture = (name: string): string => join(fixtures, name);
const ctx = { dataset: 'ftm' };

function byId(entities: EntityDraft[], id: string): EntityDraft {
  const found = entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

function tempFile(name: string, content: string | Buffer): string {
  const path = join(tempDir('tangle-ftm-'), name);
  writeFileSync(path, content);
  return path;
}

describe('ftm reader', () => {
  it('describes itself', () => {
    expect(ftmJson.name).toBe('ftm');
    expect(ftmJson.defaultDataset).toBe('ftm');
    expect(ftmJson.defaultTitle).toBe('FollowTheMoney entities');
  });

  it('keeps the given ids and uses them as record ids', () => {
    const { entities } = ftmJson.read([fixture('entities.ftm.json')], ctx);
    const ana = byId(entities, 'tg-person-ana-ruiz');
    expect(ana.recordId).toBe('tg-person-ana-ruiz');
    expect(ana.schema.name).toBe('Person');
    expect(entities.map((e) => e.id).sort()).toEqual([
      'tg-company-orinoco',
      'tg-company-shell',
      'tg-own-1',
      'tg-person-ana-ruiz',
      'tg-person-nested',
      'tg-sanction-1',
      'tg-vessel-1',
    ]);
  });

  it('reads properties, cleaned by type', () => {
    const { entities } = ftmJson.read([fixture('entities.ftm.json')], ctx);
    const ana = byId(entities, 'tg-person-ana-ruiz');
    expect(ana.get('name')).toEqual(['Ana Ruiz Test']);
    expect(ana.get('alias')).toEqual(['A. R. Test']);
    expect(ana.get('birthDate')).toEqual(['1970-05-04']);
    expect(ana.get('nationality')).toEqual(['ve']);
    expect(ana.get('topics')).toEqual(['sanction']);
    expect(ana.get('passportNumber')).toEqual(['X1234567']);
    const own = byId(entities, 'tg-own-1');
    expect(own.get('owner')).toEqual(['tg-person-ana-ruiz']);
    expect(own.get('asset')).toEqual(['tg-company-orinoco']);
    expect(own.get('percentage')).toEqual(['51']);
  });

  it('merges fragments of one entity that appear on several lines', () => {
    const { entities } = ftmJson.read([fixture('entities.ftm.json')], ctx);
    const fragments = entities.filter((e) => e.id === 'tg-person-ana-ruiz');
    expect(fragments).toHaveLength(1);
    expect(fragments[0].schema.name).toBe('Person');
    expect(fragments[0].get('email')).toEqual(['ana@example.org']);
    expect(fragments[0].get('country')).toEqual(['pa']);
    expect(fragments[0].props.get('email')![0].origin).toBe('entities.ftm.json line 5');
    expect(fragments[0].props.get('name')![0].origin).toBe('entities.ftm.json line 1');
  });

  it('extracts nested entities, and links reverse properties from the nested side', () => {
    const { entities } = ftmJson.read([fixture('entities.ftm.json')], ctx);
    const vessel = byId(entities, 'tg-vessel-1');
    expect(vessel.get('owner')).toEqual(['tg-company-shell']);
    const shell = byId(entities, 'tg-company-shell');
    expect(shell.schema.name).toBe('Company');
    expect(shell.get('country')).toEqual(['ae']);
    expect(shell.props.get('name')![0].origin).toBe('entities.ftm.json line 6, properties.owner[0]');

    const person = byId(entities, 'tg-person-nested');
    expect(person.has('sanctions')).toBe(false);
    const sanction = byId(entities, 'tg-sanction-1');
    expect(sanction.get('entity')).toEqual(['tg-person-nested']);
    expect(sanction.get('program')).toEqual(['TEST-PROGRAM']);
  });

  it('warns about values it cannot clean, naming the line and property', () => {
    const { entities, warnings } = ftmJson.read([fixture('entities.ftm.json')], ctx);
    expect(byId(entities, 'tg-company-orinoco').has('incorporationDate')).toBe(false);
    expect(warnings).toEqual([
      'entities.ftm.json line 2: properties.incorporationDate: "2012-31-12" is not a valid date',
    ]);
  });

  it('reads gzipped files', () => {
    const path = tempFile(
      'entities.ftm.json.gz',
      gzipSync('{"id":"a","schema":"Person","properties":{"name":["Zipped"]}}\n'),
    );
    const { entities } = ftmJson.read([path], ctx);
    expect(entities[0].get('name')).toEqual(['Zipped']);
    expect(entities[0].props.get('name')![0].origin).toBe('entities.ftm.json line 1');
  });

  it('rejects invalid JSON with its line', () => {
    const err = inputError(() => ftmJson.read([fixture('bad-json.ftm.json')], ctx));
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/bad-json\.ftm\.json, line 2: invalid JSON/);
  });

  it('rejects an unknown schema, naming line and field', () => {
    const err = inputError(() => ftmJson.read([fixture('unknown-schema.ftm.json')], ctx));
    expect(err.message).toBe(
      `${fixture('unknown-schema.ftm.json')}, line 2, field "schema": unknown schema "Spaceship"`,
    );
  });

  it('rejects a property the schema does not have, naming line and field', () => {
    const err = inputError(() => ftmJson.read([fixture('unknown-property.ftm.json')], ctx));
    expect(err.message).toBe(
      `${fixture('unknown-property.ftm.json')}, line 3, field "properties.birthDate": schema Company has no property "birthDate"`,
    );
  });

  it('rejects an entity without id', () => {
    const err = inputError(() => ftmJson.read([fixture('missing-id.ftm.json')], ctx));
    expect(err.line).toBe(1);
    expect(err.field).toBe('id');
  });

  it('rejects malformed nested entities with the path to them', () => {
    const path = tempFile(
      'nested.json',
      '{"id":"v","schema":"Vessel","properties":{"owner":[{"id":"o","schema":"Planet"}]}}\n',
    );
    const err = inputError(() => ftmJson.read([path], ctx));
    expect(err.field).toBe('properties.owner[0].schema');
    expect(err.line).toBe(1);
  });

  it('rejects conflicting schemata for one id, abstract schemata and non-object lines', () => {
    const conflict = tempFile(
      'c.json',
      '{"id":"x","schema":"Person","properties":{}}\n{"id":"x","schema":"Company","properties":{}}\n',
    );
    expect(inputError(() => ftmJson.read([conflict], ctx)).message).toContain(
      'line 2, field "schema": entity x is a Company here but a Person on line 1',
    );
    const abstract = tempFile('a.json', '{"id":"x","schema":"Thing","properties":{}}\n');
    expect(inputError(() => ftmJson.read([abstract], ctx)).field).toBe('schema');
    const array = tempFile('arr.json', '[1, 2]\n');
    expect(inputError(() => ftmJson.read([array], ctx)).line).toBe(1);
    const text = tempFile('t.json', '{"id":"x","schema":"Person","properties":{"name":[["nested"]]}}\n');
    expect(inputError(() => ftmJson.read([text], ctx)).field).toBe('properties.name');
  });

  it('rejects garbled bytes with their line', () => {
    const path = tempFile(
      'garbled.json',
      Buffer.concat([
        Buffer.from(
          '{"id":"a","schema":"Person","properties":{"name":["ok"]}}\n{"id":"b","schema":"Person","properties":{"name":["',
        ),
        Buffer.from([0xe2, 0x28, 0xa1]),
        Buffer.from('"]}}\n'),
      ]),
    );
    expect(inputError(() => ftmJson.read([path], ctx)).message).toBe(
      `${path}, line 2: text is not valid UTF-8`,
    );
  });
});
