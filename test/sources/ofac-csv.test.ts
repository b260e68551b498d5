import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { EntityDraft } from '../../src/model/entity.js';
import { ofacConsCsv, ofacCsv, type OfacReadResult } from '../../src/sources/ofac-csv.js';
import { birthDateValues, hasLegalForm, nameKey, splitCityLine } from '../../src/sources/ofac-mapping.js';
import { programTopics, splitPrograms } from '../../src/sources/ofac-programs.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ofac');
const fx = (...parts: string[]): string => join(FIXTURES, ...parts);
const SDN_SET = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((f) => fx(f));

const entity = (r: OfacReadResult, id: string): EntityDraft => {
  const e = r.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no entity ${id}`);
  return e;
};
const related = (r: OfacReadResult, schema: string, prop: string, id: string): EntityDraft[] =>
  r.entities.filter((e) => e.schema.name === schema && e.get(prop).includes(id));
const origins = (e: EntityDraft, prop: string): Array<string | undefined> =>
  (e.props.get(prop) ?? []).map((v) => v.origin);

describe('programmes', () => {
  it('splits the Program column', () => {
    expect(splitPrograms('SDGT] [IRAN')).toEqual(['SDGT', 'IRAN']);
    expect(splitPrograms('[FTO] [SDGT]')).toEqual(['FTO', 'SDGT']);
    expect(splitPrograms('CAATSA - RUSSIA')).toEqual(['CAATSA - RUSSIA']);
    expect(splitPrograms('SDGT] [SDGT')).toEqual(['SDGT']);
  });
  it('maps programmes to FtM topics, always including sanction', () => {
    expect(programTopics('VENEZUELA')).toEqual(['sanction']);
    expect(programTopics('SDGT')).toEqual(['sanction', 'crime.terror']);
    expect(programTopics('FTO')).toContain('crime.terror');
    expect(programTopics('IRGC')).toContain('crime.terror');
    expect(programTopics('SDNTK')).toContain('crime.traffick.drug');
    expect(programTopics('ILLICIT-DRUGS-EO14059')).toContain('crime.traffick.drug');
    expect(programTopics('TCO')).toContain('crime');
    expect(programTopics('CYBER2')).toContain('crime.cyber');
    expect(programTopics('GLOMAG')).toContain('crime');
    expect(programTopics('NPWMD')).toContain('export.control');
    expect(programTopics('IRAN-CON-ARMS-EO')).toContain('export.control');
    expect(programTopics('sdgt')).toContain('crime.terror');
  });
});

describe('mapping helpers', () => {
  it('recognises legal forms as whole words', () => {
    for (const n of [
      'HTTS HANSEATIC TRADE TRUST & SHIPPING GMBH',
      'EX-CLE SOLUCIONES BIOMETRICAS C.A.',
      'ANGLO-CARIBBEAN CO., LTD.',
      'BIESTRA S.A.',
      'POLA RAIZ OOO',
      'GLOBANTY S.A.S.',
      'TEST TRADING FZE',
      'PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA',
      'ACME SDN BHD',
      'NEW NAME L.L.C.',
      'COCINA DE TIJUANA, S. DE R.L. DE C.V.',
      'PANAZEATE SL',
      'AL-AQSA ISLAMIC BANK',
    ]) {
      expect(hasLegalForm(n), n).toBe(true);
    }
    for (const n of [
      'HIZBALLAH',
      'ISLAMIC REVOLUTIONARY GUARD CORPS',
      'LAZARUS GROUP',
      'CASA DE CUBA',
      'COSTA LTDX',
    ]) {
      expect(hasLegalForm(n), n).toBe(false);
    }
  });
  it('compares names ignoring case, blanks and a final period', () => {
    expect(nameKey('MADURO MOROS,  Nicolas.')).toBe(nameKey('maduro moros , nicolas'));
    expect(nameKey('BIESTRA S.A.')).toBe(nameKey('BIESTRA S.A'));
  });
  it('splits the city column', () => {
    expect(splitCityLine('Richardson, TX 75081')).toEqual({
      city: 'Richardson',
      region: 'TX',
      postalCode: '75081',
    });
    expect(splitCityLine('Moscow 105005')).toEqual({ city: 'Moscow', postalCode: '105005' });
    expect(splitCityLine('London EC3N 1DY')).toEqual({ city: 'London', postalCode: 'EC3N 1DY' });
    expect(splitCityLine('Zurich CH-8022')).toEqual({ city: 'Zurich', postalCode: 'CH-8022' });
    expect(splitCityLine('L-2418')).toEqual({ postalCode: 'L-2418' });
    expect(splitCityLine('Caracas, Capital District')).toEqual({
      city: 'Caracas',
      region: 'Capital District',
    });
  });
  it('turns birth date ranges into values', () => {
    expect(birthDateValues('1962-11-23', undefined)).toEqual(['1962-11-23']);
    expect(birthDateValues('1960', '1962')).toEqual(['1960', '1961', '1962']);
    expect(birthDateValues('1960-01-01', '1962-12-31')).toEqual(['1960', '1961', '1962']);
    expect(birthDateValues('1970-03-01', '1970-03-31')).toEqual(['1970-03']);
    expect(birthDateValues('1900', '1950')).toEqual(['1900', '1950']);
  });
});

describe('ofac-csv: the fixture SDN set', () => {
  let r: OfacReadResult;
  beforeAll(() => {
    r = ofacCsv.read(SDN_SET, { dataset: 'us_ofac_sdn' });
  });

  it('describes itself', () => {
    expect(ofacCsv).toMatchObject({
      name: 'ofac-csv',
      defaultDataset: 'us_ofac_sdn',
      defaultTitle: 'OFAC Specially Designated Nationals (SDN) List',
    });
    expect(ofacConsCsv).toMatchObject({
      name: 'ofac-cons-csv',
      defaultDataset: 'us_ofac_cons',
      defaultTitle: 'OFAC Consolidated (non-SDN) List',
    });
  });

  it('reads every entry with the right schema', () => {
    const schemaOf = (n: string): string => entity(r, `us_ofac_sdn-${n}`).schema.name;
    expect(r.stats.entries).toBe(13);
    expect(schemaOf('22790')).toBe('Person');
    expect(schemaOf('4243')).toBe('Vessel');
    expect(schemaOf('15431')).toBe('Airplane');
    expect(schemaOf('10391')).toBe('Organization');
    expect(schemaOf('4697')).toBe('Organization');
    expect(schemaOf('25467')).toBe('Company'); // GMBH
    expect(schemaOf('30421')).toBe('Company'); // C.A.
    expect(schemaOf('13109')).toBe('Company'); // registration number
    expect(schemaOf('90004')).toBe('Organization');
    expect(r.publishedAt).toBeUndefined();
  });

  it('maps Maduro: names, title, birth, citizenship, gender, Cedula with its country, origins', () => {
    const e = entity(r, 'us_ofac_sdn-22790');
    expect(e.recordId).toBe('22790');
    expect(e.get('name')).toEqual(['MADURO MOROS, Nicolas']);
    expect(e.get('lastName')).toEqual(['MADURO MOROS']);
    expect(e.get('firstName')).toEqual(['Nicolas']);
    expect(e.get('position')).toEqual(['President of the Bolivarian Republic of Venezuela']);
    expect(e.get('birthDate')).toEqual(['1962-11-23']);
    expect(e.get('birthPlace')).toEqual(['Caracas, Venezuela']);
    expect(e.get('birthCountry')).toEqual(['ve']);
    expect(e.get('citizenship')).toEqual(['ve']);
    expect(e.get('gender')).toEqual(['male']);
    expect(e.get('idNumber')).toEqual(['5892464']);
    expect(e.get('program')).toEqual(['VENEZUELA', 'IRAN-CON-ARMS-EO']);
    expect(e.get('topics')).toEqual(expect.arrayContaining(['sanction', 'export.control']));
    expect(e.get('country')).toEqual(['ve']);
    expect(e.get('notes')).toEqual([]);
    const line =
      readFileSync(fx('sdn.csv'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('22790,')) + 1;
    expect(origins(e, 'name')).toEqual([`sdn.csv line ${line}`]);
    expect(e.props.get('birthDate')?.[0].original).toBe('DOB 23 Nov 1962');

    const [cedula] = related(r, 'Identification', 'holder', e.id);
    expect(cedula.get('number')).toEqual(['5892464']);
    expect(cedula.get('type')).toEqual(['Cedula No.']);
    expect(cedula.get('country')).toEqual(['ve']);

    const sanctions = related(r, 'Sanction', 'entity', e.id);
    expect(sanctions.map((s) => s.get('program')[0]).sort()).toEqual(['IRAN-CON-ARMS-EO', 'VENEZUELA']);
    for (const s of sanctions) {
      expect(s.get('authority')).toEqual(['Office of Foreign Assets Control']);
      expect(s.get('country')).toEqual(['us']);
      expect(s.get('sourceUrl')[0]).toContain('22790');
    }

    const [addr] = related(r, 'Address', 'full', 'Caracas, Capital District, Venezuela');
    expect(addr.get('city')).toEqual(['Caracas']);
    expect(addr.get('country')).toEqual(['ve']);
    expect(e.get('addressEntity')).toEqual([addr.id]);
    expect(origins(addr, 'full')[0]).toMatch(/^add\.csv line \d+$/);
  });

  it('links "Linked To" entries to the named entry', () => {
    const links = r.entities.filter((e) => e.schema.name === 'UnknownLink');
    const pairs = links.map((l) => `${l.first('subject')} -> ${l.first('object')}`);
    expect(pairs).toContain('us_ofac_sdn-30421 -> us_ofac_sdn-22790');
    expect(pairs).toContain('us_ofac_sdn-15431 -> us_ofac_sdn-13109'); // aircraft → POUYA AIR
    expect(pairs).toContain('us_ofac_sdn-90002 -> us_ofac_sdn-25467');
    expect(pairs).toContain('us_ofac_sdn-90004 -> us_ofac_sdn-4697'); // "HIZBALLAH" without final period
    for (const l of links) expect(l.get('role')).toEqual(['Linked To']);
    expect(r.stats.linkedToUnresolved).toBe(2); // NOBODY IN THIS LIST; IRGC AIR FORCE (not in fixture)
    expect(
      r.warnings.some((w) => w.includes('Linked To: NOBODY IN THIS LIST') && w.includes('sdn.csv line')),
    ).toBe(true);
    // An unresolved link stays visible on the entity.
    expect(entity(r, 'us_ofac_sdn-90003').get('notes')).toContain('Linked To: NOBODY IN THIS LIST');
  });

  it('maps the IRGC and HIZBALLAH with terrorism topics and strong/weak aliases', () => {
    const irgc = entity(r, 'us_ofac_sdn-10391');
    expect(irgc.get('topics')).toEqual(
      expect.arrayContaining(['sanction', 'crime.terror', 'export.control']),
    );
    expect(irgc.get('alias')).toContain('IRGC');
    expect(origins(irgc, 'alias')[0]).toMatch(/^alt\.csv line \d+$/);
    expect(related(r, 'Sanction', 'entity', irgc.id)).toHaveLength(8);
    const hiz = entity(r, 'us_ofac_sdn-4697');
    expect(hiz.get('weakAlias')).toEqual(expect.arrayContaining(['LH', 'FOREIGN RELATIONS DEPARTMENT']));
    expect(hiz.get('alias')).toEqual([]);
    const [sanction] = related(r, 'Sanction', 'entity', hiz.id);
    expect(sanction.get('provisions')[0]).toMatch(
      /^Additional Sanctions Information - Subject to Secondary Sanctions Pursuant/,
    );
  });

  it('maps vessels: columns, IMO, MMSI, flags, owner, former name', () => {
    const ebano = entity(r, 'us_ofac_sdn-4243');
    expect(ebano.get('imoNumber')).toEqual(['7406784']);
    expect(ebano.get('type')).toEqual(['General Cargo']);
    expect(ebano.get('tonnage')).toEqual(['2595']);
    expect(ebano.get('grossRegisteredTonnage')).toEqual(['1865']);
    expect(ebano.get('flag')).toEqual(['pa']);
    expect(ebano.get('previousName')).toEqual(['ANA I', 'SAND SWAN']);
    const v = entity(r, 'us_ofac_sdn-90002');
    expect(v.get('callSign')).toEqual(['9BXX1']);
    expect(v.get('tonnage')).toEqual(['150000']);
    expect(v.get('mmsi')).toEqual(['422999999']);
    expect(v.get('imoNumber')).toEqual(['9999991']);
    expect(v.get('flag')).toEqual(['ir']);
    expect(v.get('pastFlags')).toEqual(['pa']);
    expect(v.get('owner')).toEqual(['us_ofac_sdn-25467']);
    // Vessels cannot hold Identification documents in FtM: the IMO number stays a property.
    expect(related(r, 'Identification', 'holder', v.id)).toEqual([]);
  });

  it('maps aircraft facts', () => {
    const a = entity(r, 'us_ofac_sdn-15431');
    expect(a.get('serialNumber')).toEqual(['1023409321']);
    expect(a.get('model')).toEqual(['IL76-TD']);
    expect(a.get('buildDate')).toEqual(['1992']);
    expect(a.get('notes')).toEqual(expect.arrayContaining(['Aircraft Operator YAS AIR']));
  });

  it('maps a person with ranges, passports, taxes, aliases and addresses', () => {
    const p = entity(r, 'us_ofac_sdn-90003');
    expect(p.get('birthDate')).toEqual(['1960', '1961', '1962', '1965']);
    expect(p.get('nationality')).toEqual(['ru', 'cy']);
    expect(p.get('passportNumber')).toEqual(['7112345']);
    expect(p.get('taxNumber')).toEqual(['770123456789']);
    expect(p.get('email')).toEqual(['ivan@example.ru']);
    expect(p.get('phone')).toEqual(['74951234567']);
    expect(p.get('position')).toEqual([
      'Member of the State Duma of the Federal Assembly of the Russian Federation',
    ]);
    expect(p.get('previousName')).toEqual(['TESTOV, Ivan']);
    expect(p.get('alias')).toEqual(['TESTOFF, Ivan']);
    expect(p.get('topics')).toEqual(expect.arrayContaining(['sanction', 'crime.cyber']));
    const [passport] = related(r, 'Passport', 'holder', p.id);
    expect(passport.get('number')).toEqual(['7112345']);
    expect(passport.get('country')).toEqual(['ru']);
    expect(passport.get('startDate')).toEqual(['2010-02-01']);
    expect(passport.get('endDate')).toEqual(['2020-02-01']);
    const [tax] = related(r, 'Identification', 'holder', p.id);
    expect(tax.get('type')).toEqual(['Tax ID No.']);
    const addrs = related(r, 'Address', 'street', 'Ulitsa Testovaya 1');
    expect(addrs).toHaveLength(1);
    expect(addrs[0].get('postalCode')).toEqual(['105005']);
    expect(addrs[0].get('city')).toEqual(['Moscow']);
    // "Region: Crimea" is a region, whose country is the FtM code for Crimea.
    const [crimea] = related(r, 'Address', 'city', 'Simferopol');
    expect(crimea.get('region')).toEqual(['Crimea']);
    expect(crimea.get('country')).toEqual(['ua-cri']);
    expect(entity(r, 'us_ofac_sdn-90004').get('addressEntity')).toEqual([crimea.id]);
    // The all-empty placeholder row adds no address.
    expect(p.get('addressEntity')).toHaveLength(1);
  });

  it('joins remarks continued in the comments file, with the continuation line as origin', () => {
    const e = entity(r, 'us_ofac_sdn-29703');
    const wallets = related(r, 'CryptoWallet', 'holder', e.id);
    const currencies = new Set(wallets.map((w) => w.first('currency')));
    expect([...currencies].sort()).toEqual(['BSV', 'ETH', 'LTC', 'XBT', 'ZEC']);
    const eth = wallets.find((w) => w.first('currency') === 'ETH');
    expect(eth?.first('publicKey')).toBe('0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c');
    // That segment starts in sdn.csv ("Digital Currency Addres") and ends in the continuation.
    expect(origins(eth!, 'publicKey')).toEqual([
      `${e.props.get('name')?.[0].origin}, sdn_comments.csv line 1`,
    ]);
    // A segment wholly in the continuation names only the comments line.
    expect(e.get('phone')).toEqual(['79315403678']);
    expect(origins(e, 'phone')).toEqual(['sdn_comments.csv line 1']);
    expect(e.get('passportNumber')).toEqual(['4005504207']);
    expect(r.warnings.some((w) => w.includes('29703') && w.includes('1,000 characters'))).toBe(false);
  });

  it('warns about rows for entries that are not in the primary file', () => {
    expect(
      r.warnings.some((w) => /^alt\.csv line \d+: alias "ORPHAN ALIAS" is for ent_num 77777/.test(w)),
    ).toBe(true);
    expect(r.warnings.some((w) => /^add\.csv line \d+: address 99103 is for ent_num 77777/.test(w))).toBe(
      true,
    );
  });

  it('gives every value an origin', () => {
    for (const e of r.entities) {
      for (const [prop, values] of e.props) {
        for (const v of values)
          expect(v.origin, `${e.id} ${prop}`).toMatch(/^(sdn|alt|add|sdn_comments)\.csv line \d+/);
      }
    }
  });

  it('warns when cut-off remarks have no continuation', () => {
    const only = ofacCsv.read([fx('sdn.csv')], { dataset: 'us_ofac_sdn' });
    expect(only.warnings.some((w) => w.includes('entry 29703') && w.includes('1,000 characters'))).toBe(true);
    expect(
      entity(only, 'us_ofac_sdn-29703')
        .get('notes')
        .some((n) => n.startsWith('Digital Currency Addres')),
    ).toBe(true);
  });
});

describe('ofac-csv: file names', () => {
  const tmp = tempDir('tangle-ofac-');

  it('accepts gzipped and dated names and takes publishedAt from the primary file name', () => {
    const dir = mkdtempSync(join(tmp, 'dated-'));
    writeFileSync(join(dir, 'sdn-2024-05-03.csv.gz'), gzipSync(readFileSync(fx('sdn.csv'))));
    writeFileSync(join(dir, 'alt.csv.gz'), gzipSync(readFileSync(fx('alt.csv'))));
    const r = ofacCsv.read([join(dir, 'sdn-2024-05-03.csv.gz'), join(dir, 'alt.csv.gz')], { dataset: 'd' });
    expect(r.publishedAt).toBe('2024-05-03');
    expect(r.entities.find((e) => e.id === 'd-10391')?.get('alias')).toContain('IRGC');
    expect(
      origins(
        r.entities.find((e) => e.id === 'd-22790')!,
        'name',
      )[0],
    ).toMatch(/^sdn-2024-05-03\.csv line \d+$/);
    copyFileSync(fx('sdn.csv'), join(dir, 'sdn_20240502.csv'));
    expect(ofacCsv.read([join(dir, 'sdn_20240502.csv')], { dataset: 'd' }).publishedAt).toBe('2024-05-02');
  });

  it('requires the primary file', () => {
    expect(() => ofacCsv.read([fx('alt.csv'), fx('add.csv')], { dataset: 'd' })).toThrow(
      /primary file sdn\.csv is required/,
    );
    expect(() => ofacCsv.read([], { dataset: 'd' })).toThrow(InputError);
  });

  it('refuses unknown names, the other list and two snapshots', () => {
    const dir = mkdtempSync(join(tmp, 'names-'));
    copyFileSync(fx('sdn.csv'), join(dir, 'entries.csv'));
    expect(() => ofacCsv.read([join(dir, 'entries.csv')], { dataset: 'd' })).toThrow(
      /unrecognised file name/,
    );
    expect(() => ofacCsv.read([fx('cons', 'cons_prim.csv')], { dataset: 'd' })).toThrow(/ofac-cons-csv/);
    expect(() => ofacConsCsv.read([fx('sdn.csv')], { dataset: 'd' })).toThrow(/ofac-csv/);
    copyFileSync(fx('sdn.csv'), join(dir, 'sdn-2024-01-01.csv'));
    expect(() => ofacCsv.read([fx('sdn.csv'), join(dir, 'sdn-2024-01-01.csv')], { dataset: 'd' })).toThrow(
      /two primary files/,
    );
  });

  it('points at line 1 of a file with a header row', () => {
    const dir = mkdtempSync(join(tmp, 'header-'));
    const path = join(dir, 'csl.csv');
    writeFileSync(path, 'source,entity_number,type\nX,1,Entity\n');
    const err = catchInputError(() => ofacCsv.read([fx('sdn.csv'), path], { dataset: 'd' }));
    expect(err).toMatchObject({ file: path, line: 1, field: 'ent_num' });
  });
});

function catchInputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('ofac-csv: bad input names file, line and field', () => {
  const tmp = tempDir('tangle-ofac-bad-');
  const good = readFileSync(fx('sdn.csv'), 'utf8');
  const lines = good.split('\r\n');
  const MADURO = lines.findIndex((l) => l.startsWith('22790,'));

  /** Write a variant of one fixture file into its own directory and read it with the others. */
  function readVariant(name: string, text: string | Buffer, others: string[] = []): () => unknown {
    const dir = mkdtempSync(join(tmp, 'v-'));
    const path = join(dir, name);
    writeFileSync(path, text);
    const files = [path, ...others];
    if (name !== 'sdn.csv') files.unshift(fx('sdn.csv'));
    return () => ofacCsv.read(files, { dataset: 'd' });
  }
  const withLine = (index: number, replacement: string): string =>
    lines.map((l, i) => (i === index ? replacement : l)).join('\r\n');

  const cases: Array<[string, string, string | Buffer, number, string]> = [
    [
      'a truncated primary file',
      'sdn.csv',
      lines.slice(0, 3).join('\r\n') + '\r\n4243,"EBANO","vessel"',
      4,
      'Program',
    ],
    ['a garbled line', 'sdn.csv', withLine(2, '||||'), 3, 'SDN_Name'],
    ['an extra column', 'sdn.csv', withLine(0, lines[0] + ',-0- '), 1, 'column 13'],
    ['a non-numeric ent_num', 'sdn.csv', withLine(1, lines[1].replace(/^\d+/, '12a')), 2, 'ent_num'],
    ['a duplicate ent_num', 'sdn.csv', withLine(2, lines[MADURO]), MADURO + 1, 'ent_num'],
    [
      'an unknown SDN_Type',
      'sdn.csv',
      withLine(MADURO, lines[MADURO].replace('"individual"', '"person"')),
      MADURO + 1,
      'SDN_Type',
    ],
    ['an empty name', 'sdn.csv', withLine(0, lines[0].replace('"EBANO"', '-0- ')), 1, 'SDN_Name'],
    [
      'an unterminated quote in Remarks',
      'sdn.csv',
      lines.slice(0, 2).join('\r\n') +
        '\r\n1,"X",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"never closed',
      3,
      'Remarks',
    ],
    ['an unknown alt_type', 'alt.csv', '6365,4227,"alias","BIN LADIN, Usama",-0- \r\n', 1, 'alt_type'],
    ['an alias without a name', 'alt.csv', '6365,4227,"aka",-0- ,-0- \r\n', 1, 'alt_name'],
    [
      'a non-numeric alt_num',
      'alt.csv',
      '6365,4227,"aka","X",-0- \r\n6365,x,"aka","Y",-0- \r\n',
      2,
      'alt_num',
    ],
    ['a short alias row', 'alt.csv', '6365,4227,"aka"\r\n', 1, 'alt_name'],
    ['a non-numeric add_num', 'add.csv', '22790,abc,-0- ,"Caracas","Venezuela",-0- \r\n', 1, 'add_num'],
    ['a short address row', 'add.csv', '22790,1,"Street","Caracas"\r\n', 1, 'country'],
    ['a garbled comments row', 'sdn_comments.csv', '29703,"s - ETH 0x85"\r\n||||\r\n', 2, 'remarks_extended'],
  ];
  it.each(cases)('%s', (_label, name, text, line, field) => {
    const err = catchInputError(readVariant(name, text));
    expect(err.file.endsWith(name)).toBe(true);
    expect(err.line).toBe(line);
    expect(err.field).toBe(field);
    expect(err.message).toContain(name);
  });

  it('reports invalid UTF-8 with its line and a corrupt gzip by file', () => {
    const bad = Buffer.concat([
      Buffer.from(lines.slice(0, 2).join('\r\n') + '\r\n'),
      Buffer.from([0x31, 0x2c, 0xff, 0x0d, 0x0a]),
    ]);
    expect(catchInputError(readVariant('sdn.csv', bad))).toMatchObject({ line: 3 });
    const gz = gzipSync(Buffer.from(good));
    const err = catchInputError(readVariant('sdn.csv.gz', gz.subarray(0, gz.length - 40)));
    expect(err.file.endsWith('sdn.csv.gz')).toBe(true);
  });
});

describe('ofac-cons-csv: the fixture non-SDN set', () => {
  it('reads the consolidated list with its own names', () => {
    const files = ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'].map((f) =>
      fx('cons', f),
    );
    const r = ofacConsCsv.read(files, { dataset: 'us_ofac_cons' });
    expect(r.stats.entries).toBe(3);
    const haniya = entity(r, 'us_ofac_cons-9639');
    expect(haniya.schema.name).toBe('Person');
    expect(haniya.get('birthDate')).toEqual(['1962']);
    expect(haniya.get('topics')).toContain('crime.terror'); // NS-PLC
    expect(haniya.get('alias').length).toBeGreaterThan(0);
    const telecom = entity(r, 'us_ofac_cons-30882');
    expect(telecom.schema.name).toBe('Company');
    expect(telecom.get('ticker')).toContain('CHA US');
    const gpb = entity(r, 'us_ofac_cons-17016');
    expect(gpb.schema.name).toBe('Company');
    // The remarks continue in cons_comments.csv: the tax number sits in the continuation.
    expect(gpb.get('taxNumber')).toEqual(['7744001497']);
    expect(origins(gpb, 'taxNumber')).toEqual(['cons_comments.csv line 1']);
    expect(origins(gpb, 'name')).toEqual(['cons_prim.csv line 2']);
  });
});
