/**
 * `tangle update`: download the current official files and import them as new versions.
 *
 * Each source is downloaded completely into a temporary directory before anything is imported; a
 * failed download leaves that dataset exactly as it was (the store keeps serving the last good
 * version). A download identical to the latest imported version is not imported again.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { ImportProgress, Store } from '../store/store.js';
import { filesChecksum, importFiles, type ImportOutcome } from './import.js';
import type { RemovalPolicy } from './removal-guard.js';

export interface UpdateSource {
  dataset: string;
  format: string;
  /** URLs of the files that make up one version (e.g. sdn.csv, alt.csv, add.csv, sdn_comments.csv). */
  urls: string[];
}

const OFAC = 'https://www.treasury.gov/ofac/downloads';

/** The official publication URLs; override with --sources FILE or TANGLE_UPDATE_SOURCES. */
export const OFFICIAL_SOURCES: UpdateSource[] = [
  {
    dataset: 'us_ofac_sdn',
    format: 'ofac-csv',
    urls: ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((f) => `${OFAC}/${f}`),
  },
  {
    dataset: 'us_ofac_cons',
    format: 'ofac-cons-csv',
    urls: ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'].map(
      (f) => `${OFAC}/consolidated/${f}`,
    ),
  },
  {
    dataset: 'un_sc_sanctions',
    format: 'un-xml',
    urls: ['https://scsanctions.un.org/resources/xml/en/consolidated.xml'],
  },
];

export function loadSources(path: string | undefined): UpdateSource[] {
  if (!path) return OFFICIAL_SOURCES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read update sources from ${path}: ${(err as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { sources?: unknown }).sources;
  if (!Array.isArray(list)) throw new UsageError(`${path}: expected an array of {dataset, format, urls}`);
  list.forEach((s, i) => {
    const ok =
      s &&
      typeof s.dataset === 'string' &&
      typeof s.format === 'string' &&
      Array.isArray(s.urls) &&
      s.urls.length;
    if (!ok)
      throw new UsageError(`${path}: source ${i + 1} needs "dataset", "format" and a non-empty "urls"`);
  });
  return list as UpdateSource[];
}

export interface UpdateOutcome {
  dataset: string;
  status: 'imported' | 'unchanged' | 'failed';
  error?: string;
  result?: ImportOutcome;
}

export interface UpdateOptions {
  sources: UpdateSource[];
  datasets?: string[];
  versionDate?: string;
  /** The import safety checks (see removal-guard.ts): a refused download is a failed update. */
  policy?: RemovalPolicy;
  timeoutMs?: number;
  progress?: (dataset: string) => ImportProgress | undefined;
  log?: (line: string) => void;
}

export async function updateFromSources(store: Store, options: UpdateOptions): Promise<UpdateOutcome[]> {
  const selected = options.datasets?.length
    ? options.sources.filter((s) => options.datasets!.includes(s.dataset))
    : options.sources;
  if (options.datasets?.length && selected.length !== options.datasets.length) {
    const known = options.sources.map((s) => s.dataset).join(', ');
    throw new UsageError(`unknown dataset in ${options.datasets.join(', ')}; sources are: ${known}`);
  }
  const outcomes: UpdateOutcome[] = [];
  for (const source of selected) {
    const dir = mkdtempSync(join(tmpdir(), 'tangle-update-'));
    try {
      const paths: string[] = [];
      for (const url of source.urls) {
        options.log?.(`downloading ${url}`);
        paths.push(await download(url, dir, options.timeoutMs ?? 120_000));
      }
      const versions = await store.listVersions(source.dataset);
      const latest = versions[versions.length - 1];
      if (latest?.checksum && latest.checksum === filesChecksum(paths)) {
        outcomes.push({ dataset: source.dataset, status: 'unchanged' });
        continue;
      }
      const result = await importFiles(
        store,
        {
          format: source.format,
          paths,
          dataset: source.dataset,
          versionDate: options.versionDate,
          ...options.policy,
        },
        options.progress?.(source.dataset),
      );
      outcomes.push({ dataset: source.dataset, status: 'imported', result });
    } catch (err) {
      // Messages name the downloaded file, not the temporary directory it was kept in.
      const error = (err as Error).message.split(dir + sep).join('');
      outcomes.push({ dataset: source.dataset, status: 'failed', error });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return outcomes;
}

async function download(url: string, dir: string, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new Error(`download of ${url} failed: ${cause ?? (err as Error).message}`, { cause: err });
  }
  if (!response.ok)
    throw new Error(`download of ${url} failed: HTTP ${response.status} ${response.statusText}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (!body.length) throw new Error(`download of ${url} failed: empty response`);
  const expected = Number(response.headers.get('content-length'));
  if (expected && expected !== body.length && !response.headers.get('content-encoding')) {
    throw new Error(`download of ${url} is truncated: ${body.length} of ${expected} bytes`);
  }
  const name = basename(new URL(url).pathname) || 'download';
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}
