/**
 * The store the cross-referencing benchmark and its labelled set are made on: OFAC SDN
 * (2024-05-03), the UN consolidated list (2026-02-27), the US Consolidated Screening List sample
 * (2019), OFAC's consolidated non-SDN lists (2025-12) and the US Congress PEPs, from ../shared/data.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFiles } from '../src/logic/import.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { sharedDataDir } from './shared-data.js';

/** The labelled pairs (bench/data in the source tree, also when run from dist-bench/). */
export const LABELS_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'bench',
  'data',
  'xref-pairs.csv',
);

export async function xrefStore(): Promise<{ store: SqliteStore; dir: string; seconds: number }> {
  const shared = sharedDataDir();
  const dir = mkdtempSync(join(tmpdir(), 'tangle-xref-'));
  const store = new SqliteStore(join(dir, 'xref.sqlite'));
  const nonSdn = join(shared, 'us-non-sdn');
  const t0 = performance.now();
  await importFiles(store, {
    format: 'ofac-csv',
    paths: [join(shared, 'ofac', 'sdn-history', 'sdn-2024-05-03.csv.gz')],
  });
  await importFiles(store, {
    format: 'un-xml',
    paths: [join(shared, 'un', 'un-consolidated-2026-02-27.xml.gz')],
  });
  await importFiles(store, { format: 'us-csl', paths: [join(shared, 'us-csl', 'csl-2019.csv')] });
  await importFiles(store, {
    format: 'ofac-cons-csv',
    paths: readdirSync(nonSdn)
      .filter((f) => f.startsWith('cons_'))
      .map((f) => join(nonSdn, f)),
  });
  await importFiles(store, { format: 'senzing', paths: [join(shared, 'peps', 'us-congress-senzing.json')] });
  return { store, dir, seconds: (performance.now() - t0) / 1000 };
}
