/**
 * The yente-compatible matching endpoints: `POST /match/{dataset}`, `GET /search/{dataset}`,
 * `GET /algorithms`, `GET /catalog`. Same paths, parameters and JSON shapes as yente, so yente
 * clients work unchanged. Matching is reading: the default `read` access applies.
 */
import type { FastifyInstance } from 'fastify';
import { listAlgorithms } from '../../match/algorithms.js';
import {
  yenteMatch,
  yenteSearch,
  MAX_LIMIT,
  type MatchParams,
  type SearchParams,
} from '../../match/yente.js';
import type { AppContext } from '../context.js';
import { resolveMatchResponse, resolveSearchResponse } from '../../resolve/referents.js';
import { Resolver } from '../../resolve/resolver.js';

/** The body of a yente `/match` request: `{ queries: { <id>: { schema, properties } } }`. */
export function matchRequestSchema(maxQueries: number) {
  return {
    type: 'object',
    required: ['queries'],
    properties: {
      queries: {
        type: 'object',
        minProperties: 1,
        maxProperties: maxQueries,
        additionalProperties: {
          type: 'object',
          required: ['schema'],
          properties: {
            id: { type: 'string', maxLength: 200 },
            schema: { type: 'string', maxLength: 64 },
            properties: {
              type: 'object',
              additionalProperties: {
                type: 'array',
                maxItems: 50,
                items: { type: 'string', maxLength: 1000 },
              },
            },
          },
        },
      },
      weights: { type: 'object', additionalProperties: { type: 'number' } },
      config: { type: 'object' },
    },
  } as const;
}

const list = { type: 'array', items: { type: 'string', maxLength: 200 } } as const;

const matchQuerystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 5 },
    threshold: { type: 'number', minimum: 0, maximum: 1 },
    algorithm: { type: 'string', maxLength: 64 },
    include_dataset: list,
    exclude_dataset: list,
    exclude_schema: list,
    topics: list,
    changed_since: { type: 'string', maxLength: 32 },
    exclude_entity_ids: { ...list, maxItems: 50 },
  },
} as const;

const searchQuerystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 1000 },
    schema: { type: 'string', maxLength: 64 },
    countries: list,
    topics: list,
    datasets: list,
    filter: list,
    changed_since: { type: 'string', maxLength: 32 },
    limit: { type: 'integer', minimum: 0, maximum: MAX_LIMIT, default: 10 },
    offset: { type: 'integer', minimum: 0, maximum: 10000, default: 0 },
    facets: list,
    fuzzy: { type: 'boolean' },
  },
} as const;

const datasetParam = {
  type: 'object',
  properties: { dataset: { type: 'string', maxLength: 100, pattern: '^[A-Za-z0-9_.-]+$' } },
} as const;

export function registerMatchRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: { dataset: string }; Querystring: MatchParams; Body: unknown }>(
    '/match/:dataset',
    {
      // A POST, but it only reads: whoever may read may match, and a logged-in browser needs no
      // CSRF token for it (a forged request could not read the answer, and changes nothing).
      config: { access: 'read', csrf: false },
      schema: {
        tags: ['matching'],
        summary: 'yente-compatible query-by-example matching: up to 100 queries per request',
        params: datasetParam,
        querystring: matchQuerystring,
        body: matchRequestSchema(ctx.config.maxMatchQueries),
      },
    },
    async (req) => {
      const index = await ctx.screening.get();
      const response = yenteMatch(index, req.params.dataset, req.body, req.query);
      return resolveMatchResponse(response, await Resolver.load(ctx.store), index);
    },
  );

  app.get<{ Params: { dataset: string }; Querystring: SearchParams }>(
    '/search/:dataset',
    {
      schema: {
        tags: ['matching'],
        summary: 'yente-compatible text search over entity names, with filters and facets',
        params: datasetParam,
        querystring: searchQuerystring,
      },
    },
    async (req) => {
      const index = await ctx.screening.get();
      const response = yenteSearch(index, req.params.dataset, req.query);
      return resolveSearchResponse(response, await Resolver.load(ctx.store), index);
    },
  );

  app.get(
    '/algorithms',
    { schema: { tags: ['matching'], summary: 'scoring algorithms and their features' } },
    async () => listAlgorithms(),
  );

  app.get(
    '/catalog',
    { schema: { tags: ['matching'], summary: 'datasets available for matching (yente catalog)' } },
    async () => {
      const datasets = await ctx.store.listDatasets();
      return {
        datasets: [
          {
            name: 'default',
            title: 'All datasets',
            type: 'collection',
            children: datasets.map((d) => d.name),
            entity_count: datasets.reduce((n, d) => n + d.entities, 0),
          },
          ...datasets.map((d) => ({
            name: d.name,
            title: d.title,
            type: 'source',
            version: d.latestVersion,
            last_change: d.latestDate,
            entity_count: d.entities,
            load: true,
          })),
        ],
        current: datasets.map((d) => d.name),
        outdated: [],
        index_stale: false,
      };
    },
  );
}
