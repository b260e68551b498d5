/**
 * The offline snapshot shipped in data/: loaded into an empty store on first use, so a newcomer
 * has real lists to explore without network access.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR } from '../config.js';
import type { ImportProgress, Store } from '../store/store.js';
import { importFiles, type ImportOutcome } from './import.js';

interface BundledImport {
  format: string;
  dataset: string;
  versionDate: string;
  files: string[];
}

export function bundledImports(dir = BUNDLED_DATA_DIR): BundledImport[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'bundled.json'), 'utf8')) as {
    imports: BundledImport[];
  };
  return manifest.imports.map((i) => ({ ...i, files: i.files.map((f) => join(dir, f)) }));
}

/** Load the bundled lists when the store has no data yet; returns what was imported. */
export async function ensureBundledData(
  store: Store,
  progress?: (label: string) => ImportProgress | undefined,
): Promise<ImportOutcome[]> {
  if (!(await store.isEmpty())) return [];
  const outcomes: ImportOutcome[] = [];
  for (const item of bundledImports()) {
    outcomes.push(
      await importFiles(
        store,
        { format: item.format, paths: item.files, dataset: item.dataset, versionDate: item.versionDate },
        progress?.(item.dataset),
      ),
    );
  }
  return outcomes;
}
