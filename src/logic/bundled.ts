/**
 * The offline snapshot shipped in data/: loaded into an empty store on first use, so a newcomer
 * has real lists to explore without network access.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR } from '../config.js';
import type { ImportProgress, Store } from '../store/store.js';
import type { DocumentStore, SaveOutcome } from '../store/documents.js';
import type { DocumentReader } from '../text/extraction.js';
import { importFiles, type ImportOutcome } from './import.js';
import { loadDocumentFiles, readDocument } from './reading.js';

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

/** The demonstration briefing read by `tangle start` into a fresh store (see ensureBundledBriefing). */
export const BUNDLED_BRIEFING = {
  path: join(BUNDLED_DATA_DIR, 'reading', 'iran-venezuela-briefing.txt'),
  title: 'Briefing: the Iran–Venezuela–Hezbollah system',
  date: '2025-11-20',
  publisher: 'Tangle demo',
};

/**
 * Read the demonstration briefing when the store holds only the bundled lists and no document yet,
 * and accept its claims (as "tangle-demo"), so that a newcomer sees the network at once. Claims of
 * every other reading start as proposed. Returns the reading, or undefined when nothing was done.
 */
export async function ensureBundledBriefing(
  store: Store,
  documents: DocumentStore,
  reader: () => Promise<DocumentReader>,
): Promise<SaveOutcome | undefined> {
  if ((await documents.countDocuments({ includeSuperseded: true })) > 0) return undefined;
  const bundled = new Set(bundledImports().map((i) => i.dataset));
  const datasets = await store.listDatasets();
  if (!datasets.length || datasets.some((d) => !bundled.has(d.name))) return undefined;
  const [input] = await loadDocumentFiles([BUNDLED_BRIEFING.path]);
  const { title, date, publisher } = BUNDLED_BRIEFING;
  return readDocument(
    { store, documents, reader },
    input,
    { title, date, publisher },
    { accept: true, by: 'tangle-demo' },
  );
}
