/**
 * Accuracy of the name matcher on the labelled pairs in ../shared/data/matching:
 *
 *   npm run bench:accuracy -- [path/to/entity-checks.yml] [path/to/ofac-search-tool-scores.csv]
 *
 * Prints precision/recall/F1 at each algorithm's default threshold and at its best threshold,
 * rank agreement with the scores OFAC's own search tool gave, the pairs judged wrongly, and the
 * time per pair. Then the same for bench/data/name-pairs.csv: 647 name pairs written for this
 * project (transliterations, scripts, legal forms, vessels, and 39 % hard negatives), scored the
 * way `tangle match-pairs` scores them, with accuracy per category.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeEntityNames, prepareQuery, scoreEntity } from '../src/match/entity.js';
import { scorePair } from '../src/match/pairs.js';
import {
  bestThreshold,
  evaluateAt,
  kendallTau,
  type LabelledPair,
  type ScoredPair,
  scorePairs,
  spearman,
} from '../src/match/evaluate.js';
import { parseCsv } from '../src/sources/csv.js';
import { sharedDataDir } from './shared-data.js';

function unquote(v: string): string {
  const s = v.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1).replace(/\\"/g, '"');
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/**
 * Reader for the small YAML subset of entity-checks.yml: a top-level `checks:` list of mappings
 * with scalar values and two nested mappings (`query`, `candidate`) of property → value (or list
 * of values); plain scalars may continue on more-indented lines; `#` comments.
 */
export function readEntityChecks(text: string): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  let item: Record<string, unknown> | undefined;
  let nested: Record<string, string[]> | undefined;
  let lastKey:
    | {
        target: Record<string, unknown> | Record<string, string[]>;
        key: string;
        indent: number;
        list: boolean;
      }
    | undefined;
  const finish = (): void => {
    if (!item) return;
    const schema = String(item.schema ?? 'LegalEntity');
    const q = (item.query as Record<string, string[]>) ?? {};
    const c = (item.candidate as Record<string, string[]>) ?? {};
    pairs.push({
      schema,
      match: item.match === 'true',
      label: item.label as string | undefined,
      query: { schema, properties: q },
      candidate: { schema, properties: c },
    });
  };
  const lines = text.split(/\r?\n/);
  for (const raw of lines) {
    const noComment = /^\s*#/.test(raw) ? '' : raw;
    if (!noComment.trim()) continue;
    const indent = noComment.length - noComment.trimStart().length;
    let line = noComment.trim();
    if (line === 'checks:') continue;
    if (line.startsWith('- ') && indent <= 2) {
      finish();
      item = {};
      nested = undefined;
      line = line.slice(2);
    }
    if (!item) continue;
    const kv = /^([A-Za-z_][\w]*):(?:\s+(.*))?$/.exec(line);
    if (kv && !(lastKey && indent > lastKey.indent && !kv[2] && false)) {
      const key = kv[1]!;
      const value = kv[2];
      const itemIndent = 4;
      if (indent <= itemIndent) {
        if (value === undefined || value === '') {
          nested = {};
          item[key] = nested;
          lastKey = undefined;
        } else {
          item[key] = unquote(value);
          nested = undefined;
          lastKey = { target: item, key, indent, list: false };
        }
      } else if (nested) {
        if (value === undefined || value === '') {
          nested[key] = [];
          lastKey = { target: nested, key, indent, list: true };
        } else {
          nested[key] = [unquote(value)];
          lastKey = { target: nested, key, indent, list: true };
        }
      }
      continue;
    }
    if (line.startsWith('- ') && lastKey?.list) {
      (lastKey.target as Record<string, string[]>)[lastKey.key]!.push(unquote(line.slice(2)));
      continue;
    }
    if (lastKey && indent > lastKey.indent) {
      // Continuation of a plain scalar.
      if (lastKey.list) {
        const arr = (lastKey.target as Record<string, string[]>)[lastKey.key]!;
        arr[arr.length - 1] = `${arr[arr.length - 1]} ${line}`;
      } else {
        const t = lastKey.target as Record<string, unknown>;
        t[lastKey.key] = `${String(t[lastKey.key])} ${line}`;
      }
    }
  }
  finish();
  return pairs;
}

export interface OfacScore {
  query: string;
  result: string;
  ofac: number;
}

/** Rows of ofac-search-tool-scores.csv; -1 means "not returned" and is kept as -1. */
export function readOfacScores(text: string, file: string): OfacScore[] {
  const rows = [...parseCsv(text, file)];
  const header = rows.shift()?.fields ?? [];
  const qi = header.indexOf('query_name');
  const ri = header.indexOf('result_name');
  const si = header.indexOf('ofac_score');
  return rows.map((r) => ({ query: r.fields[qi]!, result: r.fields[ri]!, ofac: Number(r.fields[si]) }));
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** bench/data/name-pairs.csv through scorePair (what `tangle match-pairs` does), per algorithm. */
function namePairs(): void {
  const file = fileURLToPath(new URL('../../bench/data/name-pairs.csv', import.meta.url));
  const rows = [...parseCsv(readFileSync(file, 'utf8'), file)].slice(1).map((r) => r.fields);
  console.log(
    `\n${file}: ${rows.length} name pairs (${rows.filter((r) => r[3] === 'true').length} matches)\n`,
  );
  console.log('| algorithm    | threshold | precision | recall |   F1  | best t | best F1 |');
  console.log('|--------------|-----------|-----------|--------|-------|--------|---------|');
  let tangle: ScoredPair[] = [];
  for (const algorithm of ['tangle-v1', 'jaro-winkler']) {
    let threshold = 0.7;
    const scored: ScoredPair[] = rows.map(([schema, name1, name2, match]) => {
      const r = scorePair(schema!, name1!, name2!, { algorithm, explain: false });
      threshold = r.threshold;
      const side = { schema: schema!, properties: { name: [name1!] } };
      return {
        pair: { schema: schema!, match: match === 'true', query: side, candidate: side },
        score: r.score,
      };
    });
    if (algorithm === 'tangle-v1') tangle = scored;
    const e = evaluateAt(scored, threshold);
    const b = bestThreshold(scored);
    console.log(
      `| ${pad(algorithm, 12)} | ${threshold.toFixed(2).padStart(9)} | ${e.precision.toFixed(3).padStart(9)} | ${e.recall.toFixed(3).padStart(6)} | ${e.f1.toFixed(3)} | ${b.threshold.toFixed(3).padStart(6)} | ${b.f1.toFixed(3).padStart(7)} |`,
    );
  }
  const byCategory = new Map<string, { n: number; right: number }>();
  tangle.forEach((s, i) => {
    const c = byCategory.get(rows[i]![4]!) ?? { n: 0, right: 0 };
    c.n++;
    if (s.score >= 0.7 === s.pair.match) c.right++;
    byCategory.set(rows[i]![4]!, c);
  });
  console.log('\n| category (pos: recall, neg: rejected) | pairs | tangle-v1 |');
  console.log('|---------------------------------------|-------|-----------|');
  for (const [cat, c] of [...byCategory].sort())
    console.log(
      `| ${pad(cat, 37)} | ${String(c.n).padStart(5)} | ${((100 * c.right) / c.n).toFixed(0).padStart(7)} % |`,
    );
}

function main(): void {
  const dataDir = sharedDataDir();
  const checksPath = resolve(process.argv[2] ?? join(dataDir, 'matching', 'entity-checks.yml'));
  const ofacPath = resolve(process.argv[3] ?? join(dataDir, 'matching', 'ofac-search-tool-scores.csv'));
  const pairs = readEntityChecks(readFileSync(checksPath, 'utf8'));
  console.log(
    `${checksPath}: ${pairs.length} labelled pairs (${pairs.filter((p) => p.match).length} matches)\n`,
  );
  console.log('| algorithm    | threshold | precision | recall |   F1  | best t | best F1 |');
  console.log('|--------------|-----------|-----------|--------|-------|--------|---------|');
  for (const algorithm of ['tangle-v1', 'name-only', 'jaro-winkler']) {
    const scored = scorePairs(pairs, { algorithm });
    const def = scoreEntity(pairs[0]!.query, pairs[0]!.candidate, { algorithm }).threshold;
    const e = evaluateAt(scored, def);
    const b = bestThreshold(scored);
    console.log(
      `| ${pad(algorithm, 12)} | ${def.toFixed(2).padStart(9)} | ${e.precision.toFixed(3).padStart(9)} | ${e.recall.toFixed(3).padStart(6)} | ${e.f1.toFixed(3)} | ${b.threshold.toFixed(3).padStart(6)} | ${b.f1.toFixed(3).padStart(7)} |`,
    );
  }
  const scored = scorePairs(pairs);
  const e = evaluateAt(scored, 0.7);
  console.log(`\ntangle-v1 errors at 0.70 (${e.errors.length}):`);
  for (const err of e.errors) {
    const qn = Object.values(err.pair.query.properties).flat().join(' / ');
    const cn = Object.values(err.pair.candidate.properties).flat().join(' / ');
    console.log(
      `  ${err.pair.match ? 'FN' : 'FP'} ${err.score.toFixed(3)} ${err.pair.schema}: ${qn}  ~  ${cn}`,
    );
  }

  namePairs();

  // Rank agreement with OFAC's search tool.
  const ofac = readOfacScores(readFileSync(ofacPath, 'utf8'), ofacPath);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (const row of ofac) {
    const q = prepareQuery({ schema: 'LegalEntity', properties: { name: [row.query] } });
    ours.push(
      scoreEntity(q, { schema: 'LegalEntity', properties: { name: [row.result] } }, { explain: false }).score,
    );
    theirs.push(row.ofac < 0 ? 0 : row.ofac);
  }
  console.log(
    `\nrank agreement with OFAC search tool scores (${ofac.length} pairs): Spearman ${spearman(ours, theirs).toFixed(3)}, Kendall tau-b ${kendallTau(ours, theirs).toFixed(3)}`,
  );

  // Timing (CPU time, so that other work on the machine counts less): pairs scored with prepared
  // queries and analysed candidates, as a screening index does; then cold, analysing both sides
  // and explaining every feature.
  const prepared = pairs.map((p) => ({ q: prepareQuery(p.query), c: analyzeEntityNames(p.candidate) }));
  const quiet = { explain: false };
  let sink = 0;
  const cpu = (): number => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  // Warm up until the JIT has settled, then measure the steady state.
  for (let r = 0; r < 300; r++) for (const p of prepared) sink += scoreEntity(p.q, p.c, quiet).score;
  const rounds = 300;
  const t0 = cpu();
  for (let r = 0; r < rounds; r++) for (const p of prepared) sink += scoreEntity(p.q, p.c, quiet).score;
  const perPair = (cpu() - t0) / (rounds * prepared.length);
  const t2 = cpu();
  for (let r = 0; r < 20; r++) for (const p of pairs) sink += scoreEntity(p.query, p.candidate).score;
  const cold = (cpu() - t2) / (20 * pairs.length);
  const t4 = cpu();
  for (let r = 0; r < 20; r++) for (const p of pairs) sink += analyzeEntityNames(p.candidate).names.length;
  const analyse = (cpu() - t4) / (20 * pairs.length);
  console.log('\n| timing (CPU)                                   | µs per pair |');
  console.log('|------------------------------------------------|-------------|');
  console.log(`| prepared query × analysed candidate, no explain | ${perPair.toFixed(2).padStart(11)} |`);
  console.log(`| analyse candidate (once per list entity)        | ${analyse.toFixed(1).padStart(11)} |`);
  console.log(`| cold: analyse both, score, explain              | ${cold.toFixed(1).padStart(11)} |`);
  if (!(sink > 0)) console.log('(no scores?)');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
