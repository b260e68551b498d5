/**
 * The OFAC readers against the real lists in ../shared/data/ofac.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { EntityDraft } from '../../src/model/entity.js';
import { ofacConsCsv, ofacCsv, type OfacReadResult } from '../../src/sources/ofac-csv.js';
import { readSourceFile } from '../../src/sources/input.js';
import { hasSharedData, shared } from '../helpers/shared-data.js';

const SDN_2024 = shared('ofac', 'sdn-history', 'sdn-2024-05-03.csv.gz');
const FULL_2021 = ['sdn.csv.gz', 'alt.csv.gz', 'add.csv.gz', 'sdn_comments.csv.gz'].map((f) =>
  shared('ofac', 'full-2021-07', f),
);

const byId = (r: OfacReadResult): Map<string, EntityDraft> => new Map(r.entities.map((e) => [e.id, e]));
const referring = (r: OfacReadResult, schema: string, prop: string, id: string): EntityDraft[] =>
  r.entities.filter((e) => e.schema.name === schema && e.get(prop).includes(id));

describe.skipIf(!hasSharedData)('OFAC SDN 2024-05-03 (real data)', () => {
  let r: OfacReadResult;
  let ids: Map<string, EntityDraft>;
  let ms: number;
  beforeAll(() => {
    const t = performance.now();
    r = ofacCsv.read([SDN_2024], { dataset: 'us_ofac_sdn' });
    ms = performance.now() - t;
    ids = byId(r);
  });

  it('reads every entry and dates the snapshot from its file name', () => {
    expect(r.publishedAt).toBe('2024-05-03');
    expect(r.stats.entries).toBe(14965);
    const people = r.entities.filter((e) => e.schema.name === 'Person');
    expect(people).toHaveLength(6854);
    console.info(
      `[ofac] sdn-2024-05-03: ${r.stats.entries} entries, ${r.entities.length} drafts in ${ms.toFixed(0)} ms`,
    );
  });

  it('maps MADURO MOROS, Nicolas (ent 22790)', () => {
    const maduro = ids.get('us_ofac_sdn-22790');
    expect(maduro?.schema.name).toBe('Person');
    expect(maduro?.get('name')).toEqual(['MADURO MOROS, Nicolas']);
    expect(maduro?.get('program').sort()).toEqual(['IRAN-CON-ARMS-EO', 'VENEZUELA']);
    expect(maduro?.get('birthDate')).toEqual(['1962-11-23']);
    expect(maduro?.get('gender')).toEqual(['male']);
    expect(maduro?.get('citizenship')).toEqual(['ve']);
    expect(maduro?.get('idNumber')).toEqual(['5892464']);
    const docs = referring(r, 'Identification', 'holder', 'us_ofac_sdn-22790');
    expect(docs.map((d) => [d.first('type'), d.first('number'), d.first('country')])).toEqual([
      ['Cedula No.', '5892464', 've'],
    ]);
    const sanctions = referring(r, 'Sanction', 'entity', 'us_ofac_sdn-22790');
    expect(sanctions.map((s) => s.first('program')).sort()).toEqual(['IRAN-CON-ARMS-EO', 'VENEZUELA']);
  });

  it('resolves every "Linked To: MADURO MOROS, Nicolas" to him', () => {
    const text = readSourceFile(SDN_2024).text;
    const mentioning = text.split('\n').filter((l) => l.includes('Linked To: MADURO MOROS, Nicolas'));
    expect(mentioning.length).toBeGreaterThan(0);
    const links = referring(r, 'UnknownLink', 'object', 'us_ofac_sdn-22790');
    const subjects = links.map((l) => l.first('subject')).sort();
    const expected = mentioning.map((l) => `us_ofac_sdn-${l.split(',')[0]}`).sort();
    expect(subjects).toEqual(expected);
    expect(subjects).toContain('us_ofac_sdn-30421'); // EX-CLE SOLUCIONES BIOMETRICAS C.A.
  });

  it('maps the ISLAMIC REVOLUTIONARY GUARD CORPS as a terrorist organisation', () => {
    const irgc = [...ids.values()].find((e) => e.get('name').includes('ISLAMIC REVOLUTIONARY GUARD CORPS'));
    expect(irgc?.schema.name).toBe('Organization');
    expect(irgc?.get('program')).toEqual(expect.arrayContaining(['FTO', 'SDGT', 'IRGC']));
    expect(irgc?.get('topics')).toEqual(expect.arrayContaining(['sanction', 'crime.terror']));
    // Many entries are linked to it (others to its Qods Force, Air Force… which are entries of their own).
    expect(referring(r, 'UnknownLink', 'object', irgc!.id).length).toBeGreaterThan(40);
  });

  it('maps vessels with their IMO numbers', () => {
    const ebano = ids.get('us_ofac_sdn-4243');
    expect(ebano?.schema.name).toBe('Vessel');
    expect(ebano?.get('imoNumber')).toEqual(['7406784']);
    expect(ebano?.get('flag')).toEqual(['pa']);
    const vessels = r.entities.filter((e) => e.schema.name === 'Vessel');
    expect(vessels).toHaveLength(851);
    expect(vessels.filter((v) => v.has('imoNumber')).length).toBeGreaterThan(800);
  });

  it('recognises almost every remark segment and resolves almost every Linked To', () => {
    const s = r.stats;
    const coverage = s.remarkSegmentsRecognised / s.remarkSegments;
    const resolved = s.linkedToResolved / s.linkedTo;
    console.info(
      `[ofac] remark segments recognised ${s.remarkSegmentsRecognised}/${s.remarkSegments} (${(coverage * 100).toFixed(2)}%); ` +
        `Linked To resolved ${s.linkedToResolved}/${s.linkedTo}, ambiguous ${s.linkedToAmbiguous}, unresolved ${s.linkedToUnresolved}`,
    );
    expect(coverage).toBeGreaterThan(0.995);
    expect(resolved).toBeGreaterThan(0.995);
    expect(s.linkedToResolved + s.linkedToAmbiguous + s.linkedToUnresolved).toBe(s.linkedTo);
    expect(r.warnings.filter((w) => w.includes('Linked To')).length).toBe(
      s.linkedToAmbiguous + s.linkedToUnresolved,
    );
  });

  it('keeps the country of identity documents', () => {
    const docs = r.entities.filter((e) => e.schema.name === 'Passport' || e.schema.name === 'Identification');
    expect(docs.length).toBeGreaterThan(10000);
    expect(docs.filter((d) => d.has('country')).length / docs.length).toBeGreaterThan(0.8);
  });
});

describe.skipIf(!hasSharedData)('OFAC SDN full set 2021-07 with alt, add and comments (real data)', () => {
  let r: OfacReadResult;
  beforeAll(() => {
    r = ofacCsv.read(FULL_2021, { dataset: 'us_ofac_sdn' });
  });

  it('joins all four files', () => {
    expect(r.stats.entries).toBe(8976);
    expect(Object.keys(r.stats.files).sort()).toEqual(['address', 'alias', 'comments', 'primary']);
    const ids = byId(r);
    const binLadin = ids.get('us_ofac_sdn-6365');
    expect(binLadin?.get('alias')).toEqual(expect.arrayContaining(['BIN LADEN, Osama']));
    const maduro = ids.get('us_ofac_sdn-22790');
    const addresses = referring(r, 'Address', 'full', 'Caracas, Capital District, Venezuela').filter((a) =>
      a.id.startsWith('us_ofac_sdn-22790-'),
    );
    expect(addresses.map((a) => a.id)).toEqual(maduro?.get('addressEntity'));
    expect(addresses[0].get('country')).toEqual(['ve']);
    expect(r.entities.filter((e) => e.schema.name === 'Address').length).toBeGreaterThan(10000);
    expect(r.warnings.filter((w) => w.includes('not in the primary file'))).toEqual([]);
  });

  it('continues cut-off remarks from sdn_comments.csv', () => {
    const wallets = referring(r, 'CryptoWallet', 'holder', 'us_ofac_sdn-29703');
    expect(wallets.map((w) => w.first('currency'))).toEqual(
      expect.arrayContaining(['ETH', 'LTC', 'ZEC', 'BSV']),
    );
    const continued = ['28263', '28264', '29703', '30518'];
    for (const n of continued) {
      expect(r.warnings.some((w) => w.includes(`entry ${n}:`) && w.includes('1,000 characters'))).toBe(false);
    }
    const li = byId(r).get('us_ofac_sdn-28264');
    expect(li?.get('weakAlias')).toEqual(expect.arrayContaining(['blackjack1987', 'khaleesi']));
  });
});

describe.skipIf(!hasSharedData)('OFAC Consolidated non-SDN list (real data)', () => {
  it('reads cons_prim with its alias, address and comments files', () => {
    const files = ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'].map((f) =>
      shared('us-non-sdn', f),
    );
    const r = ofacConsCsv.read(files, { dataset: 'us_ofac_cons' });
    expect(r.stats.entries).toBe(442);
    expect(r.stats.remarkSegmentsRecognised / r.stats.remarkSegments).toBeGreaterThan(0.95);
    expect(byId(r).get('us_ofac_cons-9639')?.get('topics')).toContain('crime.terror');
  });
});

describe.skipIf(!hasSharedData)('OFAC files that must not import', () => {
  const dir = shared('ofac', 'malformed');
  const files = hasSharedData ? readdirSync(dir).sort() : [];

  it('finds the malformed files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('malformed/%s throws an InputError naming file, line and field', (name) => {
    const path = `${dir}/${name}`;
    // A primary file is read alone; the others beside a good primary file.
    const paths = name === 'sdn.csv' ? [path] : [shared('ofac', 'full-2021-07', 'sdn.csv.gz'), path];
    let error: unknown;
    try {
      ofacCsv.read(paths, { dataset: 'us_ofac_sdn' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.file).toBe(path);
    expect(e.line).toBeGreaterThan(0);
    expect(e.field).toBeTruthy();
    expect(e.message).toContain(path);
  });

  it('needs the primary file: the 2025 alias/address set alone is refused', () => {
    const files2025 = ['alt.csv.gz', 'add.csv.gz', 'sdn_comments.csv.gz'].map((f) =>
      shared('ofac', 'aliases-addresses-2025-12', f),
    );
    expect(() => ofacCsv.read(files2025, { dataset: 'us_ofac_sdn' })).toThrow(
      /primary file sdn\.csv is required/,
    );
  });

  it('warns (does not fail) on 2025 aliases for entries a 2024 list does not have', () => {
    const r = ofacCsv.read([SDN_2024, shared('ofac', 'aliases-addresses-2025-12', 'alt.csv.gz')], {
      dataset: 'us_ofac_sdn',
    });
    expect(r.warnings.some((w) => w.includes('"EL TREN DE ARAGUA" is for ent_num 49756'))).toBe(true);
  });
});
