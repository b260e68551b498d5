import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ChangeKind, Store } from '../../store/store.js';

export function registerDatasetRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/datasets',
    { schema: { tags: ['datasets'], summary: 'datasets with their latest versions' } },
    async () => ({
      datasets: await store.listDatasets(),
    }),
  );

  app.get<{ Params: { name: string } }>(
    '/datasets/:name/versions',
    { schema: { tags: ['datasets'], summary: 'every imported version of a dataset' } },
    async (req, reply) => {
      const versions = await store.listVersions(req.params.name);
      if (!versions.length)
        return reply.status(404).send({ error: 'not_found', detail: `no dataset ${req.params.name}` });
      // File names only: where the server keeps (or kept) them is none of the client's business.
      return { versions: versions.map((v) => ({ ...v, files: v.files.map((f) => basename(f)) })) };
    },
  );

  app.get<{
    Params: { name: string };
    Querystring: {
      version?: string;
      since?: string;
      until?: string;
      kind?: ChangeKind;
      limit: number;
      offset: number;
    };
  }>(
    '/datasets/:name/changes',
    {
      schema: {
        tags: ['datasets'],
        summary: 'entities added, removed or changed by the versions of a dataset',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            version: { type: 'string', maxLength: 40 },
            since: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
            until: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
            kind: { type: 'string', enum: ['added', 'removed', 'changed'] },
            limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (req, reply) => {
      const versions = await store.listVersions(req.params.name);
      if (!versions.length)
        return reply.status(404).send({ error: 'not_found', detail: `no dataset ${req.params.name}` });
      const changes = await store.listChanges({ dataset: req.params.name, ...req.query });
      return { dataset: req.params.name, limit: req.query.limit, offset: req.query.offset, changes };
    },
  );
}
