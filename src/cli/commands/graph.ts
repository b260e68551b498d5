/**
 * `tangle graph …`: network analytics over the projection of the store (and document claims).
 * Each subcommand builds the projection, runs one query from src/graph and prints a table, or
 * the query's JSON with --json.
 */
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { UsageError } from '../../errors.js';
import { buildIndex } from '../../logic/screening.js';
import { communities } from '../../graph/communities.js';
import { convergence } from '../../graph/convergence.js';
import { EXPORT_FORMATS, exportNetwork, type ExportFormat } from '../../graph/export.js';
import { scenario } from '../../graph/scenario.js';
import { timeline } from '../../graph/timeline.js';
import { brokers } from '../../graph/brokers.js';
import { exposure, screenedExposure } from '../../graph/exposure.js';
import { boundedInt, LIMITS } from '../../graph/limits.js';
import { requireNode, UnknownPartyError } from '../../graph/lookup.js';
import { neighbours } from '../../graph/neighbours.js';
import { findPaths } from '../../graph/paths.js';
import { projectStore, type Projection } from '../../graph/projection.js';
import { graphWiring, screenName } from '../../graph/wiring.js';
import type { Store } from '../../store/store.js';
import { withDb, withStore, type DbOptions } from '../context.js';
import { printJson, printTable } from '../output.js';

interface GraphOptions extends DbOptions {
  proposed?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A graph subcommand with the options every one of them has. */
function sub(graph: Command, name: string, description: string): Command {
  return withDb(
    graph
      .command(name)
      .description(description)
      .option('--proposed', 'also use proposed (unreviewed) claims, with less strength')
      .option('--json', 'print JSON'),
  );
}

export async function loadProjection(store: Store, opts: GraphOptions): Promise<Projection> {
  const wiring = await graphWiring(store);
  return projectStore(store, { ...wiring, includeProposed: Boolean(opts.proposed) });
}

function list(values: string[]): string {
  return values.join(', ');
}

export function registerGraph(program: Command): void {
  const graph = program
    .command('graph')
    .description('network analytics: neighbours, paths, exposure, brokers, communities, scenarios, exports');

  sub(graph, 'stats', 'size of the network: nodes, edges, list links and claims, build time').action(
    async (opts: GraphOptions) => {
      await withStore(opts, async (store) => {
        const { stats } = await loadProjection(store, opts);
        if (opts.json) return printJson(stats);
        printTable(
          ['what', 'count'],
          Object.entries(stats).map(([k, v]) => [k, v]),
        );
      });
    },
  );

  sub(graph, 'neighbours', 'parties within K hops of one, and the edges among them with evidence')
    .argument('<id-or-name>')
    .option('--hops <k>', `hops (1–${LIMITS.hops})`, '1')
    .option('--domain <d>', 'only edges of this domain (repeatable)', collect)
    .option('--schema <s>', 'only parties of this schema (repeatable)', collect)
    .option('--since <date>', 'only edges dated on or after')
    .option('--until <date>', 'only edges dated on or before')
    .option('--limit <n>', `parties at most (1–${LIMITS.nodes})`, '500')
    .action(async (query: string, opts) => {
      await withStore(opts, async (store) => {
        const { network } = await loadProjection(store, opts);
        const r = neighbours(network, requireNode(network, query), {
          hops: boundedInt('--hops', opts.hops, 1, 1, LIMITS.hops),
          domains: opts.domain,
          schemas: opts.schema,
          since: opts.since,
          until: opts.until,
          limit: boundedInt('--limit', opts.limit, 500, 1, LIMITS.nodes),
        });
        if (opts.json) return printJson(r);
        process.stdout.write(`${r.center.caption} [${r.center.schema}] ${r.center.id}\n`);
        printTable(
          ['hops', 'party', 'schema', 'programmes', 'id'],
          r.nodes.slice(1).map((n) => [n.distance, n.caption, n.schema, list(n.programmes), n.id]),
        );
        process.stdout.write(
          `${r.nodes.length - 1} parties, ${r.edges.length} edges${r.truncated ? ' (truncated: raise --limit or narrow the query)' : ''}\n`,
        );
      });
    });

  sub(graph, 'path', 'the k shortest and the strongest evidence-weighted paths between two parties')
    .argument('<a>')
    .argument('<b>')
    .option('--k <n>', `shortest paths (1–${LIMITS.k})`, '3')
    .option('--max-hops <h>', `longest path (1–${LIMITS.pathHops})`, '6')
    .action(async (a: string, b: string, opts) => {
      await withStore(opts, async (store) => {
        const { network } = await loadProjection(store, opts);
        const r = findPaths(network, requireNode(network, a), requireNode(network, b), {
          k: boundedInt('--k', opts.k, 3, 1, LIMITS.k),
          maxHops: boundedInt('--max-hops', opts.maxHops, 6, 1, LIMITS.pathHops),
        });
        if (opts.json) return printJson(r);
        if (!r.paths.length) {
          process.stdout.write(`${r.message}\n`);
          return;
        }
        for (const p of r.paths) {
          process.stdout.write(
            `\n${p.kind}${p.strongest ? ' (strongest)' : ''}: ${p.length} hops, weight ${p.weight}\n`,
          );
          for (const [i, s] of p.steps.entries()) {
            const ev = s.evidence[0];
            const cite = !ev
              ? ''
              : ev.kind === 'list'
                ? `${ev.dataset} ${ev.version ?? ''} record ${ev.record_id}`
                : `"${ev.sentence}" (${ev.title ?? ev.document_id})`;
            // The arrow shows the claim's own direction, which may run against the path's.
            const arrow =
              s.direction === 'backward'
                ? `←${s.type}—`
                : s.direction === 'undirected'
                  ? `—${s.type}—`
                  : `—${s.type}→`;
            process.stdout.write(`  ${p.captions[i]} ${arrow} ${p.captions[i + 1]}   [${cite}]\n`);
          }
        }
      });
    });

  sub(graph, 'exposure', 'the nearest sanctioned parties within K hops of a party or a screened name')
    .argument('<id-or-name>')
    .option('--hops <k>', `hops (1–${LIMITS.hops})`, '3')
    .option('--limit <n>', `results at most (1–${LIMITS.results})`, '100')
    .action(async (query: string, opts) => {
      await withStore(opts, async (store) => {
        const { network } = await loadProjection(store, opts);
        const o = {
          hops: boundedInt('--hops', opts.hops, 3, 1, LIMITS.hops),
          limit: boundedInt('--limit', opts.limit, 100, 1, LIMITS.results),
        };
        let r;
        try {
          r = exposure(network, requireNode(network, query), query, o);
        } catch (err) {
          if (!(err instanceof UnknownPartyError)) throw err;
          // Not a party of the network by id or exact name: screen it as a counterparty name.
          const matches = screenName(await buildIndex(store, { cache: true }), query);
          if (!matches.length) throw err;
          r = screenedExposure(network, query, matches, o);
        }
        if (opts.json) return printJson(r);
        const e = r.entity;
        if ('screened' in e) {
          process.stdout.write(
            `"${query}" matches: ${e.matches.map((m) => `${m.caption} (${m.score.toFixed(2)})`).join('; ')}\n`,
          );
        } else {
          process.stdout.write(
            `${e.caption} [${e.schema}] ${e.sanctioned ? `sanctioned: ${list(e.programmes)}` : 'not sanctioned'}\n`,
          );
        }
        printTable(
          ['hops', 'sanctioned party', 'programmes', 'path'],
          r.exposures.map((x) => [x.distance, x.caption, list(x.programmes), x.path_captions.join(' → ')]),
        );
        process.stdout.write(
          `${r.total} sanctioned parties within ${r.hops} hops${r.truncated ? ` (first ${r.exposures.length} shown)` : ''}\n`,
        );
      });
    });

  sub(graph, 'brokers', 'the force multipliers: betweenness (exact or sampled), degree and PageRank')
    .option('--top <n>', `results (1–${LIMITS.top})`, '20')
    .option('--samples <n>', 'sources to sample when the graph is large', '1000')
    .option('--seed <n>', 'seed of the source sample', '1')
    .action(async (opts) => {
      await withStore(opts, async (store) => {
        const { network } = await loadProjection(store, opts);
        const r = await brokers(network, {
          top: boundedInt('--top', opts.top, 20, 1, LIMITS.top),
          samples: boundedInt('--samples', opts.samples, 1000, 1, 100000),
          seed: boundedInt('--seed', opts.seed, 1, 0, 2 ** 31),
        });
        if (opts.json) return printJson(r);
        process.stdout.write(`${r.method}\n`);
        printTable(
          ['betweenness', '±', 'degree', 'pagerank', 'party', 'programmes', 'id'],
          r.results.map((x) => [
            x.score.toFixed(6),
            x.error ? x.error.toFixed(6) : '',
            x.degree,
            x.pagerank.toFixed(6),
            x.caption,
            list(x.programmes),
            x.entity_id,
          ]),
        );
      });
    });

  sub(graph, 'convergence', 'threat categories in a selection, where they meet and through which parties')
    .argument('[ids-or-names...]')
    .option('--community <c>', 'one community of `tangle graph communities` instead of parties')
    .option('--hops <k>', 'neighbourhood of the given parties to include (0–3)', '1')
    .option('--limit <n>', 'entities listed per part', '50')
    .action(async (queries: string[], opts) => {
      await withStore(opts, async (store) => {
        const { network } = await loadProjection(store, opts);
        const r = convergence(network, {
          ids: queries.map((q) => requireNode(network, q)),
          hops: boundedInt('--hops', opts.hops, 1, 0, 3),
          community:
            opts.community === undefined ? undefined : boundedInt('--community', opts.community, 0, 0, 1e9),
          limit: boundedInt('--limit', opts.limit, 50, 1, LIMITS.results),
        });
        if (opts.json) return printJson(r);
        process.stdout.write(
          `${r.selection.size} parties, ${r.selection.with_categories} with a threat category\n\n`,
        );
        printTable(
          ['categories', 'parties'],
          r.intersections.map((x) => [x.categories.join(' + '), x.size]),
        );
        process.stdout.write('\nWhere categories meet\n');
        printTable(
          ['categories', 'party', 'id'],
          r.meeting_points.slice(0, 20).map((m) => [m.categories.join(' + '), m.caption, m.id]),
        );
      });
    });

  sub(graph, 'communities', 'Louvain communities, each with its size, top members and categories')
    .option('--limit <n>', 'communities listed', '50')
    .option('--min-size <n>', 'smallest community listed', '2')
    .action(async (opts) => {
      await withStore(opts, async (store) => {
        const { network } = await loadProjection(store, opts);
        const r = communities(network, {
          limit: boundedInt('--limit', opts.limit, 50, 1, LIMITS.results),
          minSize: boundedInt('--min-size', opts.minSize, 2, 1, 1e9),
        });
        if (opts.json) return printJson(r);
        process.stdout.write(`${r.method}; modularity ${r.modularity}; ${r.total} communities\n`);
        printTable(
          ['id', 'size', 'sanctioned', 'categories', 'top members'],
          r.communities.map((c) => [
            c.id,
            c.size,
            c.sanctioned,
            Object.keys(c.categories).join(', '),
            c.top_members
              .map((m) => m.caption)
              .slice(0, 3)
              .join('; '),
          ]),
        );
      });
    });

  sub(
    graph,
    'scenario',
    'remove parties or a domain: which connections between two groups survive, who takes over',
  )
    .option('--remove <id>', 'a party to take out (repeatable)', collect, [])
    .option('--remove-domain <d>', 'a domain of links to take out (repeatable)', collect, [])
    .requiredOption('--between <id>', 'a party of group A (repeatable)', collect)
    .requiredOption('--and <id>', 'a party of group B (repeatable)', collect)
    .option('--max-hops <h>', `longest connection counted (1–${LIMITS.pathHops})`, '6')
    .action(async (opts) => {
      await withStore(opts, async (store) => {
        const { network } = await loadProjection(store, opts);
        const ids = (qs: string[]) => qs.map((q) => requireNode(network, q));
        const r = scenario(network, {
          remove: ids(opts.remove),
          removeDomains: opts.removeDomain,
          groupA: ids(opts.between),
          groupB: ids(opts.and),
          maxHops: boundedInt('--max-hops', opts.maxHops, 6, 1, LIMITS.pathHops),
        });
        if (opts.json) return printJson(r);
        process.stdout.write(`connections: ${r.survived} survive, ${r.lost} lost\n`);
        printTable(
          ['from', 'to', 'before', 'after'],
          r.connections.map((c) => [c.source, c.target, c.before ?? '—', c.after ?? 'cut']),
        );
        process.stdout.write(
          `categories group A no longer reaches: ${r.categories.a.lost.join(', ') || 'none'}\n`,
        );
        process.stdout.write(
          `categories group B no longer reaches: ${r.categories.b.lost.join(', ') || 'none'}\n`,
        );
        process.stdout.write(
          `brokers taking over: ${r.take_over.map((b) => b.caption).join('; ') || 'none'}\n`,
        );
      });
    });

  sub(graph, 'timeline', 'dated listings, list changes, relationships and claims of a party or a pair')
    .argument('<x>')
    .argument('[y]')
    .option('--limit <n>', 'events', '200')
    .option('--offset <n>', 'skip this many events', '0')
    .action(async (x: string, y: string | undefined, opts) => {
      await withStore(opts, async (store) => {
        const { network } = await loadProjection(store, opts);
        const r = await timeline(
          network,
          requireNode(network, x),
          y === undefined ? undefined : requireNode(network, y),
          store,
          {
            limit: boundedInt('--limit', opts.limit, 200, 1, LIMITS.results),
            offset: boundedInt('--offset', opts.offset, 0, 0, 1e9),
          },
        );
        if (opts.json) return printJson(r);
        printTable(
          ['date', 'kind', 'what'],
          r.events.map((e) => [
            e.date ?? '',
            e.kind,
            e.kind === 'listing'
              ? `${e.programme} (${e.dataset})`
              : e.kind === 'list_change'
                ? `${e.change} in ${e.dataset} ${e.version}${e.properties.length ? `: ${e.properties.join(', ')}` : ''}`
                : `${e.type} ${e.other_caption}`,
          ]),
        );
        if (r.total > r.offset + r.events.length) process.stdout.write(`… ${r.total} events; use --offset\n`);
      });
    });

  withDb(
    graph
      .command('export')
      .description(
        'the network for Gephi (gexf), yEd / networkx (graphml), FollowTheMoney (ftm), CSV or Neo4j (cypher)',
      )
      .requiredOption('--format <f>', EXPORT_FORMATS.join('|'))
      .option('-o, --output <file>', 'write here (csv: FILE for edges and FILE with .nodes.csv for nodes)')
      .option('--around <id>', 'only the neighbourhood of this party')
      .option('--hops <k>', 'hops around --around', '2')
      .option('--proposed', 'also use proposed (unreviewed) claims'),
  ).action(async (opts) => {
    if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
      throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    }
    await withStore(opts, async (store) => {
      const { network } = await loadProjection(store, opts);
      const o = {
        around: opts.around === undefined ? undefined : requireNode(network, opts.around),
        hops: boundedInt('--hops', opts.hops, 2, 1, LIMITS.hops),
      };
      const format = opts.format as ExportFormat;
      await writeChunks(exportNetwork(network, format, o), opts.output);
      if (format === 'csv' && opts.output) {
        const nodesFile = String(opts.output).replace(/(\.csv)?$/i, '.nodes.csv');
        await writeChunks(exportNetwork(network, format, { ...o, part: 'nodes' }), nodesFile);
        process.stderr.write(`edges: ${opts.output}, nodes: ${nodesFile}\n`);
      }
    });
  });
}

async function writeChunks(chunks: Iterable<string>, file: string | undefined): Promise<void> {
  const out = file ? createWriteStream(file) : process.stdout;
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  if (file) {
    (out as ReturnType<typeof createWriteStream>).end();
    await once(out, 'finish');
  }
}
