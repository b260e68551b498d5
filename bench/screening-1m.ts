/**
 * Screening at scale: a synthetic list of 1,000,000 entities whose names recombine the given
 * names, family names and organisation words of the real lists, so name frequencies look like a
 * real list's. Measures index build time, peak RSS and query latency; the peers (fuse.js and a
 * brute-force Jaro-Winkler scan) answer a small share of the same queries, since each of their
 * queries scans the whole list.
 *
 * Usage: npm run bench:screening-1m -- [--entities N] [--queries N] [--peer-queries N]
 */
import Fuse from 'fuse.js';
import { join } from 'node:path';
import { importFiles } from '../src/logic/import.js';
import { CandidateIndex } from '../src/match/candidate-index.js';
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
const N = arg('--entities', 1_000_000);
const QUERIES = arg('--queries', 500);
const PEER_QUERIES = arg('--peer-queries', 10);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Name parts from the real lists.
const store = new SqliteStore(':memory:');
await importFiles(store, {
  format: 'ofac-csv',
  paths: [join(SHARED, 'ofac/sdn-history/sdn-2024-05-03.csv.gz')],
});
await importFiles(store, { format: 'un-xml', paths: [join(SHARED, 'un/un-consolidated-2026-02-27.xml.gz')] });
const given = new Set<string>();
const family = new Set<string>();
const orgWords = new Set<string>();
for (const r of store.currentEntitiesSync()) {
  for (const name of r.properties.name ?? []) {
    if (r.schema === 'Person' && name.includes(',')) {
      const [f, g] = name.split(',');
      if (f.trim()) family.add(f.trim());
      for (const w of g.trim().split(/\s+/)) if (w.length > 1) given.add(w);
    } else if (r.schema === 'Organization' || r.schema === 'Company') {
      for (const w of name.split(/\s+/)) if (w.length > 2) orgWords.add(w);
    }
  }
}
await store.close();
const G = [...given];
const F = [...family];
const O = [...orgWords];
const rand = rng(7);
const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];

const tGen = performance.now();
const records: EntityRecord[] = [];
for (let i = 0; i < N; i++) {
  const person = rand() < 0.7;
  const name = person
    ? `${pick(F)}, ${pick(G)}${rand() < 0.4 ? ` ${pick(G)}` : ''}`
    : `${pick(O)} ${pick(O)}${rand() < 0.5 ? ` ${pick(O)}` : ''}`;
  const properties: Record<string, string[]> = { name: [name] };
  if (rand() < 0.2) properties.alias = [person ? `${pick(G)} ${pick(F)}` : `${pick(O)} ${pick(O)}`];
  records.push({
    id: `syn-${i}`,
    schema: person ? 'Person' : 'Organization',
    caption: name,
    datasets: ['synthetic'],
    recordIds: { synthetic: [String(i)] },
    properties,
    firstSeen: '2026-01-01',
    lastSeen: '2026-01-01',
    lastChange: '2026-01-01',
  });
}
const genMs = performance.now() - tGen;

const t0 = performance.now();
const index = CandidateIndex.build(records, { eager: false });
const buildMs = performance.now() - t0;
const rssAfterBuild = process.memoryUsage().rss / 2 ** 20;

// Queries: synthetic names reordered or with one typo.
const queries = Array.from({ length: QUERIES }, () => {
  const e = records[Math.floor(rand() * records.length)];
  let name = e.properties.name[0];
  if (e.schema === 'Person' && rand() < 0.5) {
    const [f, g] = name.split(',');
    name = `${g.trim()} ${f.trim()}`;
  } else if (name.length > 8 && rand() < 0.5) {
    const k = 2 + Math.floor(rand() * (name.length - 4));
    name = name.slice(0, k) + name[k + 1] + name[k] + name.slice(k + 2);
  }
  return { truth: e.id, schema: e.schema, name };
});

const times: number[] = [];
let found = 0;
for (const q of queries) {
  const t = performance.now();
  const hits = index.screen(
    { schema: q.schema, properties: { name: [q.name] } },
    { limit: 5, includeNonMatches: true },
  );
  times.push(performance.now() - t);
  if (hits.hits.some((h) => h.entity.id === q.truth)) found++;
}

// Peers on the first PEER_QUERIES queries.
const peerQueries = queries.slice(0, PEER_QUERIES);
const keys = records.map((r) => sortedTokens(r.properties.name[0]));
const jwTimes: number[] = [];
let jwFound = 0;
for (const q of peerQueries) {
  const t = performance.now();
  const key = sortedTokens(q.name);
  let best = -1;
  let bestId = '';
  for (let i = 0; i < keys.length; i++) {
    const s = jaroWinkler(key, keys[i]);
    if (s > best) {
      best = s;
      bestId = records[i].id;
    }
  }
  jwTimes.push(performance.now() - t);
  if (bestId === q.truth) jwFound++;
}
const tf = performance.now();
const fuse = new Fuse(
  records.map((r) => ({ id: r.id, name: r.properties.name[0] })),
  { keys: ['name'], threshold: 0.4, ignoreLocation: true },
);
const fuseBuild = performance.now() - tf;
const fuseTimes: number[] = [];
let fuseFound = 0;
for (const q of peerQueries) {
  const t = performance.now();
  const r = fuse.search(q.name, { limit: 5 });
  fuseTimes.push(performance.now() - t);
  if (r.some((x) => x.item.id === q.truth)) fuseFound++;
}

const rows = [
  [
    'Tangle index (lazy analyses)',
    buildMs.toFixed(0),
    percentile(times, 50).toFixed(1),
    percentile(times, 99).toFixed(1),
    `${((100 * found) / queries.length).toFixed(1)} % of ${queries.length}`,
  ],
  [
    'fuse.js 7',
    fuseBuild.toFixed(0),
    percentile(fuseTimes, 50).toFixed(0),
    percentile(fuseTimes, 99).toFixed(0),
    `${((100 * fuseFound) / peerQueries.length).toFixed(0)} % of ${peerQueries.length}`,
  ],
  [
    'brute-force Jaro-Winkler',
    '0',
    percentile(jwTimes, 50).toFixed(0),
    percentile(jwTimes, 99).toFixed(0),
    `${((100 * jwFound) / peerQueries.length).toFixed(0)} % of ${peerQueries.length}`,
  ],
];
const headers = ['matcher', 'build ms', 'p50 ms', 'p99 ms', 'recall@5'];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const fmt = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(
  `${N.toLocaleString('en')} synthetic entities (generated in ${(genMs / 1000).toFixed(1)} s from ${G.length} given names, ${F.length} family names, ${O.length} organisation words); ${index.keyCount.toLocaleString('en')} index keys`,
);
console.log(fmt(headers));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(fmt(r));
console.log('');
console.log(
  `p50 Tangle vs fuse.js: ${(percentile(fuseTimes, 50) / percentile(times, 50)).toFixed(0)}× faster; vs brute force: ${(percentile(jwTimes, 50) / percentile(times, 50)).toFixed(0)}× faster`,
);
console.log(
  `RSS after index build ${rssAfterBuild.toFixed(0)} MB; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes the peers' copies)`,
);
