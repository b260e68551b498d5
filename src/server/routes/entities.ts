import type { FastifyInstance } from 'fastify';
import { describeResolved } from '../../logic/merged-entity.js';
import { resolvedMemberIds } from '../../logic/resolved-ids.js';
import { Resolver } from '../../resolve/resolver.js';
import type { Store } from '../../store/store.js';

export function registerEntityRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Params: { id: string }; Querystring: { nested: boolean } }>(
    '/entities/:id',
    {
      schema: {
        tags: ['entities'],
        summary:
          'an entity with every statement and its provenance; nested adds its relationships. A canonical id (tgl-…) or the id of a merged entry gives the merged entity, its members in referents',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 } } },
        querystring: {
          type: 'object',
          properties: { nested: { type: 'boolean', default: true } },
        },
      },
    },
    async (req, reply) => {
      const view = await describeResolved(store, await Resolver.load(store), req.params.id);
      if (!view) return reply.status(404).send({ error: 'not_found', detail: `no entity ${req.params.id}` });
      const { entity } = view;
      return {
        id: entity.id,
        caption: entity.caption,
        schema: entity.schema,
        properties: entity.properties,
        datasets: entity.datasets,
        canonical_id: view.canonicalId,
        referents: view.referents.filter((r) => r !== entity.id),
        target: entity.active,
        first_seen: entity.firstSeen,
        last_seen: entity.lastSeen,
        last_change: entity.lastChange,
        statements: entity.statements,
        ...(req.query.nested ? { references: view.references, relationships: view.relationships } : {}),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number } }>(
    '/entities/:id/changes',
    {
      schema: {
        tags: ['entities'],
        summary: 'the list changes that touched an entity, in every dataset, oldest version first',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (req, reply) => {
      // A merged party's changes are those of all its list entries.
      const members = await resolvedMemberIds(store, req.params.id);
      if (members.length === 0)
        return reply.status(404).send({ error: 'not_found', detail: `no entity ${req.params.id}` });
      const { limit, offset } = req.query;
      if (members.length === 1) {
        const changes = await store.listChanges({ entityId: members[0], limit, offset });
        return { entityId: req.params.id, changes };
      }
      const all = (
        await Promise.all(members.map((m) => store.listChanges({ entityId: m, limit: limit + offset })))
      ).flat();
      all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.dataset.localeCompare(b.dataset)));
      return { entityId: req.params.id, changes: all.slice(offset, offset + limit) };
    },
  );
}
