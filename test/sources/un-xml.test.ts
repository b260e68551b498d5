import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { EntityDraft } from '../../src/model/entity.js';
import { decodeSource } from '../../src/sources/input.js';
import { guessNameLanguage, parseXml, unXml } from '../../src/sources/un-xml.js';
import { tempDir } from '../helpers/temp.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'un-xml');
const fixture = (name: string): string => join(fixtures, name);
const ctx = { dataset: 'un_sc_sanctions' };

function readSmall() {
  return unXml.read([fixture('consolidated-small.xml')], ctx);
}

function byName(entities: EntityDraft[], name: string): EntityDraft {
  const found = entities.find((e) => e.get('name').includes(name));
  if (!found) throw new Error(`no entity named ${name}`);
  return found;
}

function linked(entities: EntityDraft[], prop: string, id: string, schema: string): EntityDraft[] {
  return entities.filter((e) => e.schema.name === schema && e.get(prop).includes(id));
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

describe('un-xml reader', () => {
  it('describes itself', () => {
    expect(unXml.name).toBe('un-xml');
    expect(unXml.defaultDataset).toBe('un_sc_sanctions');
    expect(unXml.defaultTitle).toBe('UN Security Council Consolidated List');
  });

  it('reads individuals as persons with names, aliases, dates and documents', () => {
    const { entities, publishedAt } = readSmall();
    expect(publishedAt).toBe('2026-02-27');
    const zawahiri = byName(entities, 'AIMAN MUHAMMED RABI AL-ZAWAHIRI');
    expect(zawahiri.schema.name).toBe('Person');
    expect(zawahiri.id).toBe('un_sc_sanctions-111923');
    expect(zawahiri.recordId).toBe('111923');
    expect(zawahiri.get('firstName')).toEqual(['AIMAN']);
    expect(zawahiri.get('secondName')).toEqual(['MUHAMMED']);
    expect(zawahiri.get('alias')).toEqual(['Ayman Al-Zawahari']);
    expect(zawahiri.get('weakAlias')).toEqual(['Abu Fatima']);
    expect(zawahiri.get('title')).toEqual(['Doctor']);
    expect(zawahiri.get('nationality')).toEqual(['eg']);
    expect(zawahiri.get('birthDate')).toEqual(['1951-06-19']);
    expect(zawahiri.get('birthPlace')).toEqual(['Giza, Egypt']);
    expect(zawahiri.get('birthCountry')).toEqual(['eg']);
    expect(zawahiri.get('passportNumber')).toEqual(['1084010', '19820215']);
    expect(zawahiri.get('topics').sort()).toEqual(['crime.terror', 'sanction']);
    // The latest of the LAST_DAY_UPDATED values
    expect(zawahiri.get('modifiedAt')).toEqual(['2025-03-11']);
    // The original-script name keeps its language
    const arabic = zawahiri.props.get('name')!.find((v) => v.value === 'أيمن محمد ربيع الظواهري');
    expect(arabic?.lang).toBe('ara');
    // An address with only a note stays a note
    expect(zawahiri.get('notes')).toContain('Address: Reportedly in Afghanistan/Pakistan border area');

    const passports = linked(entities, 'holder', zawahiri.id, 'Passport');
    expect(
      passports
        .map((p) => p.get('number'))
        .flat()
        .sort(),
    ).toEqual(['1084010', '19820215']);
    expect(passports.find((p) => p.get('number')[0] === '1084010')!.get('country')).toEqual(['eg']);
  });

  it('splits semicolon-separated aliases and reads the country of issue', () => {
    const { entities } = readSmall();
    const soleimani = byName(entities, 'QASEM SOLEIMANI');
    expect(soleimani.get('alias')).toEqual(['Qasim Soleimani', 'Qasem Sulaimani']);
    expect(soleimani.get('weakAlias')).toEqual(['Haj Qasem', 'Sardar Soleimani']);
    expect(soleimani.get('position')).toEqual(['Brigadier General', 'Commander of Qods force']);
    expect(soleimani.get('topics')).toEqual(['sanction']);
    const [passport] = linked(entities, 'holder', soleimani.id, 'Passport');
    expect(passport.get('number')).toEqual(['008827']);
    expect(passport.get('country')).toEqual(['ir']);
  });

  it('creates a UN sanction for each listing', () => {
    const { entities } = readSmall();
    const soleimani = byName(entities, 'QASEM SOLEIMANI');
    const [sanction] = linked(entities, 'entity', soleimani.id, 'Sanction');
    expect(sanction.get('authority')).toEqual(['United Nations Security Council']);
    expect(sanction.get('program')).toEqual(['Iran']);
    expect(sanction.get('unscId')).toEqual(['IRi.039']);
    expect(sanction.get('listingDate')).toEqual(['2007-03-24']);
    expect(sanction.recordId).toBe('110408');
    expect(entities.filter((e) => e.schema.name === 'Sanction')).toHaveLength(5);
  });

  it('reads ranges of birth years, f.k.a. names, addresses, ID cards and entity escapes', () => {
    const { entities, warnings } = readSmall();
    const test = byName(entities, 'TEST PERSON & SON');
    expect(test.get('previousName')).toEqual(['OLD NAME']);
    expect(test.get('alias')).toEqual(['OTHER NAME']);
    expect(test.get('birthDate').sort()).toEqual(['1960', '1961', '1961-01-01', '1962']);
    expect(test.get('gender')).toEqual(['male']);
    expect(test.get('notes')).toEqual(['Invented record for tests <not real>.']);
    expect(test.get('topics').sort()).toEqual(['crime.terror', 'sanction']);
    expect(test.get('idNumber')).toEqual(['44323']);
    expect(test.get('country')).toEqual(['af']);
    expect(test.get('address')).toEqual(['1 Test Street, Kabul, Afghanistan']);

    const [address] = linked(entities, 'full', '1 Test Street, Kabul, Afghanistan', 'Address');
    expect(test.get('addressEntity')).toEqual([address.id]);
    expect(address.get('city')).toEqual(['Kabul']);
    expect(address.get('remarks')).toEqual(['as of 2020']);

    const [card] = linked(entities, 'holder', test.id, 'Identification');
    expect(card.get('type')[0]).toContain('tazkira');
    expect(card.get('startDate')).toEqual(['2010-05-01']);

    // A listing date with a time-zone suffix is still read
    const [sanction] = linked(entities, 'entity', test.id, 'Sanction');
    expect(sanction.get('listingDate')).toEqual(['2015-04-07']);

    // Values that cannot be cleaned are warnings naming the line
    const lines = readFileSync(fixture('consolidated-small.xml'), 'utf8').split('\n');
    const atlantis = lines.findIndex((l) => l.includes('Atlantis')) + 1;
    const feb30 = lines.findIndex((l) => l.includes('1961-02-30')) + 1;
    expect(warnings).toContain(
      `consolidated-small.xml line ${atlantis}: INDIVIDUAL DATAID 900001: NATIONALITY "Atlantis" could not be read as country`,
    );
    expect(
      warnings.some((w) => w.startsWith(`consolidated-small.xml line ${feb30}:`) && w.includes('1961-02-30')),
    ).toBe(true);
  });

  it('reads entities as organizations with aliases and addresses', () => {
    const { entities } = readSmall();
    const komid = byName(entities, 'KOREA MINING DEVELOPMENT TRADING CORPORATION');
    expect(komid.schema.name).toBe('Organization');
    expect(komid.get('alias')).toEqual(['CHANGGWANG SINYONG CORPORATION', '"KOMID"']);
    expect(komid.get('country')).toEqual(['kp']);
    expect(komid.get('topics')).toEqual(['sanction']);
    const alQaida = byName(entities, 'AL-QAIDA');
    expect(alQaida.get('topics').sort()).toEqual(['crime.terror', 'sanction']);
    expect(alQaida.get('modifiedAt')).toEqual(['2020-11-24']);
  });

  it('links a record to the listed parties its narrative cites', () => {
    const { entities } = readSmall();
    const zawahiri = byName(entities, 'AIMAN MUHAMMED RABI AL-ZAWAHIRI');
    const alQaida = byName(entities, 'AL-QAIDA');
    const links = linked(entities, 'subject', zawahiri.id, 'UnknownLink');
    // QDe.003 is not in the fixture, so only the link to Al-Qaida is made.
    expect(links).toHaveLength(1);
    expect(links[0].get('object')).toEqual([alQaida.id]);
  });

  it('gives every value an origin naming the file, line and record', () => {
    const { entities } = readSmall();
    const lines = readFileSync(fixture('consolidated-small.xml'), 'utf8').split('\n');
    const soleimani = byName(entities, 'QASEM SOLEIMANI');
    const dobLine = lines.findIndex((l) => l.includes('1957-03-11')) + 1;
    expect(soleimani.props.get('birthDate')![0].origin).toBe(
      `consolidated-small.xml line ${dobLine}, INDIVIDUAL DATAID 110408`,
    );
    for (const e of entities) {
      for (const [prop, values] of e.props) {
        for (const v of values)
          expect(v.origin, `${e.id} ${prop}`).toMatch(
            /^consolidated-small\.xml line \d+, (INDIVIDUAL|ENTITY) DATAID \d+$/,
          );
      }
    }
    const nationality = byName(entities, 'AIMAN MUHAMMED RABI AL-ZAWAHIRI').props.get('nationality')![0];
    expect(nationality.original).toBe('Egypt');
  });

  it('reads gzipped files', () => {
    const dir = tempDir('tangle-un-');
    const path = join(dir, 'consolidated.xml.gz');
    writeFileSync(path, gzipSync(readFileSync(fixture('consolidated-small.xml'))));
    const { entities } = unXml.read([path], ctx);
    expect(entities.filter((e) => e.schema.name === 'Person')).toHaveLength(3);
    expect(byName(entities, 'QASEM SOLEIMANI').props.get('name')![0].origin).toMatch(
      /^consolidated\.xml line \d+/,
    );
  });

  it('reports truncated XML with the file, the line and the open element', () => {
    const err = inputError(() => unXml.read([fixture('truncated.xml')], ctx));
    expect(err.file).toBe(fixture('truncated.xml'));
    expect(err.line).toBe(60);
    expect(err.field).toBe('INDIVIDUAL');
    expect(err.message).toContain('truncated.xml, line 60, field "INDIVIDUAL"');
    expect(err.message).toContain('opened on line 5');
  });

  it('reports a mismatched closing tag at its line', () => {
    const err = inputError(() => unXml.read([fixture('mismatched.xml')], ctx));
    expect(err.line).toBe(6);
    expect(err.field).toBe('FIRST_NAME');
    expect(err.message).toMatch(
      /mismatched\.xml, line 6, field "FIRST_NAME": malformed XML: closing tag <\/SECOND_NAME>/,
    );
  });

  it('rejects another XML document by its root element', () => {
    const err = inputError(() => unXml.read([fixture('wrong-root.xml')], ctx));
    expect(err.message).toBe(
      `${fixture('wrong-root.xml')}, line 2, field "sdnList": root element is <sdnList>, expected <CONSOLIDATED_LIST> (is this the UN consolidated list?)`,
    );
  });

  it('rejects a record without DATAID, naming its line', () => {
    const err = inputError(() => unXml.read([fixture('no-dataid.xml')], ctx));
    expect(err.line).toBe(8);
    expect(err.field).toBe('DATAID');
    expect(err.message).toContain('no-dataid.xml, line 8, field "DATAID"');
  });

  it('rejects text that is not XML, and garbled bytes', () => {
    const dir = tempDir('tangle-un-');
    const notXml = join(dir, 'list.xml');
    writeFileSync(notXml, 'DATAID,NAME\n1,SOMEONE\n');
    const err = inputError(() => unXml.read([notXml], ctx));
    expect(err.line).toBe(1);
    expect(err.message).toContain('text before the root element');

    const garbled = Buffer.concat([
      Buffer.from('<?xml version="1.0"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('</FIRST_NAME></INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n'),
    ]);
    const decodeErr = inputError(() => decodeSource('garbled.xml', garbled));
    expect(decodeErr.message).toBe('garbled.xml, line 4: text is not valid UTF-8');
    const path = join(dir, 'garbled.xml');
    writeFileSync(path, garbled);
    expect(inputError(() => unXml.read([path], ctx)).line).toBe(4);
  });

  it('rejects duplicate DATAIDs', () => {
    const text = readFileSync(fixture('consolidated-small.xml'), 'utf8').replace(
      '<DATAID>110408</DATAID>',
      '<DATAID>111923</DATAID>',
    );
    const dir = tempDir('tangle-un-');
    const path = join(dir, 'dup.xml');
    writeFileSync(path, text);
    const err = inputError(() => unXml.read([path], ctx));
    expect(err.field).toBe('DATAID');
    expect(err.message).toContain('DATAID 111923 is used twice');
  });
});

describe('parseXml', () => {
  it('builds a tree with lines, attributes and decoded text', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<a x="1 &amp; 2">\n  <b>caf&#233; &#x263A;</b>\n  <c/>\n</a>\n',
      'f.xml',
    );
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ x: '1 & 2' });
    expect(root.children.map((c) => [c.name, c.line])).toEqual([
      ['b', 3],
      ['c', 4],
    ]);
    expect(root.children[0].text).toBe('café ☺');
  });

  it.each([
    ['<a><b></a>', 1, 'does not match'],
    ['<a>\n<b>x &nbsp; y</b>\n</a>', 2, 'unknown entity &nbsp;'],
    ['<a>\n<b>&constructor;</b>\n</a>', 2, 'unknown entity &constructor;'],
    ['<a>\nfish & chips\n</a>', 2, 'bare "&"'],
    ['<a></a>\n<b></b>', 2, 'second root element'],
    ['<a x="1" x="2"></a>', 1, 'appears twice'],
    ['<a>\n<b x=1></b></a>', 2, 'must be quoted'],
    ['', 1, 'no XML element'],
  ])('rejects %j at line %i', (xml, line, problem) => {
    const err = inputError(() => parseXml(xml, 'bad.xml'));
    expect(err.line).toBe(line);
    expect(err.message).toContain(problem);
  });
});

describe('guessNameLanguage', () => {
  it('only names a language when the script is unambiguous', () => {
    expect(guessNameLanguage('القاعدة')).toBe('ara');
    // Persian letters (گ, پ) rule out a confident guess
    expect(guessNameLanguage('پاسداران انقلاب اسلامی گ')).toBeUndefined();
    expect(guessNameLanguage('Усама')).toBe('rus');
    expect(guessNameLanguage('김정은')).toBe('kor');
    expect(guessNameLanguage('Kim Jong Un')).toBeUndefined();
  });
});
