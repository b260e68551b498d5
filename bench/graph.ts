/**
 * Network analytics speed (issue 11), side by side with networkx and python-igraph on the same
 * graph and the same queries in one run:
 *   - the bundled lists' graph (the projection of the OFAC SDN and UN snapshots);
 *   - a synthetic graph of 1,000,000 nodes and 3,000,000 edges, generated from a seed (skewed
 *     degrees: a few hubs, many small parties; one party in twenty sanctioned).
 * Queries: shortest path (random pairs), 3-hop neighbourhood and 3-hop exposure (random parties),
 * betweenness from 1,000 sampled sources, Louvain. Each case runs in its own process so its peak
 * memory is its own. The peers read the edge list we write (node numbers, each link once).
 *
 * Usage: npm run bench:graph -- [--db STORE] [--skip-1m] [--nodes N] [--edges M] [--queries Q] [--louvain-1m]
 *   --louvain-1m  also run igraph's Louvain on the large graph (slow: over 11 CPU-minutes here)
 *   --db      a store that already holds the bundled lists (else they are loaded into a temp store)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './peers.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const has = (name: string) => process.argv.includes(name);
const SCRIPT = fileURLToPath(import.meta.url);
const PEERS = join(SCRIPT, '..', '..', '..', 'bench', 'graph_peers.py');

interface OursResult {
  label: string;
  nodes: number;
  edges: number;
  links: number;
  projection_ms: number;
  /** The first (cold) build, bundled case. */
  projection_first_ms: number | null;
  /** Of which reading the store (bundled case). */
  projection_read_ms: number | null;
  shortest_path_p50_ms: number;
  paths_with_evidence_p50_ms: number;
  hood3_p50_ms: number;
  exposure3_p50_ms: number;
  betweenness_ms: number;
  /** CPU time of the process (all threads) during betweenness: what the run costs on an idle machine. */
  betweenness_cpu_ms: number;
  betweenness_method: string;
  louvain_ms: number | null;
  communities: number | null;
  rss_mb: number;
  edges_file: string;
  queries_file: string;
}

interface PeerResult {
  peer: string;
  load_ms: number;
  shortest_path_p50_ms: number;
  hood3_p50_ms: number;
  betweenness_ms?: number;
  betweenness_cpu_ms?: number;
  betweenness_sources?: number;
  betweenness_note?: string;
  louvain_ms?: number;
  communities?: number;
  max_rss_mb: number;
}

/** Deterministic pseudo-random numbers for the synthetic graph and the queries. */
async function random(seed: number) {
  const { seededRandom } = await import('../src/graph/centrality.js');
  return seededRandom(seed);
}

function timeMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** One case, in this process: build, query, write the edge list and queries for the peers. */
async function runCase(kind: 'bundled' | 'synthetic', dir: string): Promise<OursResult> {
  const { projectStore } = await import('../src/graph/projection.js');
  const { shortestPath, findPaths } = await import('../src/graph/paths.js');
  const { exposure } = await import('../src/graph/exposure.js');
  const { bfs } = await import('../src/graph/traverse.js');
  const { brokers } = await import('../src/graph/brokers.js');
  const { louvainPartition } = await import('../src/graph/communities.js');
  type Net = import('../src/graph/network.js').Network;
  let net: Net;
  let projectionMs: number;
  let readMs: number | null = null;
  let firstMs: number | null = null;
  let label: string;
  const queries = Number(arg('--queries') ?? (kind === 'bundled' ? 300 : 100));
  if (kind === 'bundled') {
    const { SqliteStore } = await import('../src/store/sqlite.js');
    const { ensureBundledData } = await import('../src/logic/bundled.js');
    const store = new SqliteStore(arg('--db') ?? join(dir, 'bundled.sqlite'));
    if (await store.isEmpty()) await ensureBundledData(store);
    const runs: number[] = [];
    const reads: number[] = [];
    let last;
    // The median of five builds in this process: the server builds the projection again after each
    // import or review, warm; the first, cold build is reported beside it.
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      last = await projectStore(store);
      runs.push(performance.now() - t);
      reads.push(last.stats.readMs);
    }
    net = last!.network;
    projectionMs = percentile(runs, 50);
    readMs = percentile(reads, 50);
    firstMs = runs[0];
    label = 'bundled lists (OFAC SDN 2024-05-03 + UN 2026-02-27)';
    await store.close();
  } else {
    const n = Number(arg('--nodes') ?? 1_000_000);
    const m = Number(arg('--edges') ?? 3_000_000);
    const { syntheticEnds, syntheticNetwork } = await import('./synthetic-graph.js');
    const ends = syntheticEnds(n, m);
    const t = performance.now();
    net = syntheticNetwork(n, m, ends);
    projectionMs = performance.now() - t;
    label = `synthetic ${n.toLocaleString('en')} nodes / ${m.toLocaleString('en')} edges (seeded)`;
  }

  // Queries among linked parties.
  const rand = await random(7);
  const linked: number[] = [];
  for (let u = 0; u < net.nodeCount; u++) if (net.degree(u) > 0) linked.push(u);
  const pick = () => linked[Math.floor(rand() * linked.length)];
  const pairs = Array.from({ length: queries }, () => [pick(), pick()] as [number, number]).filter(
    ([a, b]) => a !== b,
  );
  const sources = Array.from({ length: queries }, pick);

  const sp = pairs.map(([a, b]) => timeMs(() => shortestPath(net, a, b, 10)));
  const withEvidence = pairs
    .slice(0, kind === 'bundled' ? 50 : 20)
    .map(([a, b]) => timeMs(() => findPaths(net, a, b, { k: 1, maxHops: 10 })));
  const hood = sources.map((s) => timeMs(() => net.withScratch((sc) => bfs(net, [s], { maxHops: 3 }, sc))));
  const exp = sources.map((s) => timeMs(() => exposure(net, s, net.nodes[s].id, { hops: 3 })));
  let bt = performance.now();
  const cpu0 = process.cpuUsage();
  const br = await brokers(net, { top: 10, sampled: true, samples: 1000, seed: 1 });
  const betweennessMs = performance.now() - bt;
  const cpu = process.cpuUsage(cpu0);
  const betweennessCpuMs = (cpu.user + cpu.system) / 1000;
  // Louvain: the median of three runs on the small graph (the peers do the same), one on the large.
  const louvainRuns: number[] = [];
  let communities = 0;
  for (let i = 0; i < (kind === 'bundled' ? 3 : 1); i++) {
    bt = performance.now();
    communities = louvainPartition(net).count;
    louvainRuns.push(performance.now() - bt);
  }
  const louvainMs = percentile(louvainRuns, 50);

  // The same graph for the peers: node numbers, each link once.
  const edgesFile = join(dir, `${kind}.edges`);
  const fd = openSync(edgesFile, 'w');
  let buf: string[] = [];
  let links = 0;
  for (let u = 0; u < net.nodeCount; u++) {
    for (let k = net.adjOffsets[u]; k < net.adjOffsets[u + 1]; k++) {
      const v = net.adj[k];
      if (u < v) {
        buf.push(`${u} ${v}`);
        links++;
      }
    }
    if (buf.length > 100000) {
      writeSync(fd, `${buf.join('\n')}\n`);
      buf = [];
    }
  }
  if (buf.length) writeSync(fd, `${buf.join('\n')}\n`);
  closeSync(fd);
  const queriesFile = join(dir, `${kind}.queries.json`);
  writeFileSync(queriesFile, JSON.stringify({ nodes: net.nodeCount, pairs, sources }));

  return {
    label,
    nodes: net.nodeCount,
    edges: net.edgeCount,
    links,
    projection_ms: projectionMs,
    projection_first_ms: firstMs,
    projection_read_ms: readMs,
    shortest_path_p50_ms: percentile(sp, 50),
    paths_with_evidence_p50_ms: percentile(withEvidence, 50),
    hood3_p50_ms: percentile(hood, 50),
    exposure3_p50_ms: percentile(exp, 50),
    betweenness_ms: betweennessMs,
    betweenness_cpu_ms: betweennessCpuMs,
    betweenness_method: br.method,
    louvain_ms: louvainMs,
    communities,
    rss_mb: process.resourceUsage().maxRSS / 1024,
    edges_file: edgesFile,
    queries_file: queriesFile,
  };
}

function python(): string {
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

function runPeer(peer: string, ours: OursResult, extra: string[]): PeerResult {
  const out = execFileSync(python(), [PEERS, ours.edges_file, ours.queries_file, peer, ...extra], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  return JSON.parse(out) as PeerResult;
}

const fmt = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || Number.isNaN(x)
    ? '—'
    : x >= 100
      ? Math.round(x).toLocaleString('en')
      : x.toFixed(digits);
const ratio = (peer: number | null | undefined, ours: number | null | undefined): string =>
  peer && ours ? `${(peer / ours).toFixed(1)}×` : '—';

function table(
  ours: OursResult,
  nx: PeerResult | undefined,
  ig: PeerResult | undefined,
  notes: string[],
): string {
  const rows: string[][] = [];
  const row = (what: string, o: number | null, n: number | null | undefined, i: number | null | undefined) =>
    rows.push([what, fmt(o), fmt(n), ratio(n, o), fmt(i), ratio(i, o)]);
  row(
    'build the graph (ms): Tangle from the store, peers from the edge list',
    ours.projection_ms,
    nx?.load_ms,
    ig?.load_ms,
  );
  row(
    'shortest path p50 (ms)',
    ours.shortest_path_p50_ms,
    nx?.shortest_path_p50_ms,
    ig?.shortest_path_p50_ms,
  );
  row('3-hop neighbourhood p50 (ms)', ours.hood3_p50_ms, nx?.hood3_p50_ms, ig?.hood3_p50_ms);
  row(
    'betweenness, 1,000 sampled sources (ms, wall)',
    ours.betweenness_ms,
    nx?.betweenness_ms,
    ig?.betweenness_ms,
  );
  row(
    '  the same, CPU time of all threads (ms)',
    ours.betweenness_cpu_ms,
    nx?.betweenness_cpu_ms,
    ig?.betweenness_cpu_ms,
  );
  row('Louvain (ms)', ours.louvain_ms, nx?.louvain_ms, ig?.louvain_ms);
  row('peak memory (MB)', ours.rss_mb, nx?.max_rss_mb, ig?.max_rss_mb);
  const lines = [
    `### ${ours.label}`,
    '',
    `${ours.nodes.toLocaleString('en')} nodes, ${ours.edges.toLocaleString('en')} edges (${ours.links.toLocaleString('en')} distinct links). ` +
      (ours.projection_read_ms !== null
        ? `Projection ${fmt(ours.projection_ms)} ms (median of 5 in one process; the first, cold: ${fmt(ours.projection_first_ms ?? 0)} ms), of which reading the store ${fmt(ours.projection_read_ms)} ms. `
        : '') +
      `Tangle also: 3-hop exposure p50 ${fmt(ours.exposure3_p50_ms)} ms, path with evidence (k=1) p50 ${fmt(ours.paths_with_evidence_p50_ms)} ms; ${ours.betweenness_method}.`,
    '',
    '| query | Tangle | networkx | networkx / Tangle | igraph | igraph / Tangle |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const kind = arg('--case');
  if (kind === 'bundled' || kind === 'synthetic') {
    // Child: one case, its result as JSON on stdout.
    process.stdout.write(JSON.stringify(await runCase(kind, arg('--dir')!)));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tangle-bench-graph-'));
  try {
    const child = (c: string, heap: string): OursResult =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [`--max-old-space-size=${heap}`, SCRIPT, '--case', c, '--dir', dir, ...process.argv.slice(2)],
          {
            encoding: 'utf8',
            maxBuffer: 16 << 20,
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        ),
      ) as OursResult;
    const out: string[] = [];
    process.stderr.write('bundled lists: Tangle…\n');
    const bundled = child('bundled', '4000');
    process.stderr.write('bundled lists: networkx, igraph…\n');
    const bnx = runPeer('networkx', bundled, ['--louvain', '--betweenness-sources', '1000']);
    const big = runPeer('igraph', bundled, ['--louvain', '--betweenness-sources', '1000']);
    out.push(
      table(bundled, bnx, big, [
        'networkx: `betweenness_centrality(k=1000, seed=1)`; python-igraph 0.10 cannot restrict betweenness to sampled sources, so its figure is an estimate (two BFS passes per source, timed as 1,000 BFS trees).',
      ]),
    );
    process.stdout.write(`${out[0]}\n`);
    if (!has('--skip-1m')) {
      process.stderr.write('synthetic 1M: Tangle…\n');
      const synth = child('synthetic', '7000');
      process.stderr.write('synthetic 1M: networkx, igraph…\n');
      const nxSources = 3;
      const snx = runPeer('networkx', synth, ['--betweenness-sources', String(nxSources)]);
      // igraph's Louvain on the large graph only with --louvain-1m: it ran for over 11 CPU-minutes here
      // without finishing.
      const sig = runPeer('igraph', synth, [
        ...(has('--louvain-1m') ? ['--louvain'] : []),
        '--betweenness-sources',
        '20',
      ]);
      // Betweenness time per source × 1,000 for the peers (too slow to run 1,000 sources here).
      for (const p of [snx, sig]) {
        if (!p.betweenness_sources || !p.betweenness_ms) continue;
        const scale = 1000 / p.betweenness_sources;
        p.betweenness_ms *= scale;
        if (p.betweenness_cpu_ms) p.betweenness_cpu_ms *= scale;
      }
      const section = table(synth, snx, sig, [
        `networkx betweenness: ${nxSources} sampled sources timed, × 1,000/${nxSources}; igraph: 20 BFS trees timed, × 2 per source, × 1,000/20 (estimates).`,
        `Louvain on the large graph: igraph's only with \`--louvain-1m\` (${has('--louvain-1m') ? 'given' : 'not given: python-igraph 0.10 ran for over 11 CPU-minutes here without finishing'}); networkx's never (many minutes).`,
      ]);
      out.push(section);
      process.stdout.write(`${section}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
