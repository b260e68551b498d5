import type { Store } from '../store/store.js';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';

export async function startServer(options: {
  store: Store;
  port: number;
  host: string;
  config: ServerConfig;
}): Promise<{ url: string }> {
  // Warnings and errors (with their stack, which clients never see) go to stdout as JSON lines.
  const app = await buildApp({
    store: options.store,
    config: options.config,
    logger: { level: process.env.TANGLE_LOG_LEVEL || 'warn' },
  });
  const close = async () => {
    await app.close();
    await options.store.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { url: `http://${host}:${port}` };
}
