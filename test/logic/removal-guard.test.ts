/**
 * An empty or cut-short list file must never become a version that delists a dataset: the CLI
 * import, the upload route and `tangle update` all refuse it, say why, and leave the store as it was.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importFiles } from '../../src/logic/import.js';
import { MassRemovalError, parseRemovalShare } from '../../src/logic/removal-guard.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ROOT, tangle, tangleAsync } from '../helpers/cli.js';
import { apiKeyHeader, multipart, testServer } from '../server/helpers.js';
import { tempDir } from '../helpers/temp.js';

const FIX = join(ROOT, 'test', 'fixtures');
const SDN = join(FIX, 'ofac', 'sdn.csv');
const UN = join(FIX, 'un-xml', 'consolidated-small.xml');
const dir = tempDir('tangle-test-guard-');

/** A file of this test's own, in a folder of its own, under the name the reader expects. */
function file(sub: string, name: string, content: Buffer | string): string {
  const path = join(mkdtempSync(join(dir, `${sub}-`)), name);
  writeFileSync(path, content);
  return path;
}

/** The first lines of the fixture SDN file, as a download cut short would leave them. */
const firstLines = (n: number) => readFileSync(SDN, 'latin1').split('\n').slice(0, n).join('\n') + '\n';

async function storeWithSdn(): Promise<SqliteStore> {
  const store = new SqliteStore(':memory:');
  await importFiles(store, { format: 'ofac-csv', paths: [SDN], versionDate: '2024-01-01' });
  return store;
}

function caught(fn: () => Promise<unknown>): Promise<Error> {
  return fn().then(
    () => {
      throw new Error('expected the import to be refused');
    },
    (err: Error) => err,
  );
}

describe('importFiles refuses what would silently delist a dataset', () => {
  it('refuses an empty file, plain or gzipped, naming it', async () => {
    const store = await storeWithSdn();
    const before = await store.stats();
    for (const [name, content] of [
      ['sdn.csv', ''],
      ['sdn.csv.gz', gzipSync(Buffer.alloc(0))],
      ['sdn.csv', '\r\n\u001a'],
    ] as const) {
      const path = file('empty', name, content);
      const err = await caught(() => importFiles(store, { format: 'ofac-csv', paths: [path] }));
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).file).toBe(path);
      expect(err.message).toMatch(
        new RegExp(`${name.replace('.', '\\.')}: the file (is empty|has no content)`),
      );
    }
    expect(await store.stats()).toEqual(before);
  });

  it('refuses an OFAC file without its end-of-file byte as cut short, then as a mass removal', async () => {
    const store = await storeWithSdn();
    const active = (await store.activeEntityIds('us_ofac_sdn')).length;
    const cut = file('cut', 'sdn.csv', firstLines(2));
    const err = await caught(() =>
      importFiles(store, { format: 'ofac-csv', paths: [cut], versionDate: '2024-02-01' }),
    );
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/sdn\.csv does not end with the end-of-file byte \(0x1A\).*looks cut short/);
    expect(err.message).toMatch(/--allow-incomplete/);
    // Forced past the completeness check, the removal check still holds, and says how many.
    const mass = await caught(() =>
      importFiles(store, {
        format: 'ofac-csv',
        paths: [cut],
        versionDate: '2024-02-01',
        allowIncomplete: true,
      }),
    );
    expect(mass).toBeInstanceOf(MassRemovalError);
    const { removed } = mass as MassRemovalError;
    expect(removed).toBeGreaterThan(active / 2);
    expect(mass.message).toContain(`would remove ${removed} of the ${active} active entities of us_ofac_sdn`);
    expect(mass.message).toMatch(/at most 10 %.*--allow-mass-removal/);
    expect((await store.listVersions('us_ofac_sdn')).length).toBe(1);
    // A higher allowed share, or the explicit force, lets it through.
    const forced = await importFiles(store, {
      format: 'ofac-csv',
      paths: [cut],
      versionDate: '2024-02-01',
      allowIncomplete: true,
      allowMassRemoval: true,
    });
    expect(forced.removed).toBe(removed);
  });

  it('lets an ordinary next version through, and takes the share from the policy', async () => {
    const store = await storeWithSdn();
    const same = file('again', 'sdn.csv', readFileSync(SDN, 'latin1') + ' ');
    const r = await importFiles(store, { format: 'ofac-csv', paths: [same], versionDate: '2024-02-01' });
    expect(r.removed).toBe(0);
    const cut = file('cut2', 'sdn.csv', `${firstLines(2)}\u001a`);
    const allowed = await importFiles(store, {
      format: 'ofac-csv',
      paths: [cut],
      versionDate: '2024-03-01',
      maxRemovalShare: 1,
    });
    expect(allowed.removed).toBeGreaterThan(0);
    expect(parseRemovalShare('25%', 'x')).toBe(0.25);
    expect(parseRemovalShare('0.05', 'x')).toBe(0.05);
    expect(() => parseRemovalShare('10', 'TANGLE_MAX_REMOVAL_SHARE')).toThrow(
      /TANGLE_MAX_REMOVAL_SHARE must be a share from 0 to 1/,
    );
  });

  it('refuses a UN list without its date or with empty sections', async () => {
    const store = new SqliteStore(':memory:');
    const xml = readFileSync(UN, 'utf8');
    const undated = file('undated', 'consolidated.xml', xml.replace(/ dateGenerated="[^"]*"/, ''));
    const e1 = await caught(() => importFiles(store, { format: 'un-xml', paths: [undated] }));
    expect(e1.message).toMatch(/consolidated\.xml: <CONSOLIDATED_LIST> has no dateGenerated date/);
    const hollow = file(
      'hollow',
      'consolidated.xml',
      '<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2026-03-01T00:00:00Z">\n' +
        '<INDIVIDUALS/>\n<ENTITIES></ENTITIES>\n</CONSOLIDATED_LIST>\n',
    );
    const e2 = await caught(() => importFiles(store, { format: 'un-xml', paths: [hollow] }));
    expect(e2.message).toMatch(/<INDIVIDUALS> is missing or empty.*<ENTITIES> is missing or empty/);
    expect(await store.isEmpty()).toBe(true);
    // The whole list imports.
    expect((await importFiles(store, { format: 'un-xml', paths: [UN] })).entities).toBeGreaterThan(0);
  });
});

describe('the same checks on the command line', () => {
  it('exits 2 naming the file or the count, and the list still screens', () => {
    const db = join(mkdtempSync(join(dir, 'cli-')), 'store.sqlite');
    expect(tangle(['import', 'ofac-csv', SDN, '--db', db, '--version-date', '2024-01-01']).status).toBe(0);
    const empty = tangle(['import', 'ofac-csv', file('cli-empty', 'sdn.csv', ''), '--db', db]);
    expect([empty.status, empty.stderr]).toEqual([2, expect.stringMatching(/sdn\.csv: the file is empty/)]);
    const cut = file('cli-cut', 'sdn.csv', firstLines(2));
    const args = ['import', 'ofac-csv', cut, '--db', db, '--version-date', '2024-02-01'];
    expect(tangle(args).stderr).toMatch(/looks cut short/);
    const mass = tangle([...args, '--allow-incomplete']);
    expect(mass.status).toBe(2);
    expect(mass.stderr).toMatch(/would remove \d+ of the \d+ active entities of us_ofac_sdn/);
    // The share is configurable by environment and by flag.
    expect(tangle([...args, '--allow-incomplete', '--max-removal-share', 'lots']).stderr).toMatch(
      /--max-removal-share must be a share/,
    );
    expect(tangle([...args, '--allow-incomplete'], { TANGLE_MAX_REMOVAL_SHARE: '5%' }).stderr).toMatch(
      /at most 5 %/,
    );
    const screen = tangle(['screen', '--name', 'HIZBALLAH', '--db', db]);
    expect(screen.stdout).toMatch(/MATCH HIZBALLAH/);
    expect(tangle(['datasets', '--versions', '--db', db, '--json']).stdout).not.toMatch(/2024-02-01/);
  });
});

describe('the same checks on the upload route', () => {
  it('answers 400 for an empty or cut-short upload and 409 for a mass removal, storing nothing', async () => {
    const t = await testServer({ users: ['admin'] });
    await importFiles(t.store, { format: 'ofac-csv', paths: [SDN], versionDate: '2024-01-01' });
    const key = apiKeyHeader(await t.keyFor('admin'));
    const send = (fields: Record<string, string>, content: string) => {
      const body = multipart({ format: 'ofac-csv', versionDate: '2024-02-01', ...fields }, [
        { name: 'sdn.csv', content },
      ]);
      return t.app.inject({
        method: 'POST',
        url: '/datasets/us_ofac_sdn/import',
        payload: body.payload,
        headers: { ...key, ...body.headers },
      });
    };
    const empty = await send({}, '');
    expect([empty.statusCode, empty.json()]).toEqual([
      400,
      expect.objectContaining({ file: 'sdn.csv', detail: 'sdn.csv: the file is empty (0 bytes)' }),
    ]);
    const cut = await send({}, firstLines(2));
    expect([cut.statusCode, cut.json().detail]).toEqual([400, expect.stringMatching(/looks cut short/)]);
    const mass = await send({ allowIncomplete: 'true' }, firstLines(2));
    expect(mass.statusCode).toBe(409);
    expect(mass.json()).toMatchObject({ error: 'mass_removal_refused', dataset: 'us_ofac_sdn' });
    expect(mass.json().detail).toMatch(/would remove \d+ of the \d+ active entities/);
    expect((await send({ allowMassRemoval: 'maybe' }, firstLines(2))).json().field).toBe('allowMassRemoval');
    expect((await t.store.listVersions('us_ofac_sdn')).length).toBe(1);
    const forced = await send({ allowIncomplete: 'true', allowMassRemoval: 'true' }, firstLines(2));
    expect(forced.statusCode).toBe(201);
    await t.app.close();
    await t.store.close();
  });
});

describe('the same checks in tangle update', () => {
  let server: Server;
  let base = '';
  let body = '';
  beforeAll(async () => {
    server = createServer((_req, res) => res.end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fails the update of a download cut short, naming the file and not the temporary folder', async () => {
    const db = join(mkdtempSync(join(dir, 'update-')), 'store.sqlite');
    expect(tangle(['import', 'ofac-csv', SDN, '--db', db, '--version-date', '2024-01-01']).status).toBe(0);
    const sources = file(
      'sources',
      'sources.json',
      JSON.stringify([{ dataset: 'us_ofac_sdn', format: 'ofac-csv', urls: [`${base}/sdn.csv`] }]),
    );
    const update = () =>
      tangleAsync(['update', '--sources', sources, '--db', db, '--version-date', '2024-02-01']);
    body = firstLines(2);
    const r = await update();
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(
      /us_ofac_sdn: failed — sdn\.csv: sdn\.csv does not end with the end-of-file byte/,
    );
    body = `${firstLines(2)}\u001a`;
    const mass = await update();
    expect(mass.stdout).toMatch(/failed — refused: this version would remove \d+ of the \d+ active entities/);
    expect(tangle(['datasets', '--versions', '--db', db, '--json']).stdout).not.toMatch(/2024-02-01/);
  });
});
