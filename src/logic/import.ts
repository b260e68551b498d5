/**
 * Importing list files: read them with their format's reader (nothing touches the store until the
 * whole input has been read and validated), then apply them to the store as one new version.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import { readInputBytes } from '../sources/input.js';
import { getFormat } from '../sources/index.js';
import { checkComplete, checkRemoval, type RemovalPolicy } from './removal-guard.js';
import { checkVersionOrder, type ImportProgress, type ImportResult, type Store } from '../store/store.js';

interface ImportFileOptions {
  format: string;
  paths: string[];
  dataset?: string;
  title?: string;
  /** YYYY-MM-DD; defaults to the date the files state, then today. */
  versionDate?: string;
  /** The names the version records for its files (default: the paths); uploads give their own names. */
  fileNames?: string[];
}

/** What every import takes: the files and the safety checks' settings (see removal-guard.ts). */
export type ImportOptions = ImportFileOptions & RemovalPolicy;

export interface ImportOutcome extends ImportResult {
  format: string;
  warningList: string[];
  readMs: number;
  storeMs: number;
}

export async function importFiles(
  store: Store,
  options: ImportOptions,
  progress?: ImportProgress,
): Promise<ImportOutcome> {
  const format = getFormat(options.format);
  if (!options.paths.length) throw new UsageError(`import ${format.name}: give at least one file`);
  const dataset = options.dataset ?? format.defaultDataset;
  const t0 = performance.now();
  const checksum = filesChecksum(options.paths);
  // Byte-identical to the latest version: nothing can have changed, so skip reading and record the
  // new version directly (its date: the one given, the one in the file names, or the latest's).
  const latest = (await store.listVersions(dataset)).at(-1);
  if (latest?.checksum === checksum) {
    const repeated = await store.repeatVersion({
      dataset,
      title: options.title ?? format.defaultTitle,
      format: format.name,
      versionDate: options.versionDate ?? dateInNames(options.paths) ?? latest.date,
      files: options.fileNames ?? options.paths,
      checksum,
    });
    if (repeated) {
      return {
        ...repeated,
        format: format.name,
        warningList: [],
        readMs: 0,
        storeMs: performance.now() - t0,
      };
    }
  }
  const read = format.read(options.paths, {
    dataset,
    progress: progress && ((done, total) => progress('read', done, total)),
  });
  const versionDate = options.versionDate ?? read.publishedAt ?? new Date().toISOString().slice(0, 10);
  // Checked here as well as in the store, so that an out-of-order version is refused as such and
  // not for what it would remove.
  checkVersionOrder(dataset, latest, versionDate);
  checkComplete(read.incomplete, options);
  checkRemoval(
    dataset,
    await store.activeEntityIds(dataset),
    new Set(read.entities.map((e) => e.id)),
    options,
  );
  const t1 = performance.now();
  const result = await store.importVersion(
    {
      dataset,
      title: options.title ?? format.defaultTitle,
      format: format.name,
      versionDate,
      files: options.fileNames ?? options.paths,
      checksum,
      entities: read.entities,
      warnings: read.warnings,
    },
    progress,
  );
  const t2 = performance.now();
  return { ...result, format: format.name, warningList: read.warnings, readMs: t1 - t0, storeMs: t2 - t1 };
}

/** SHA-256 over the files' raw bytes, in the order given. */
export function filesChecksum(paths: string[]): string {
  const hash = createHash('sha256');
  for (const p of paths) hash.update(readInputBytes(p));
  return hash.digest('hex');
}

/** A YYYY-MM-DD (or YYYYMMDD) date in the first file name that has one. */
export function dateInNames(paths: string[]): string | undefined {
  for (const p of paths) {
    const m = /(\d{4})-?(\d{2})-?(\d{2})/.exec(p.split(/[\\/]/).pop() ?? '');
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return undefined;
}
