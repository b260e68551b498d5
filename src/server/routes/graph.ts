/**
 * /graph/…: network analytics over the projection the server keeps (ctx.graph). Routes only
 * parse, look parties up and shape errors; the queries live in src/graph. An unknown party is a
 * 404 that suggests close names.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { brokers, type BrokersResult } from '../../graph/brokers.js';
import { communities } from '../../graph/communities.js';
import { convergence } from '../../graph/convergence.js';
import { EXPORT_FORMATS, exportNetwork, type ExportFormat } from '../../graph/export.js';
import { exposure, screenedExposure } from '../../graph/exposure.js';
import { KNOWN_DOMAINS } from '../../graph/filter.js';
import { LIMITS } from '../../graph/limits.js';
import { requireNode, UnknownPartyError } from '../../graph/lookup.js';
import { neighbours } from '../../graph/neighbours.js';
import type { Network } from '../../graph/network.js';
import { findPaths } from '../../graph/paths.js';
import { scenario } from '../../graph/scenario.js';
import { timeline } from '../../graph/timeline.js';
import { screenName } from '../../graph/wiring.js';
import type { AppContext } from '../context.js';

const id = { type: 'string', minLength: 1, maxLength: 500 } as const;
const idParams = { type: 'object', required: ['id'], properties: { id } } as const;
const proposed = {
  type: 'boolean',
  default: false,
  description: 'also use proposed (unreviewed) claims',
} as const;
const date = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;
const stringList = (description: string, items: object = { type: 'string', maxLength: 500 }) =>
  ({ type: 'array', items, maxItems: LIMITS.group, description }) as const;

/** Run a query; an unknown party becomes a 404 with suggestions. */
async function answer<T>(reply: FastifyReply, run: () => Promise<T> | T): Promise<T | FastifyReply> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UnknownPartyError) {
      return reply
        .status(404)
        .send({ error: 'not_found', detail: err.message, suggestions: err.suggestions });
    }
    throw err;
  }
}

/** Ids given repeated or comma-separated. */
function splitIds(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

const brokerCache = new WeakMap<Network, Map<string, Promise<BrokersResult>>>();

export function registerGraphRoutes(app: FastifyInstance, ctx: AppContext): void {
  const net = async (includeProposed: boolean): Promise<Network> =>
    (await ctx.graph.get(includeProposed)).network;

  app.get<{ Querystring: { proposed: boolean } }>(
    '/graph/stats',
    {
      schema: {
        tags: ['graph'],
        summary: 'size of the network projection: nodes, edges (list links and claims), build time',
        querystring: { type: 'object', properties: { proposed } },
      },
    },
    async (req) => (await ctx.graph.get(req.query.proposed)).stats,
  );

  app.get<{
    Params: { id: string };
    Querystring: {
      hops: number;
      domain?: string[];
      schema?: string[];
      since?: string;
      until?: string;
      limit: number;
      proposed: boolean;
    };
  }>(
    '/graph/neighbours/:id',
    {
      schema: {
        tags: ['graph'],
        summary:
          'parties within K hops of a party (id or exact name) and the edges among them, with evidence',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            hops: { type: 'integer', minimum: 1, maximum: LIMITS.hops, default: 1 },
            domain: stringList('only edges of these domains', { type: 'string', enum: [...KNOWN_DOMAINS] }),
            schema: stringList('only parties of these schemata'),
            since: date,
            until: date,
            limit: { type: 'integer', minimum: 1, maximum: LIMITS.nodes, default: 500 },
            proposed,
          },
        },
      },
    },
    async (req, reply) => {
      const network = await net(req.query.proposed);
      return answer(reply, () =>
        neighbours(network, requireNode(network, req.params.id), {
          hops: req.query.hops,
          domains: req.query.domain,
          schemas: req.query.schema,
          since: req.query.since,
          until: req.query.until,
          limit: req.query.limit,
        }),
      );
    },
  );

  app.get<{
    Querystring: { source: string; target: string; k: number; max_hops: number; proposed: boolean };
  }>(
    '/graph/path',
    {
      schema: {
        tags: ['graph'],
        summary:
          'the k shortest and the strongest evidence-weighted paths between two parties, each step with its evidence',
        querystring: {
          type: 'object',
          required: ['source', 'target'],
          properties: {
            source: id,
            target: id,
            k: { type: 'integer', minimum: 1, maximum: LIMITS.k, default: 3 },
            max_hops: { type: 'integer', minimum: 1, maximum: LIMITS.pathHops, default: 6 },
            proposed,
          },
        },
      },
    },
    async (req, reply) => {
      const network = await net(req.query.proposed);
      return answer(reply, () =>
        findPaths(network, requireNode(network, req.query.source), requireNode(network, req.query.target), {
          k: req.query.k,
          maxHops: req.query.max_hops,
        }),
      );
    },
  );

  app.get<{ Params: { id: string }; Querystring: { hops: number; limit: number; proposed: boolean } }>(
    '/graph/exposure/:id',
    {
      schema: {
        tags: ['graph'],
        summary:
          'the nearest sanctioned parties within K hops of a party, or of a name screened against the lists, with programmes, distance and path',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            hops: { type: 'integer', minimum: 1, maximum: LIMITS.hops, default: 3 },
            limit: { type: 'integer', minimum: 1, maximum: LIMITS.results, default: 100 },
            proposed,
          },
        },
      },
    },
    async (req, reply) => {
      const network = await net(req.query.proposed);
      const o = { hops: req.query.hops, limit: req.query.limit };
      return answer(reply, async () => {
        try {
          return exposure(network, requireNode(network, req.params.id), req.params.id, o);
        } catch (err) {
          if (!(err instanceof UnknownPartyError)) throw err;
          const matches = screenName(await ctx.screening.get(), req.params.id);
          if (!matches.length) throw err;
          return screenedExposure(network, req.params.id, matches, o);
        }
      });
    },
  );

  app.get<{ Querystring: { top: number; samples: number; seed: number; proposed: boolean } }>(
    '/graph/brokers',
    {
      schema: {
        tags: ['graph'],
        summary:
          'brokers: betweenness (exact when small, sampled with a standard error when large), degree and PageRank',
        querystring: {
          type: 'object',
          properties: {
            top: { type: 'integer', minimum: 1, maximum: LIMITS.top, default: 20 },
            samples: { type: 'integer', minimum: 10, maximum: 10000, default: 1000 },
            seed: { type: 'integer', minimum: 0, default: 1 },
            proposed,
          },
        },
      },
    },
    async (req) => {
      const network = await net(req.query.proposed);
      // Betweenness runs in worker threads; a result is kept for the life of the projection.
      let cache = brokerCache.get(network);
      if (!cache) brokerCache.set(network, (cache = new Map()));
      const key = `${req.query.top}|${req.query.samples}|${req.query.seed}`;
      let result = cache.get(key);
      if (!result) {
        result = brokers(network, { top: req.query.top, samples: req.query.samples, seed: req.query.seed });
        cache.set(key, result);
        result.catch(() => cache.delete(key));
      }
      return result;
    },
  );

  app.get<{
    Querystring: { ids?: string[]; community?: number; hops: number; limit: number; proposed: boolean };
  }>(
    '/graph/convergence',
    {
      schema: {
        tags: ['graph'],
        summary:
          'threat categories of parties (ids, with their neighbourhood) or of a community: intersections (UpSet), pairs (Venn), meeting points, bridges',
        querystring: {
          type: 'object',
          properties: {
            ids: stringList('party ids or names, repeated or comma-separated'),
            community: { type: 'integer', minimum: 0 },
            hops: { type: 'integer', minimum: 0, maximum: 3, default: 1 },
            limit: { type: 'integer', minimum: 1, maximum: LIMITS.results, default: 50 },
            proposed,
          },
        },
      },
    },
    async (req, reply) => {
      const network = await net(req.query.proposed);
      return answer(reply, () =>
        convergence(network, {
          ids: splitIds(req.query.ids).map((q) => requireNode(network, q)),
          community: req.query.community,
          hops: req.query.hops,
          limit: req.query.limit,
        }),
      );
    },
  );

  app.get<{ Querystring: { limit: number; min_size: number; proposed: boolean } }>(
    '/graph/communities',
    {
      schema: {
        tags: ['graph'],
        summary: 'Louvain communities, each with its size, top members, sanctioned members and categories',
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: LIMITS.results, default: 50 },
            min_size: { type: 'integer', minimum: 1, default: 2 },
            proposed,
          },
        },
      },
    },
    async (req) =>
      communities(await net(req.query.proposed), { limit: req.query.limit, minSize: req.query.min_size }),
  );

  app.post<{
    Body: {
      remove?: string[];
      remove_domain?: string[];
      between: string[];
      and: string[];
      max_hops?: number;
      proposed?: boolean;
    };
  }>(
    '/graph/scenario',
    {
      // A computation that changes nothing: readers may run it (CSRF still applies to sessions).
      config: { access: 'read' },
      schema: {
        tags: ['graph'],
        summary:
          'take parties or domains out: which connections between two groups survive, which categories disconnect, which brokers take over',
        body: {
          type: 'object',
          required: ['between', 'and'],
          additionalProperties: false,
          properties: {
            remove: stringList('parties to take out'),
            remove_domain: stringList('domains of links to take out', {
              type: 'string',
              enum: [...KNOWN_DOMAINS],
            }),
            between: { ...stringList('group A'), minItems: 1 },
            and: { ...stringList('group B'), minItems: 1 },
            max_hops: { type: 'integer', minimum: 1, maximum: LIMITS.pathHops, default: 6 },
            proposed: { type: 'boolean', default: false },
          },
        },
      },
    },
    async (req, reply) => {
      const network = await net(Boolean(req.body.proposed));
      const ids = (qs: string[] | undefined) => (qs ?? []).map((q) => requireNode(network, q));
      return answer(reply, () =>
        scenario(network, {
          remove: ids(req.body.remove),
          removeDomains: req.body.remove_domain,
          groupA: ids(req.body.between),
          groupB: ids(req.body.and),
          maxHops: req.body.max_hops,
        }),
      );
    },
  );

  app.get<{
    Params: { id: string };
    Querystring: { with?: string; limit: number; offset: number; proposed: boolean };
  }>(
    '/graph/timeline/:id',
    {
      schema: {
        tags: ['graph'],
        summary: 'dated listings, list changes, relationships and claims of a party, or of a pair (with=)',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            with: id,
            limit: { type: 'integer', minimum: 1, maximum: LIMITS.results, default: 200 },
            offset: { type: 'integer', minimum: 0, default: 0 },
            proposed,
          },
        },
      },
    },
    async (req, reply) => {
      const network = await net(req.query.proposed);
      return answer(reply, () =>
        timeline(
          network,
          requireNode(network, req.params.id),
          req.query.with === undefined ? undefined : requireNode(network, req.query.with),
          ctx.store,
          { limit: req.query.limit, offset: req.query.offset },
        ),
      );
    },
  );

  app.get<{
    Querystring: {
      format: ExportFormat;
      around?: string;
      hops: number;
      part: 'nodes' | 'edges';
      proposed: boolean;
    };
  }>(
    '/graph/export',
    {
      schema: {
        tags: ['graph'],
        summary:
          'the network (or a neighbourhood) as GEXF, GraphML, FollowTheMoney JSON lines, CSV or Cypher',
        querystring: {
          type: 'object',
          required: ['format'],
          properties: {
            format: { type: 'string', enum: [...EXPORT_FORMATS] },
            around: id,
            hops: { type: 'integer', minimum: 1, maximum: LIMITS.hops, default: 2 },
            part: { type: 'string', enum: ['nodes', 'edges'], default: 'edges', description: 'for csv' },
            proposed,
          },
        },
      },
    },
    async (req, reply) => {
      const network = await net(req.query.proposed);
      return answer(reply, () => {
        const around = req.query.around === undefined ? undefined : requireNode(network, req.query.around);
        const { format } = req.query;
        const types: Record<ExportFormat, string> = {
          gexf: 'application/gexf+xml',
          graphml: 'application/graphml+xml',
          ftm: 'application/x-ndjson',
          csv: 'text/csv; charset=utf-8',
          cypher: 'text/plain; charset=utf-8',
        };
        const extension = format === 'ftm' ? 'ftm.json' : format === 'cypher' ? 'cypher' : format;
        const chunks = exportNetwork(network, format, { around, hops: req.query.hops, part: req.query.part });
        // The first chunk is made now, so a bad request fails before the headers are sent.
        const first = chunks.next();
        const body = Readable.from(
          (function* () {
            if (!first.done) yield first.value;
            yield* chunks;
          })(),
        );
        return reply
          .type(types[format])
          .header('content-disposition', `attachment; filename="tangle-graph.${extension}"`)
          .send(body);
      });
    },
  );
}
