/**
 * The HTTP API (fastify). Routes are thin: they validate input, call src/logic or the store, and
 * shape the JSON. OpenAPI is generated from the route schemas and served at /openapi.json.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { InputError, UsageError } from '../errors.js';
import type { Store } from '../store/store.js';
import { registerDatasetRoutes } from './routes/datasets.js';
import { registerEntityRoutes } from './routes/entities.js';
import { registerHealthRoutes } from './routes/health.js';

export interface AppOptions {
  store: Store;
  logger?: boolean;
}

export async function buildApp({ store, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 1024 * 1024 });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tangle API', version: '0.1.0', description: 'Sanctions lists and networks, with provenance' },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
    if (err.validation) return reply.status(400).send({ error: 'bad_request', detail: err.message });
    if (err instanceof InputError || err instanceof UsageError) {
      return reply.status(400).send({ error: 'bad_request', detail: err.message });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) app.log.error(err);
    return reply
      .status(status)
      .send({ error: status === 500 ? 'internal_error' : 'bad_request', detail: status === 500 ? 'internal error' : err.message });
  });

  registerHealthRoutes(app, store);
  registerDatasetRoutes(app, store);
  registerEntityRoutes(app, store);
  return app;
}
