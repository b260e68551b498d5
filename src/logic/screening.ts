/**
 * Screening: build the candidate index from the store's current entities, screen single queries
 * and whole books, and shape results with what an analyst needs to act on them (programmes, the
 * list's own record ids, scores and explanations).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import {
  CandidateIndex,
  type IndexSnapshot,
  type ScreenHit,
  type ScreenOptions,
} from '../match/candidate-index.js';
import type { BookRow } from '../match/book.js';
import type { FeatureExplanation, MatchEntity } from '../match/entity.js';
import type { EntityRecord, Store } from '../store/store.js';

/** Bump when index keys change, so cached indexes from older code are not used. */
const CACHE_FORMAT = 'tangle-index-4';

/**
 * The screening index for the store's current entities. With `cache`, a command-line run reuses
 * the keys saved beside the store file by an earlier run against the same list versions (name
 * analyses are then redone only for the candidates a query touches); otherwise, and for the
 * server, everything is analysed up front for the fastest queries.
 */
export async function buildIndex(
  store: Store,
  options: {
    datasets?: string[];
    cache?: boolean;
    /** The store's current entities when the caller has read them already (none are read again). */
    records?: EntityRecord[];
  } = {},
): Promise<CandidateIndex> {
  const path = (store as { path?: string }).path;
  const cacheFile =
    options.cache && !options.datasets?.length && path && path !== ':memory:' ? `${path}.index` : undefined;
  const marker = `${CACHE_FORMAT}|${await store.versionMarker()}`;
  if (cacheFile) {
    try {
      const cached = deserialize(readFileSync(cacheFile)) as { marker: string; snapshot: IndexSnapshot };
      if (cached.marker === marker) return CandidateIndex.fromSnapshot(cached.snapshot);
    } catch {
      // No cache yet, or an unreadable one: build afresh.
    }
  }
  let records = options.records;
  if (!records) {
    records = [];
    for await (const r of store.currentEntities({ datasets: options.datasets })) records.push(r);
  }
  const index = CandidateIndex.build(records);
  if (cacheFile) {
    try {
      writeFileSync(`${cacheFile}.tmp`, serialize({ marker, snapshot: index.snapshot() }));
      renameSync(`${cacheFile}.tmp`, cacheFile);
    } catch {
      // A cache is an optimisation: a read-only directory only costs the next run its build.
    }
  }
  return index;
}

export interface ScreenResultJson {
  entity_id: string;
  caption: string;
  schema: string;
  datasets: string[];
  programmes: string[];
  topics: string[];
  /** The lists' own ids for the entry, e.g. { us_ofac_sdn: ["22790"] } (OFAC ent_num). */
  source_ids: Record<string, string[]>;
  score: number;
  match: boolean;
  explanations: Record<string, FeatureExplanation>;
}

export function resultJson(hit: ScreenHit): ScreenResultJson {
  const e = hit.entity;
  return {
    entity_id: e.id,
    caption: e.caption,
    schema: e.schema,
    datasets: e.datasets,
    programmes: e.properties.program ?? [],
    topics: e.properties.topics ?? [],
    source_ids: e.recordIds,
    score: hit.result.score,
    match: hit.result.match,
    explanations: hit.result.explanations,
  };
}

export interface BookResult {
  id: string;
  line: number;
  query: MatchEntity;
  results: ScreenResultJson[];
}

export interface BookSummary {
  rows: number;
  rowsWithMatches: number;
  matches: number;
  byProgramme: Record<string, number>;
  byDataset: Record<string, number>;
  seconds: number;
  rowsPerSecond: number;
}

/** Screen one book row: its results as the JSON output shows them. */
export function screenRow(index: CandidateIndex, row: BookRow, options: ScreenOptions): BookResult {
  const outcome = index.screen(row.query, options);
  return { id: row.id, line: row.line, query: row.query, results: outcome.hits.map(resultJson) };
}

/** Counts over a screened book: rows with matches, matches by programme and by dataset. */
export function summarizeBook(results: readonly BookResult[], seconds: number): BookSummary {
  const byProgramme: Record<string, number> = {};
  const byDataset: Record<string, number> = {};
  let rowsWithMatches = 0;
  let matches = 0;
  for (const r of results) {
    const hits = r.results.filter((h) => h.match);
    if (hits.length) rowsWithMatches++;
    matches += hits.length;
    for (const h of hits) {
      for (const p of h.programmes) byProgramme[p] = (byProgramme[p] ?? 0) + 1;
      for (const d of h.datasets) byDataset[d] = (byDataset[d] ?? 0) + 1;
    }
  }
  return {
    rows: results.length,
    rowsWithMatches,
    matches,
    byProgramme,
    byDataset,
    seconds,
    rowsPerSecond: results.length / Math.max(seconds, 1e-9),
  };
}

export function screenBook(
  index: CandidateIndex,
  rows: readonly BookRow[],
  options: ScreenOptions,
  progress?: (done: number, total: number) => void,
): { results: BookResult[]; summary: BookSummary } {
  const t0 = performance.now();
  const results = rows.map((row, i) => {
    if (progress && i % 50 === 0) progress(i, rows.length);
    return screenRow(index, row, options);
  });
  progress?.(rows.length, rows.length);
  return { results, summary: summarizeBook(results, (performance.now() - t0) / 1000) };
}

/** One line per result (or one empty line for a row without results), for spreadsheets. */
export function bookResultsCsv(results: readonly BookResult[]): string {
  const header = [
    'row_id',
    'query_name',
    'rank',
    'entity_id',
    'caption',
    'schema',
    'score',
    'match',
    'programmes',
    'datasets',
    'source_ids',
    'why',
  ];
  const esc = (v: string | number | boolean) => {
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header.join(',')];
  for (const r of results) {
    const name = r.query.properties.name?.[0] ?? '';
    if (!r.results.length)
      lines.push([r.id, name, '', '', '', '', '', '', '', '', '', ''].map(esc).join(','));
    r.results.forEach((h, i) => {
      const why = Object.entries(h.explanations)
        .map(([k, v]) => `${k} ${v.score}: ${v.detail}`)
        .join(' | ');
      const sourceIds = Object.entries(h.source_ids)
        .map(([d, ids]) => `${d}:${ids.join('/')}`)
        .join(' ');
      lines.push(
        [
          r.id,
          name,
          i + 1,
          h.entity_id,
          h.caption,
          h.schema,
          h.score,
          h.match,
          h.programmes.join(' '),
          h.datasets.join(' '),
          sourceIds,
          why,
        ]
          .map(esc)
          .join(','),
      );
    });
  }
  return `${lines.join('\n')}\n`;
}
