/**
 * The issue's own case on the real list: `tangle update` (or an import) fed the first 100 lines of
 * the SDN file must not delist the rest of it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/logic/import.js';
import { MassRemovalError } from '../../src/logic/removal-guard.js';
import { CandidateIndex } from '../../src/match/candidate-index.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { hasSharedData, shared } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/temp.js';

describe.skipIf(!hasSharedData)('the first 100 lines of the real SDN file', () => {
  const dir = tempDir('tangle-test-cut-');

  it('are refused as cut short, then as a mass removal, and Maduro still screens', async () => {
    const store = new SqliteStore(':memory:');
    await importFiles(store, {
      format: 'ofac-csv',
      paths: [shared('ofac', 'sdn-history', 'sdn-2024-05-02.csv.gz')],
    });
    const whole = gunzipSync(readFileSync(shared('ofac', 'sdn-history', 'sdn-2024-05-03.csv.gz')));
    const cut = join(dir, 'sdn.csv');
    writeFileSync(cut, whole.toString('latin1').split('\n').slice(0, 100).join('\n'), 'latin1');
    const active = (await store.activeEntityIds('us_ofac_sdn')).length;
    await expect(
      importFiles(store, { format: 'ofac-csv', paths: [cut], versionDate: '2024-05-03' }),
    ).rejects.toThrow(/sdn\.csv does not end with the end-of-file byte \(0x1A\).*looks cut short/);
    const err = await importFiles(store, {
      format: 'ofac-csv',
      paths: [cut],
      versionDate: '2024-05-03',
      allowIncomplete: true,
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(MassRemovalError);
    expect((err as MassRemovalError).removed).toBeGreaterThan(active * 0.9);
    expect((await store.listVersions('us_ofac_sdn')).map((v) => v.label)).toEqual(['2024-05-02']);
    const records = [];
    for await (const r of store.currentEntities()) records.push(r);
    const hits = CandidateIndex.build(records).screen({
      schema: 'Person',
      properties: { name: ['Nicolas Maduro'] },
    }).hits;
    expect(hits[0]?.entity.caption).toBe('MADURO MOROS, Nicolas');
    await store.close();
  });
});
