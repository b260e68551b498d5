/**
 * The HTTP API (fastify). Routes are thin: they validate input, call src/logic, the store or the
 * account store, and shape the JSON. OpenAPI is generated from the route schemas and served at
 * /openapi.json, with interactive documentation at /docs.
 *
 * Order matters here: cookies are parsed and the caller identified (auth.ts) before the rate
 * limiter runs, so that API-key clients are counted per key and everyone else per address; and the
 * rate limiter's onRoute hook must be in place before any route is declared.
 */
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AccountStore } from '../auth/accounts.js';
import { openAccounts } from '../auth/open.js';
import type { Store } from '../store/store.js';
import { registerAuth } from './auth.js';
import { serverConfig, type ServerConfig } from './config.js';
import type { AppContext } from './context.js';
import { ScreeningService } from '../logic/screening-service.js';
import { GraphService } from '../graph/service.js';
import { ReaderCache, type ReaderFactory } from '../logic/reader-factory.js';
import { openDocuments } from '../store/open-documents.js';
import { registerErrorHandling } from './errors.js';
import { registerJsonBody } from './json-body.js';
import { clientErrorHandler, frameworkErrors, registerSecurityHeaders } from './security-headers.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerCommentRoutes } from './routes/comments.js';
import { registerDatasetRoutes } from './routes/datasets.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerEntityRoutes } from './routes/entities.js';
import { registerGraphRoutes } from './routes/graph.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerMatchRoutes } from './routes/match.js';
import { registerReconcileRoutes } from './routes/reconcile.js';
import { registerResolveRoutes } from './routes/resolve.js';
import { registerUserRoutes } from './routes/users.js';
import { registerWebRoutes } from './routes/web.js';

export interface AppOptions {
  store: Store;
  /** Defaults to the account tables in the store's own SQLite file. */
  accounts?: AccountStore;
  /** Defaults to DEFAULT_CONFIG (see config.ts; `tangle serve` reads it from the environment). */
  config?: ServerConfig;
  /** Defaults to a projection of the store with the claims and canonical ids of src/graph/wiring.ts. */
  graph?: GraphService;
  /** Fastify's logger setting; off by default (tests), `tangle serve` logs warnings and errors. */
  logger?: FastifyServerOptions['logger'];
  /** How the reading engine is built (default: src/text/reader.ts); tests give a fixed reader. */
  readerFactory?: ReaderFactory;
}

export async function buildApp({
  store,
  accounts,
  config = serverConfig(),
  logger = false,
  graph,
  readerFactory,
}: AppOptions): Promise<FastifyInstance> {
  const ctx: AppContext = {
    store,
    accounts:
      accounts ??
      openAccounts(store, { sessionTtlMs: config.sessionTtlMs, sessionIdleMs: config.sessionIdleMs }),
    config,
    screening: new ScreeningService(store),
    graph: graph ?? new GraphService(store),
    documents: openDocuments(store),
    readers: new ReaderCache(store, readerFactory),
  };
  const app = Fastify({
    logger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    frameworkErrors,
    clientErrorHandler,
  });
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerJsonBody(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tangle API',
        version: '0.1.0',
        description: 'Sanctions lists and networks, with provenance',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description:
              '"ApiKey <key>" or "Bearer <key>"; create keys with POST /auth/keys or `tangle user key`',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'tangle_session',
            description: 'set by POST /auth/login',
          },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
  });
  await app.register(cookie);
  await app.register(multipart, {
    limits: {
      fileSize: config.uploadFileLimit,
      files: config.uploadMaxFiles,
      fields: 10,
      fieldSize: 1000,
      parts: config.uploadMaxFiles + 10,
    },
  });
  registerAuth(app, ctx);

  const limits = config.rateLimit;
  if (limits.perAddress || limits.perKey) {
    await app.register(rateLimit, {
      timeWindow: limits.windowMs,
      keyGenerator: (req) => (req.auth?.via === 'api_key' ? `key:${req.auth.keyId}` : `address:${req.ip}`),
      max: (_req, key) =>
        (key.startsWith('key:') ? limits.perKey : limits.perAddress) || Number.MAX_SAFE_INTEGER,
      errorResponseBuilder: (_req, context) =>
        Object.assign(new Error(`too many requests; try again in ${context.after}`), {
          statusCode: context.statusCode,
        }),
    });
  }

  // The documentation is public even when reading data needs a login.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs') || route.url === '/openapi.json') {
      route.config = { ...route.config, access: 'public' };
    }
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerHealthRoutes(app, store);
  registerAuthRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerDatasetRoutes(app, store);
  registerImportRoutes(app, ctx);
  registerEntityRoutes(app, store);
  registerCommentRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerMatchRoutes(app, ctx);
  registerResolveRoutes(app, ctx);
  registerReconcileRoutes(app, ctx);
  registerGraphRoutes(app, ctx);
  registerDocumentRoutes(app, ctx);
  await registerWebRoutes(app);
  // Build the matching index before the server accepts requests, so the first /match is not slow.
  app.addHook('onReady', async () => {
    await ctx.screening.get();
    ctx.screening.watch(5000, (err, what) => app.log.error({ err }, what));
  });
  app.addHook('onClose', async () => ctx.screening.stop());
  return app;
}
