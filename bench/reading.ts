/**
 * Reading accuracy and speed: the reading engine (src/text) against the plain rule-based baseline
 * (bench/reading-baseline.ts) on every annotated set found — the shared development set
 * (../shared/data/reading) and the fixtures in bench/data/reading — scored by src/text/evaluate.ts:
 * entity and relation precision / recall / F1, schema and link accuracy (linked_id against the
 * gold sdn_uid), wrong links, negated claims emitted as positive, hedged and date agreement.
 * The gazetteer holds the bundled lists (OFAC SDN + UN), loaded into a temporary store.
 *
 * Usage: npm run bench:reading [-- --errors]   (--errors prints every miss of the engine)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBundledData } from '../src/logic/bundled.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { f1, loadAnnotatedSet, scoreArticle, sumScores, type ArticleScore, type GoldArticle } from '../src/text/evaluate.js';
import type { Extraction } from '../src/text/extraction.js';
import { Gazetteer } from '../src/text/gazetteer.js';
import { readerFor } from '../src/text/reader.js';
import { readBaseline } from './reading-baseline.js';
import { winkProperNounStarts } from './reading-wink.js';
import { sharedDataDir } from './shared-data.js';

const SHOW_ERRORS = process.argv.includes('--errors');

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!dir.endsWith('dist-bench') && dirname(dir) !== dir) dir = dirname(dir);
  return dir.endsWith('dist-bench') ? dirname(dir) : join(dirname(fileURLToPath(import.meta.url)), '..');
}

const pct = (x: number) => x.toFixed(2);

function row(label: string, s: ArticleScore): string {
  const e = f1(s.entities);
  const r = f1(s.relations);
  const matched = s.relations.tp || 1;
  return `| ${label} | ${pct(e.p)} | ${pct(e.r)} | **${pct(e.f)}** | ${pct(r.p)} | ${pct(r.r)} | **${pct(r.f)}** | ${s.linkCorrect}/${s.linkTotal} | ${s.wrongLinks} | ${s.negatedAsPositive} | ${pct(s.hedgedAgree / matched)} | ${pct(s.dateAgree / matched)} |`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tangle-reading-'));
  try {
    const store = new SqliteStore(join(dir, 'store.sqlite'));
    await ensureBundledData(store);
    // With --expose-gc (as `npm run bench:reading` runs it) the heap is measured settled on both sides.
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const g = await Gazetteer.fromStore(store);
    global.gc?.();
    const heapAfter = process.memoryUsage().heapUsed;
    await store.close();
    const engine = readerFor(g);
    const withWink = readerFor(g, { properNounStarts: winkProperNounStarts });
    console.log(`Gazetteer: ${g.names.toLocaleString('en')} names of ${g.size.toLocaleString('en')} list entities, built in ${Math.round(g.buildMs)} ms, ~${Math.round((heapAfter - heapBefore) / 1e6)} MB heap`);

    const sets: Array<[string, GoldArticle[]]> = [];
    const shared = join(sharedDataDir(), 'reading');
    const sharedSet = loadAnnotatedSet(shared);
    if (sharedSet.length === 0) console.log(`(no annotated set at ${shared}: skipped)`);
    else sets.push(['dev set (../shared/data/reading)', sharedSet]);
    const fixtures = loadAnnotatedSet(join(projectRoot(), 'bench', 'data', 'reading'));
    if (fixtures.length === 0) console.log('(no fixtures in bench/data/reading: skipped)');
    else sets.push(['fixtures (bench/data/reading)', fixtures]);

    const all: GoldArticle[] = [];
    console.log('\n| set / reader | ent P | ent R | ent F1 | rel P | rel R | rel F1 | linked_id | wrong links | negated as positive | hedged agree | date agree |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const [label, articles] of sets) {
      all.push(...articles);
      const ours: ArticleScore[] = [];
      const base: ArticleScore[] = [];
      const wink: ArticleScore[] = [];
      for (const a of articles) {
        const out: Extraction = engine.read(a.text);
        const s = scoreArticle(a, out);
        ours.push(s);
        base.push(scoreArticle(a, readBaseline(g, a.text)));
        wink.push(scoreArticle(a, withWink.read(a.text)));
        if (SHOW_ERRORS) for (const e of s.errors) console.error(`${a.name}: ${e}`);
      }
      console.log(row(`${label}: Tangle reader`, sumScores(ours)));
      console.log(row(`${label}: Tangle reader + wink-nlp PROPN filter`, sumScores(wink)));
      console.log(row(`${label}: baseline (gazetteer + co-occurrence)`, sumScores(base)));
    }

    // Speed: the annotated articles read over and over (about 2 MB), one core. CPU seconds are
    // reported beside wall seconds: on a shared machine the wall clock measures the neighbours.
    if (all.length > 0) {
      const bytes = all.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
      const rounds = Math.max(1, Math.ceil(2_000_000 / bytes));
      const cpu = () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1e6;
      };
      const time = (read: (t: string) => unknown): [number, number] => {
        const w0 = performance.now();
        const c0 = cpu();
        for (let i = 0; i < rounds; i++) for (const a of all) read(a.text);
        return [(performance.now() - w0) / 1000, cpu() - c0];
      };
      const [ourWall, ourCpu] = time((t) => engine.read(t));
      const [baseWall, baseCpu] = time((t) => readBaseline(g, t));
      const [winkWall, winkCpu] = time((t) => withWink.read(t));
      const kb = (bytes * rounds) / 1000;
      console.log(`\n| reader | kB read | wall s | CPU s | kB per CPU s | kB per wall s |`);
      console.log('|---|---|---|---|---|---|');
      console.log(`| Tangle reader | ${Math.round(kb)} | ${ourWall.toFixed(2)} | ${ourCpu.toFixed(2)} | **${Math.round(kb / ourCpu)}** | ${Math.round(kb / ourWall)} |`);
      console.log(`| Tangle reader + wink-nlp PROPN filter | ${Math.round(kb)} | ${winkWall.toFixed(2)} | ${winkCpu.toFixed(2)} | ${Math.round(kb / winkCpu)} | ${Math.round(kb / winkWall)} |`);
      console.log(`| baseline | ${Math.round(kb)} | ${baseWall.toFixed(2)} | ${baseCpu.toFixed(2)} | ${Math.round(kb / baseCpu)} | ${Math.round(kb / baseWall)} |`);
      // One long document (all articles joined, 20 times): reading must stay linear.
      const long = Array.from({ length: 20 }, () => all.map((a) => a.text).join('\n\n')).join('\n\n');
      const longKb = Buffer.byteLength(long) / 1000;
      const w0 = performance.now();
      const c0 = cpu();
      const out = engine.read(long);
      const [wall, used] = [(performance.now() - w0) / 1000, cpu() - c0];
      console.log(`| Tangle reader, one ${Math.round(longKb)} kB document (${out.entities.length} parties, ${out.relations.length} claims) | ${Math.round(longKb)} | ${wall.toFixed(2)} | ${used.toFixed(2)} | **${Math.round(longKb / used)}** | ${Math.round(longKb / wall)} |`);
      console.log(`\nLoad average during the run: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (${os.availableParallelism()} cores)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
