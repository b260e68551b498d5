import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tangle, tangleAsync, tempDb } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const FIX = join(ROOT, 'test', 'fixtures', 'cli');
const V1 = join(FIX, 'sdn-2024-05-02.csv');
const V2 = join(FIX, 'sdn-2024-05-03.csv');

describe('tangle CLI on a small OFAC history', () => {
  const db = tempDb();

  it('imports a version, dated from the file name', () => {
    const r = tangle(['import', 'ofac-csv', V1, '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      dataset: 'us_ofac_sdn',
      version: '2024-05-02',
      added: out.entities,
      removed: 0,
    });
  });

  it('computes the changes of the next version', () => {
    // The small fixture delists one of its few entries: more than the default share, so forced.
    const r = tangle(['import', 'ofac-csv', V2, '--db', db, '--json', '--allow-mass-removal']);
    expect(r.status).toBe(0);
    const changes = JSON.parse(tangle(['changes', '--db', db, '--json']).stdout) as Array<{
      kind: string;
      caption: string;
      schema: string;
      properties: Record<string, { added: string[]; removed: string[] }>;
    }>;
    const main = changes.filter(
      (c) => !['Sanction', 'Identification', 'Passport', 'UnknownLink'].includes(c.schema),
    );
    expect(main.map((c) => `${c.kind} ${c.caption}`).sort()).toEqual([
      'added EX-CLE SOLUCIONES BIOMETRICAS C.A.',
      'changed MADURO MOROS, Nicolas',
      'removed BANCO NACIONAL DE CUBA',
    ]);
    const maduro = main.find((c) => c.kind === 'changed')!;
    expect(maduro.properties.passportNumber).toEqual({ added: ['000000000'], removed: [] });
    const onlyRemoved = JSON.parse(tangle(['changes', '--db', db, '--kind', 'removed', '--json']).stdout);
    expect(onlyRemoved.every((c: { kind: string }) => c.kind === 'removed')).toBe(true);
    const table = tangle(['changes', '--db', db, '--version', '2024-05-03']);
    expect(table.stdout).toMatch(/us_ofac_sdn@2024-05-03\s+added\s+Company/);
  });

  it('shows an entity by name with sources, sanctions and links', () => {
    const r = tangle(['show', 'MADURO MOROS, Nicolas', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^MADURO MOROS, Nicolas {2}\[Person\]/);
    expect(r.stdout).toContain('us_ofac_sdn: record 22790');
    expect(r.stdout).toMatch(/Birth date\s+1962-11-23/);
    expect(r.stdout).toMatch(
      /↳ us_ofac_sdn record 22790 · sdn-2024-05-02\.csv line 4 · seen 2024-05-02 … 2024-05-03/,
    );
    expect(r.stdout).toMatch(/VENEZUELA · Office of Foreign Assets Control/);
    expect(r.stdout).toMatch(/IRAN-CON-ARMS-EO/);
    expect(r.stdout).toMatch(/Linked To.*EX-CLE SOLUCIONES BIOMETRICAS C\.A\./);
    const json = JSON.parse(tangle(['show', 'us_ofac_sdn-22790', '--db', db, '--json']).stdout);
    expect(json.entity.properties.birthDate).toEqual(['1962-11-23']);
    const passport = json.entity.statements.find((s: { prop: string }) => s.prop === 'passportNumber');
    expect(passport).toMatchObject({ firstSeen: '2024-05-03', recordId: '22790', current: true });
  });

  it('shows a delisted entity with its history', () => {
    const r = tangle(['show', 'BANCO NACIONAL DE CUBA', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(no longer listed)');
    expect(r.stdout).toContain('last seen 2024-05-02');
    const history = JSON.parse(
      tangle(['changes', '--db', db, '--entity', 'us_ofac_sdn-306', '--json']).stdout,
    );
    expect(history.map((c: { version: string; kind: string }) => `${c.version} ${c.kind}`)).toEqual([
      '2024-05-02 added',
      '2024-05-03 removed',
    ]);
  });

  it('lists datasets, versions and stats', () => {
    const ds = JSON.parse(tangle(['datasets', '--versions', '--db', db, '--json']).stdout);
    expect(ds.datasets).toHaveLength(1);
    expect(ds.datasets[0]).toMatchObject({ name: 'us_ofac_sdn', versions: 2, latestVersion: '2024-05-03' });
    expect(ds.versions.map((v: { label: string }) => v.label)).toEqual(['2024-05-02', '2024-05-03']);
    const stats = JSON.parse(tangle(['stats', '--db', db, '--json']).stdout);
    expect(stats).toMatchObject({ datasets: 1, versions: 2 });
    expect(stats.bySchema.Person).toBe(1);
  });

  it('rejects an older version and a malformed file, leaving the store as it was', () => {
    const before = tangle(['stats', '--db', db, '--json']).stdout;
    const older = tangle(['import', 'ofac-csv', V1, '--db', db]);
    expect(older.status).toBe(2);
    expect(older.stderr).toMatch(/date order/);
    const bad = tangle([
      'import',
      'ofac-csv',
      join(FIX, 'bad', 'sdn.csv'),
      '--db',
      db,
      '--version-date',
      '2024-06-01',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\/sdn\.csv.*line 3/);
    expect(tangle(['stats', '--db', db, '--json']).stdout).toBe(before);
  });

  it('explains unknown ids, formats and options', () => {
    expect(tangle(['show', 'nobody at all', '--db', db]).stderr).toMatch(
      /no entity has the id or name "nobody at all"/,
    );
    const fmt = tangle(['import', 'xls', V1, '--db', db]);
    expect([fmt.status, fmt.stderr]).toEqual([
      2,
      expect.stringMatching(/unknown format "xls"; known formats: ofac-csv/),
    ]);
    expect(tangle(['import', 'ofac-csv', join(FIX, 'missing.csv'), '--db', db]).stderr).toMatch(
      /missing\.csv.*file not found/,
    );
    expect(tangle(['changes', '--kind', 'moved', '--db', db]).stderr).toMatch(/--kind must be one of/);
  });
});

describe('tangle update', () => {
  let server: Server;
  let base = '';
  let fail = false;
  const files: Record<string, string> = {
    '/sdn.csv': readFileSync(V2, 'utf8'),
  };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = files[req.url ?? ''];
      if (fail || body === undefined) {
        res.statusCode = fail ? 503 : 404;
        res.end('no');
        return;
      }
      res.setHeader('content-type', 'text/csv');
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // The fixture server runs in this process, so the CLI must be spawned without blocking it.
  it('downloads, imports, skips an unchanged download and survives a failed one', async () => {
    const db = tempDb();
    const sources = join(tempDir('tangle-update-'), 'sources.json');
    writeFileSync(
      sources,
      JSON.stringify([{ dataset: 'us_ofac_sdn', format: 'ofac-csv', urls: [`${base}/sdn.csv`] }]),
    );
    const first = await tangleAsync([
      'update',
      '--sources',
      sources,
      '--db',
      db,
      '--version-date',
      '2024-06-01',
      '--json',
    ]);
    expect(first.status).toBe(0);
    const [outcome] = JSON.parse(first.stdout);
    expect(outcome).toMatchObject({
      dataset: 'us_ofac_sdn',
      status: 'imported',
      result: { version: '2024-06-01' },
    });
    const again = JSON.parse(
      (await tangleAsync(['update', '--sources', sources, '--db', db, '--json'])).stdout,
    );
    expect(again[0].status).toBe('unchanged');
    fail = true;
    const before = tangle(['stats', '--db', db, '--json']).stdout;
    const failed = await tangleAsync(['update', '--sources', sources, '--db', db]);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/us_ofac_sdn: failed — download of .*sdn\.csv failed: HTTP 503/);
    expect(tangle(['stats', '--db', db, '--json']).stdout).toBe(before);
    fail = false;
  });
});
