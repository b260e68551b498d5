/**
 * `tangle graph …`: network analytics over the projection of the store (and document claims).
 * Each subcommand builds the projection, runs one query from src/graph and prints a table, or
 * the query's JSON with --json.
 */
import type { Command } from 'commander';
import { buildIndex } from '../../logic/screening.js';
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
            process.stdout.write(`  ${p.captions[i]} —${s.type}→ ${p.captions[i + 1]}   [${cite}]\n`);
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
}
