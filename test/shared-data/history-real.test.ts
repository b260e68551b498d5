/**
 * Reads ../shared/data (skipped without it, required under CI): the OFAC SDN history and the
 * malformed files, through the same import path the CLI uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/logic/import.js';
import { parseCsv } from '../../src/sources/csv.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { hasSharedData, shared } from '../helpers/shared-data.js';

/** The primary entries of an SDN file, read independently of the importer: ent_num → name. */
function entries(path: string): Map<string, string> {
  const text = gunzipSync(readFileSync(path))
    .toString('utf8')
    .replace(/\u001a\s*$/, '');
  const out = new Map<string, string>();
  for (const { fields } of parseCsv(text, path)) out.set(fields[0], fields[1]);
  return out;
}

describe.skipIf(!hasSharedData)('OFAC SDN history (real snapshots)', () => {
  it('reports exactly the entries added and removed between 2024-05-02 and 2024-05-03', async () => {
    const store = new SqliteStore(':memory:');
    const v1 = shared('ofac', 'sdn-history', 'sdn-2024-05-02.csv.gz');
    const v2 = shared('ofac', 'sdn-history', 'sdn-2024-05-03.csv.gz');
    await importFiles(store, { format: 'ofac-csv', paths: [v1] });
    const r = await importFiles(store, { format: 'ofac-csv', paths: [v2] });
    const before = entries(v1);
    const after = entries(v2);
    const expectAdded = [...after.keys()]
      .filter((k) => !before.has(k))
      .map((k) => `us_ofac_sdn-${k}`)
      .sort();
    const expectRemoved = [...before.keys()]
      .filter((k) => !after.has(k))
      .map((k) => `us_ofac_sdn-${k}`)
      .sort();
    const changes = await store.listChanges({ dataset: 'us_ofac_sdn', version: '2024-05-03', limit: 100000 });
    const primary = (kind: string) =>
      changes
        .filter((c) => c.kind === kind && /^us_ofac_sdn-\d+$/.test(c.entityId))
        .map((c) => c.entityId)
        .sort();
    expect(primary('added')).toEqual(expectAdded);
    expect(primary('removed')).toEqual(expectRemoved);
    expect(expectAdded.length + expectRemoved.length).toBeGreaterThan(0);
    expect(r.added).toBeGreaterThanOrEqual(expectAdded.length);
    // Entries whose row text changed are reported as changed, with the properties that differ.
    const rowText = (path: string) => {
      const text = gunzipSync(readFileSync(path)).toString('utf8');
      return new Map(text.split(/\r?\n/).map((l) => [l.split(',')[0], l]));
    };
    const r1 = rowText(v1);
    const r2 = rowText(v2);
    const edited = [...after.keys()]
      .filter((k) => before.has(k) && r1.get(k) !== r2.get(k))
      .map((k) => `us_ofac_sdn-${k}`);
    const changed = new Set(primary('changed'));
    for (const id of edited) expect(changed.has(id), id).toBe(true);
    await store.close();
  });

  it('keeps first-seen and delisting dates across all 13 snapshots', async () => {
    const store = new SqliteStore(':memory:');
    const dir = shared('ofac', 'sdn-history');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.csv.gz'))
      .sort();
    expect(files).toHaveLength(13);
    const seen = new Map<string, string>();
    const lastSeen = new Map<string, string>();
    for (const f of files) {
      const date = f.slice(4, 14);
      await importFiles(store, { format: 'ofac-csv', paths: [`${dir}/${f}`] });
      for (const k of entries(`${dir}/${f}`).keys()) {
        if (!seen.has(k)) seen.set(k, date);
        lastSeen.set(k, date);
      }
    }
    const versions = await store.listVersions('us_ofac_sdn');
    expect(versions.map((v) => v.label)).toEqual(files.map((f) => f.slice(4, 14)));
    // Check a sample of entries against the dates computed straight from the files.
    const ids = [...seen.keys()].filter((_, i) => i % 97 === 0);
    for (const k of ids) {
      const e = (await store.getEntity(`us_ofac_sdn-${k}`))!;
      expect(e.firstSeen, k).toBe(seen.get(k));
      expect(e.lastSeen, k).toBe(lastSeen.get(k));
      expect(e.active, k).toBe(lastSeen.get(k) === '2024-05-03');
    }
    await store.close();
  }, 300_000);

  it('rejects every malformed file and leaves the store exactly as it was', async () => {
    const store = new SqliteStore(':memory:');
    await importFiles(store, {
      format: 'ofac-csv',
      paths: [shared('ofac', 'sdn-history', 'sdn-2021-08-24.csv.gz')],
    });
    const snapshot = async () =>
      JSON.stringify([
        await store.stats(),
        await store.listVersions(),
        await store.listChanges({ limit: 100000 }),
      ]);
    const before = await snapshot();
    const cases: Array<[string, string[]]> = [
      ['ofac-csv', [shared('ofac', 'malformed', 'sdn.csv')]],
      [
        'ofac-csv',
        [shared('ofac', 'sdn-history', 'sdn-2024-05-03.csv.gz'), shared('ofac', 'malformed', 'alt.csv')],
      ],
      [
        'ofac-csv',
        [
          shared('ofac', 'sdn-history', 'sdn-2024-05-03.csv.gz'),
          shared('ofac', 'malformed', 'sdn_comments.csv'),
        ],
      ],
      ['us-csl', [shared('ofac', 'malformed', 'csl.csv')]],
    ];
    for (const [format, paths] of cases) {
      const err = await importFiles(store, { format, paths, versionDate: '2024-06-01' }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err, paths.join(' ')).toBeDefined();
      expect(err!.message).toMatch(/(sdn|alt|sdn_comments|csl)\.csv, line \d+(, field "[^"]+")?: /);
      expect(await snapshot()).toBe(before);
    }
    await store.close();
  });
});
