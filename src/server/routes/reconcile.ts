/**
 * OpenRefine's Reconciliation Service API (v0.2) at /reconcile: `GET /reconcile` is the service
 * manifest; queries come as the `queries` parameter, form-encoded in a POST (as OpenRefine sends
 * them) or in the query string of a GET; suggest and preview beside them. Reconciling only reads:
 * whoever may read may reconcile, and the POST needs no CSRF token (it changes nothing).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FieldError } from '../../errors.js';
import { describeResolved } from '../../logic/merged-entity.js';
import {
  parseQueries,
  previewHtml,
  reconcile,
  reconcileManifest,
  suggestEntities,
  suggestProperties,
  suggestTypes,
} from '../../resolve/reconcile.js';
import { Resolver } from '../../resolve/resolver.js';
import type { AppContext } from '../context.js';

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

/** The origin the client used, for the URLs of the manifest. */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

export function registerReconcileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;
  // Encapsulated, so the form parser applies to these routes only.
  void app.register(async (scope) => {
    // OpenRefine's page fetches the manifest, suggestions and previews from the browser: allow any
    // origin to read them (no credentials are sent with a wildcard origin).
    scope.addHook('onSend', async (_req, reply, payload) => {
      reply.header('Access-Control-Allow-Origin', '*');
      return payload;
    });
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    const answer = async (req: FastifyRequest, reply: FastifyReply, params: Record<string, unknown>) => {
      if (params.extend !== undefined) throw new FieldError('extend', 'data extension is not supported');
      if (params.queries === undefined) return reply.send(reconcileManifest(originOf(req)));
      const queries = parseQueries(params.queries);
      return reply.send(reconcile(await ctx.screening.get(), await Resolver.load(store), queries));
    };

    scope.get<{ Querystring: { queries?: string; extend?: string } }>(
      '/reconcile',
      {
        schema: {
          tags: ['reconciliation'],
          summary:
            'OpenRefine reconciliation (API v0.2): without parameters the service manifest; with queries={"q0": {"query", "type", "limit", "properties": [{"pid", "v"}]}} the candidates per query',
          querystring: {
            type: 'object',
            properties: { queries: text(200_000), extend: text(10_000), callback: text(100) },
          },
        },
      },
      async (req, reply) => answer(req, reply, req.query),
    );

    scope.post<{ Body: { queries?: unknown; extend?: unknown } }>(
      '/reconcile',
      {
        config: { access: 'read', csrf: false },
        schema: {
          tags: ['reconciliation'],
          summary:
            'reconciliation queries, form-encoded (queries=<JSON>) as OpenRefine sends them, or as JSON',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: {
            type: 'object',
            properties: { queries: { anyOf: [{ type: 'string' }, { type: 'object' }] }, extend: {} },
          },
        },
      },
      async (req, reply) => answer(req, reply, req.body ?? {}),
    );

    scope.get<{ Querystring: { prefix: string; type?: string } }>(
      '/reconcile/suggest/entity',
      {
        schema: {
          tags: ['reconciliation'],
          summary: 'entity suggest: entities whose names resemble the prefix',
          querystring: {
            type: 'object',
            required: ['prefix'],
            properties: {
              prefix: { type: 'string', minLength: 1, maxLength: 200 },
              type: text(64),
              cursor: { type: 'integer' },
            },
          },
        },
      },
      async (req) =>
        suggestEntities(
          await ctx.screening.get(),
          await Resolver.load(store),
          req.query.prefix,
          req.query.type,
        ),
    );

    scope.get<{ Querystring: { prefix: string } }>(
      '/reconcile/suggest/type',
      {
        schema: {
          tags: ['reconciliation'],
          summary: 'type suggest: the FollowTheMoney schemata that can be reconciled',
          querystring: {
            type: 'object',
            required: ['prefix'],
            properties: { prefix: { type: 'string', maxLength: 200 }, cursor: { type: 'integer' } },
          },
        },
      },
      async (req) => suggestTypes(req.query.prefix),
    );

    scope.get<{ Querystring: { prefix: string; type?: string } }>(
      '/reconcile/suggest/property',
      {
        schema: {
          tags: ['reconciliation'],
          summary: 'property suggest: FollowTheMoney properties (of the type, when given)',
          querystring: {
            type: 'object',
            required: ['prefix'],
            properties: {
              prefix: { type: 'string', maxLength: 200 },
              type: text(64),
              cursor: { type: 'integer' },
            },
          },
        },
      },
      async (req) => suggestProperties(req.query.prefix, req.query.type),
    );

    scope.get<{ Querystring: { id: string } }>(
      '/reconcile/preview',
      {
        schema: {
          tags: ['reconciliation'],
          summary: 'a small HTML preview of an entity, for OpenRefine (all list text escaped)',
          querystring: {
            type: 'object',
            required: ['id'],
            properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
          },
        },
      },
      async (req, reply) => {
        const view = await describeResolved(store, await Resolver.load(store), req.query.id);
        if (!view) return reply.status(404).send({ error: 'not_found', detail: `no entity ${req.query.id}` });
        // Shown inside OpenRefine's page: no scripts, nothing loaded from anywhere.
        return reply
          .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
          .type('text/html; charset=utf-8')
          .send(previewHtml(view.entity, view.referents));
      },
    );
  });
}
