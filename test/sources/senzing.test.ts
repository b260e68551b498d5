import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { EntityDraft } from '../../src/model/entity.js';
import { senzingJson } from '../../src/sources/senzing.js';
import { tempDir } from '../helpers/temp.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'senzing');
const fixture = (name: string): string => join(fixtures, name);
const ctx = { dataset: 'senzing' };
const readRecords = () => senzingJson.read([fixture('records.json')], ctx);

function byId(entities: EntityDraft[], id: string): EntityDraft {
  const found = entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id}`);
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

function tempFile(name: string, content: string | Buffer): string {
  const path = join(tempDir('tangle-senzing-'), name);
  writeFileSync(path, content);
  return path;
}

describe('senzing reader', () => {
  it('describes itself', () => {
    expect(senzingJson.name).toBe('senzing');
    expect(senzingJson.defaultDataset).toBe('senzing');
    expect(senzingJson.defaultTitle).toBe('Senzing JSON records');
  });

  it('reads a person with names, dates, countries, addresses and identifiers', () => {
    const { entities } = readRecords();
    const maria = byId(entities, 'senzing-P-1');
    expect(maria.schema.name).toBe('Person');
    expect(maria.recordId).toBe('P-1');
    expect(maria.get('name')).toEqual(['Maria Test Example']);
    expect(maria.get('alias')).toEqual(['Mary Example']);
    expect(maria.get('topics')).toEqual(['role.pep']);
    expect(maria.get('birthDate')).toEqual(['1965-07-14']);
    expect(maria.get('gender')).toEqual(['female']);
    expect(maria.get('nationality')).toEqual(['ve']);
    expect(maria.get('citizenship')).toEqual(['es']);
    expect(maria.get('passportNumber')).toEqual(['VX0000001']);
    expect(maria.get('idNumber')).toEqual(['V-1.234.567']);
    expect(maria.get('wikidataId')).toEqual(['Q99999991']);
    expect(maria.get('sourceUrl')).toEqual(['https://example.org/p-1']);
    expect(maria.get('modifiedAt')).toEqual(['2025-01-02']);
    expect(maria.get('address')).toEqual(['Av. Ficticia 12, Caracas, VE']);
    expect(maria.get('country')).toEqual(['ve']);

    const [address] = linked(entities, 'full', 'Av. Ficticia 12, Caracas, VE', 'Address');
    expect(maria.get('addressEntity')).toEqual([address.id]);
    expect(address.get('city')).toEqual(['Caracas']);
    expect(address.get('remarks')).toEqual(['HOME address']);
    const [passport] = linked(entities, 'holder', maria.id, 'Passport');
    expect(passport.get('country')).toEqual(['ve']);
    const [cedula] = linked(entities, 'holder', maria.id, 'Identification');
    expect(cedula.get('type')).toEqual(['Cedula']);
  });

  it('reads the FEATURES list style and parsed names', () => {
    const { entities, warnings } = readRecords();
    const jose = byId(entities, 'senzing-P-2');
    expect(jose.get('name')).toEqual(['Jose Luis Prueba']);
    expect(jose.get('firstName')).toEqual(['Jose']);
    expect(jose.get('middleName')).toEqual(['Luis']);
    expect(jose.get('lastName')).toEqual(['Prueba']);
    expect(jose.get('email')).toEqual(['jose@example.org']);
    // 25/12/1960 can only be day-first; 03/04/2020 could be either, so only the year is kept
    expect(jose.get('birthDate')).toEqual(['1960-12-25']);
    expect(jose.get('deathDate')).toEqual(['2020']);
    expect(warnings).toContain(
      'records.json line 2: DATE_OF_DEATH "03/04/2020" could be day/month or month/day; only the year is kept',
    );
  });

  it('reads flat attributes with usage prefixes as an organization', () => {
    const { entities, warnings } = readRecords();
    const org = byId(entities, 'senzing-ORG-1');
    expect(org.schema.name).toBe('Organization');
    expect(org.get('name')).toEqual(['Petro Test S.A.']);
    expect(org.get('taxNumber')).toEqual(['J-12345678-9']);
    expect(org.get('leiCode')).toEqual(['5493000TEST000000000']);
    expect(org.get('website')).toEqual(['http://petrotest.example']);
    expect(org.get('incorporationDate')).toEqual(['2001-03-04']);
    expect(org.get('jurisdiction')).toEqual(['ve']);
    expect(org.get('address')).toEqual(['Calle Falsa 123, Maracaibo, VE']);
    expect(org.has('topics')).toBe(false);
    expect(warnings).toContain('records.json line 4: TOPIC "not.a.topic" is not an FtM topic');
  });

  it('turns disclosed relationships into FtM relationships', () => {
    const { entities } = readRecords();
    // A record without RECORD_TYPE that persons occupy is a position
    const post = byId(entities, 'senzing-POS-1');
    expect(post.schema.name).toBe('Position');
    expect(post.get('country')).toEqual(['ve']);
    const [occupancy] = linked(entities, 'holder', 'senzing-P-1', 'Occupancy');
    expect(occupancy.get('post')).toEqual(['senzing-POS-1']);
    expect(occupancy.get('startDate')).toEqual(['2019-01-05']);
    expect(occupancy.props.get('holder')![0].origin).toBe('records.json line 1, TEST_PEPS P-1');

    const [family] = linked(entities, 'person', 'senzing-P-2', 'Family');
    expect(family.get('relative')).toEqual(['senzing-P-1']);
    expect(family.get('relationship')).toEqual(['SPOUSE']);

    const [job] = linked(entities, 'employee', 'senzing-P-2', 'Employment');
    expect(job.get('employer')).toEqual(['senzing-ORG-1']);
  });

  it('infers a schema for records without a type, and reads numeric record ids', () => {
    const { entities, warnings } = readRecords();
    const unknown = byId(entities, 'senzing-7');
    expect(unknown.schema.name).toBe('Person');
    expect(unknown.get('birthDate')).toEqual(['1971']);
    expect(unknown.get('idNumber')).toEqual(['T-77']);
    expect(warnings).toContain(
      'records.json line 6: DATE_OF_BIRTH "03/04/1971" could be day/month or month/day; only the year is kept',
    );
  });

  it('warns about pointers without anchors and attributes it does not map', () => {
    const { warnings } = readRecords();
    expect(warnings).toContain(
      "records.json line 2: REL_POINTER TEST NOWHERE points to no record's anchor; no relationship made",
    );
    expect(warnings).toContain(
      'records.json line 2: attribute SHOE_SIZE is not a Senzing attribute this reader maps; ignored (first seen here)',
    );
  });

  it('gives every value an origin naming the file, line and record', () => {
    const { entities } = readRecords();
    for (const e of entities) {
      for (const values of e.props.values()) {
        for (const v of values) expect(v.origin).toMatch(/^records\.json line \d, TEST_(PEPS|ORGS) [\w-]+$/);
      }
    }
  });

  it('rejects invalid JSON with its line', () => {
    const err = inputError(() => senzingJson.read([fixture('bad-json.json')], ctx));
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/bad-json\.json, line 2: invalid JSON/);
  });

  it('rejects a record without RECORD_ID, naming line and field', () => {
    const err = inputError(() => senzingJson.read([fixture('missing-record-id.json')], ctx));
    expect(err.message).toBe(
      `${fixture('missing-record-id.json')}, line 3, field "RECORD_ID": record has no RECORD_ID`,
    );
  });

  it('rejects records without DATA_SOURCE, repeated record ids and garbled bytes', () => {
    const noSource = tempFile('a.json', '{"RECORD_ID":"1","NAME_FULL":"X"}\n');
    expect(inputError(() => senzingJson.read([noSource], ctx)).field).toBe('DATA_SOURCE');
    const twice = tempFile(
      'b.json',
      '{"DATA_SOURCE":"A","RECORD_ID":"1","NAME_FULL":"X"}\n{"DATA_SOURCE":"B","RECORD_ID":"1","NAME_FULL":"Y"}\n',
    );
    const dup = inputError(() => senzingJson.read([twice], ctx));
    expect(dup.line).toBe(2);
    expect(dup.message).toContain('RECORD_ID 1 was already used at b.json line 1');
    const garbled = tempFile(
      'c.json',
      Buffer.concat([
        Buffer.from('{"DATA_SOURCE":"A","RECORD_ID":"1","NAME_FULL":"'),
        Buffer.from([0xc0, 0xaf]),
        Buffer.from('"}\n'),
      ]),
    );
    expect(inputError(() => senzingJson.read([garbled], ctx)).message).toBe(
      `${garbled}, line 1: text is not valid UTF-8`,
    );
  });
});
