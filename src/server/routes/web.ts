/**
 * The browser app: the files Vite built into web/dist, served at `/`. The app routes on the URL's
 * hash (`/#/entity/…`), so the server has one page to serve and no client path can shadow an API
 * route. The files are public even when reading data needs a login: the app asks for the login.
 * Hashed assets are cached for a year; index.html is revalidated every time.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root: the nearest folder above this file with a package.json (src/, dist/ or dist-bench/ below it). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const WEB_DIST = join(packageRoot(), 'web', 'dist');

export async function registerWebRoutes(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built: run `npm run build`. The API answers as usual (see /docs).'),
    );
    return;
  }
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      // One route per built file, found at start-up (restart the server after a rebuild): any
      // other path keeps the API's answers (JSON 404, 414 for an over-long segment).
      wildcard: false,
      index: 'index.html',
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes(join('dist', 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  });
}
