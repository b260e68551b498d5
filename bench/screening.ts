/**
 * Screening speed and recall against the real lists, side by side with two peers on the same
 * entities and the same queries in one run:
 *   - fuse.js, the fuzzy-search library JavaScript developers reach for;
 *   - a brute-force scan scoring every list name with Jaro-Winkler (sorted tokens), what a
 *     simple screening script does.
 *
 * Queries are list names disguised the way customer data disguises them: reordered name parts,
 * a typo, a dropped middle name, lower case without accents, a legal form written differently,
 * and (for Russian names) Cyrillic script. A query is found when its source entity is among the
 * top 5 results at or above the matcher's threshold.
 *
 * Usage: npm run bench:screening -- [--queries N] [--slowest N] [--tangle-only]   (needs ../shared/data)
 * `--tangle-only` skips the peers (a diagnostic for working on Tangle's own figures).
 */
import anyAscii from 'any-ascii';
import Fuse from 'fuse.js';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { importFiles } from '../src/logic/import.js';
import { screenBook } from '../src/logic/screening.js';
import { ScreeningPool } from '../src/logic/screening-pool.js';
import type { BookRow } from '../src/match/book.js';
import { buildQuery } from '../src/match/query.js';
import { CandidateIndex, isScreenable } from '../src/match/candidate-index.js';
import { jaroWinkler } from '../src/match/distance.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { EntityRecord } from '../src/store/store.js';
import { percentile, sortedTokens } from './peers.js';
import { sharedDataDir } from './shared-data.js';

const SHARED = sharedDataDir();
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const QUERY_COUNT = arg('--queries', 1000);

/** Deterministic pseudo-random numbers, so every run uses the same queries. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  y: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'ц',
};
function toCyrillic(name: string): string {
  return name
    .toLowerCase()
    .replace(/kh/g, 'х')
    .replace(/zh/g, 'ж')
    .replace(/ch/g, 'ч')
    .replace(/sh/g, 'ш')
    .replace(/yu/g, 'ю')
    .replace(/ya/g, 'я')
    .replace(/[a-z]/g, (c) => LATIN_TO_CYRILLIC[c] ?? c);
}

interface Query {
  truth: string;
  schema: string;
  name: string;
  how: string;
}

function disguise(e: EntityRecord, rand: () => number): Query {
  const name = e.properties.name?.[0] ?? e.caption;
  const schema = ['Person', 'Vessel', 'Airplane'].includes(e.schema) ? e.schema : 'LegalEntity';
  const words = name.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const person = e.schema === 'Person' && name.includes(',');
  const given = person ? name.split(',')[1].trim() : '';
  const family = person ? name.split(',')[0].trim() : '';
  const pick = rand();
  let out = name;
  let how = 'exact';
  if (person && pick < 0.25) {
    out = `${given} ${family}`;
    how = 'reordered';
  } else if (pick < 0.45) {
    // One typo in the longest word: a swapped pair of letters.
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length >= 6) {
      const k = 1 + Math.floor(rand() * (longest.length - 3));
      const typo = longest.slice(0, k) + longest[k + 1] + longest[k] + longest.slice(k + 2);
      out = name.replace(longest, typo);
      how = 'typo';
    }
  } else if (person && pick < 0.6 && given.split(' ').length > 1) {
    out = `${given.split(' ')[0]} ${family}`;
    how = 'dropped middle name';
  } else if (pick < 0.75) {
    out = anyAscii(name).toLowerCase();
    how = 'lower case, no accents';
  } else if (
    !person &&
    pick < 0.85 &&
    /\b(LLC|LTD|LIMITED|COMPANY|CO\.|CORPORATION|S\.A\.)\s*$/i.test(name)
  ) {
    out = name
      .replace(/\bLIMITED\b/i, 'Ltd')
      .replace(/\bLLC\b/i, 'Limited Liability Company')
      .replace(/\bCOMPANY\b/i, 'Co.')
      .replace(/\bCORPORATION\b/i, 'Corp');
    how = 'legal form rewritten';
  } else if (
    person &&
    pick < 0.95 &&
    (e.properties.nationality ?? e.properties.citizenship ?? []).includes('ru')
  ) {
    out = toCyrillic(`${family} ${given}`);
    how = 'Cyrillic';
  }
  return { truth: e.id, schema, name: out, how };
}

async function loadLists(): Promise<EntityRecord[]> {
  const store = new SqliteStore(':memory:');
  const imports: Array<[string, string[]]> = [
    ['ofac-csv', [join(SHARED, 'ofac/sdn-history/sdn-2024-05-03.csv.gz')]],
    ['un-xml', [join(SHARED, 'un/un-consolidated-2026-02-27.xml.gz')]],
    [
      'ofac-cons-csv',
      ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'].map((f) =>
        join(SHARED, 'us-non-sdn', f),
      ),
    ],
    ['us-csl', [join(SHARED, 'us-csl/csl-2019.csv')]],
    ['senzing', [join(SHARED, 'peps/us-congress-senzing.json')]],
  ];
  for (const [format, paths] of imports)
    await importFiles(store, { format, paths, versionDate: '2026-01-01' });
  const records = [...store.currentEntitiesSync()];
  await store.close();
  return records;
}

interface PeerResult {
  name: string;
  buildMs: number;
  times: number[];
  found: number;
  byHow: Map<string, { n: number; found: number }>;
}

function run(name: string, queries: Query[], buildMs: number, search: (q: Query) => string[]): PeerResult {
  const times: number[] = [];
  let found = 0;
  const byHow = new Map<string, { n: number; found: number }>();
  for (const q of queries) {
    const t0 = performance.now();
    const ids = search(q);
    times.push(performance.now() - t0);
    const hit = ids.includes(q.truth);
    if (hit) found++;
    const h = byHow.get(q.how) ?? { n: 0, found: 0 };
    h.n++;
    if (hit) h.found++;
    byHow.set(q.how, h);
  }
  return { name, buildMs, times, found, byHow };
}

const records = (await loadLists()).filter((r) => isScreenable(r.schema) && r.properties.name?.length);
const rand = rng(42);
const sample: EntityRecord[] = [];
for (let i = 0; i < QUERY_COUNT; i++) sample.push(records[Math.floor(rand() * records.length)]);
const queries = sample.map((e) => disguise(e, rand));

// Tangle
let t0 = performance.now();
const index = CandidateIndex.build(records);
const tangleBuild = performance.now() - t0;
for (const q of queries.slice(0, 50)) index.screen({ schema: q.schema, properties: { name: [q.name] } }); // warm-up
const tangle = run('Tangle (index + tangle-v1)', queries, tangleBuild, (q) =>
  index
    .screen({ schema: q.schema, properties: { name: [q.name] } }, { limit: 5 })
    .hits.map((h) => h.entity.id),
);
// Diagnostics: `--slowest N` lists Tangle's N slowest queries.
const SLOWEST = arg('--slowest', 0);
if (SLOWEST > 0) {
  const order = tangle.times.map((ms, i) => ({ ms, q: queries[i]! })).sort((a, b) => b.ms - a.ms);
  for (const { ms, q } of order.slice(0, SLOWEST))
    console.log(`slow: ${ms.toFixed(2)} ms  ${q.how}  ${q.name}`);
}

// Batch throughput: a book of other disguised list names (5 × the query count, drawn afresh, so
// that no row repeats a query already answered), with the JSON results a book run writes, in this
// thread and on a pool of worker threads (one per core, each with its own index). Measured before
// the peers run, so that their data is not in this thread's heap.
const BOOK_ROWS = 5 * QUERY_COUNT;
function bookRowsOf(source: Iterable<Query>): BookRow[] {
  const out: BookRow[] = [];
  for (const q of source) {
    const input = { name: q.name, schema: q.schema };
    let query;
    try {
      query = buildQuery(input); // a book refuses names with control characters (a few list names have them)
    } catch {
      continue;
    }
    out.push({ line: out.length + 2, id: String(out.length), input, query });
  }
  return out;
}
const bookRand = rng(7);
const bookRows = bookRowsOf(
  (function* () {
    for (let n = 0; n < BOOK_ROWS; n++)
      yield disguise(records[Math.floor(bookRand() * records.length)]!, bookRand);
  })(),
);
t0 = performance.now();
const single = screenBook(index, bookRows, { limit: 5 });
const batchPerSecond = bookRows.length / ((performance.now() - t0) / 1000);
const threads = availableParallelism();
t0 = performance.now();
const pool = await ScreeningPool.start(records, threads);
const poolStartMs = performance.now() - t0;
// The one-thread figure above comes from an index that has already answered the single queries
// (compiled code warm); give the pool the same queries first, and report that cold pass.
const warmRows = bookRowsOf(queries);
t0 = performance.now();
await pool.screen(warmRows, { limit: 5 });
const poolColdPerSecond = warmRows.length / ((performance.now() - t0) / 1000);
t0 = performance.now();
const pooled = await pool.screen(bookRows, { limit: 5 });
const poolPerSecond = bookRows.length / ((performance.now() - t0) / 1000);
await pool.close();
const sameResults = JSON.stringify(pooled) === JSON.stringify(single.results);

// fuse.js over every name and alias
interface Doc {
  id: string;
  names: string[];
}
const docs: Doc[] = records.map((r) => ({
  id: r.id,
  names: [...(r.properties.name ?? []), ...(r.properties.alias ?? [])],
}));
t0 = performance.now();
const fuse = new Fuse(docs, { keys: ['names'], includeScore: true, threshold: 0.4, ignoreLocation: true });
const fuseBuild = performance.now() - t0;
const TANGLE_ONLY = process.argv.includes('--tangle-only');
const fuseResult = run('fuse.js 7 (threshold 0.4)', TANGLE_ONLY ? [] : queries, fuseBuild, (q) =>
  fuse.search(q.name, { limit: 5 }).map((r) => r.item.id),
);

// Brute-force Jaro-Winkler over sorted, transliterated tokens
t0 = performance.now();
const flat: Array<{ id: string; key: string }> = [];
for (const d of docs) for (const n of d.names) flat.push({ id: d.id, key: sortedTokens(n) });
const jwBuild = performance.now() - t0;
const jw = run('brute-force Jaro-Winkler ≥ 0.9', TANGLE_ONLY ? [] : queries, jwBuild, (q) => {
  const key = sortedTokens(q.name);
  const best: Array<{ id: string; s: number }> = [];
  for (const f of flat) {
    const s = jaroWinkler(key, f.key);
    if (s >= 0.9) best.push({ id: f.id, s });
  }
  best.sort((a, b) => b.s - a.s);
  return [...new Set(best.map((b) => b.id))].slice(0, 5);
});

const results = [tangle, fuseResult, jw];
const rows = results.map((r) => [
  r.name,
  r.buildMs.toFixed(0),
  percentile(r.times, 50).toFixed(2),
  percentile(r.times, 99).toFixed(2),
  `${((100 * r.found) / queries.length).toFixed(1)} %`,
  (r === tangle ? 1 : percentile(r.times, 50) / percentile(tangle.times, 50)).toFixed(1),
]);
const headers = ['matcher', 'build ms', 'p50 ms', 'p99 ms', 'recall@5', 'p50 vs Tangle'];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const fmt = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(
  `${records.length} screenable entities (OFAC SDN 2024-05-03, UN 2026-02-27, OFAC non-SDN, CSL 2019, US Congress PEPs); ${queries.length} queries`,
);
console.log(fmt(headers));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(fmt(r));
console.log('');
const hows = [...tangle.byHow.keys()].sort();
console.log(fmt(['disguise', 'queries', ...results.map((r) => r.name.split(' ')[0])]));
for (const how of hows) {
  const n = tangle.byHow.get(how)!.n;
  console.log(
    fmt([
      how,
      String(n),
      ...results.map((r) => `${((100 * (r.byHow.get(how)?.found ?? 0)) / n).toFixed(0)} %`),
    ]),
  );
}
console.log('');
console.log(
  `Tangle batch screening (${bookRows.length} rows, JSON results with explanations): ` +
    `${Math.round(batchPerSecond)} names/s in one thread; ${Math.round(poolPerSecond)} names/s on ${threads} worker threads ` +
    `(${(poolPerSecond / batchPerSecond).toFixed(2)}×; its first, cold pass over the ${warmRows.length} single queries: ${Math.round(poolColdPerSecond)} names/s; ` +
    `pool start-up with its index builds ${(poolStartMs / 1000).toFixed(1)} s; ` +
    `results ${sameResults ? 'identical' : 'DIFFERENT'})`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
