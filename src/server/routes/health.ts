import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';

export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public', rateLimit: false },
      schema: { tags: ['system'], summary: 'the process is up' },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public', rateLimit: false },
      schema: { tags: ['system'], summary: 'the store has data and answers' },
    },
    async (_req, reply) => {
      const empty = await store.isEmpty();
      if (empty) return reply.status(503).send({ status: 'empty' });
      return { status: 'ok' };
    },
  );
}
