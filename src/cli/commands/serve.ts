import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { startServer } from '../../server/start.js';
import { openForCommand, withDb } from '../context.js';

export function registerServe(program: Command): void {
  withDb(
    program
      .command('serve')
      .alias('start')
      .description('start the HTTP API on localhost (loads the bundled lists into an empty store first)')
      .option('--port <n>', 'port (default: $PORT, then 8080)')
      .option('--host <host>', 'address to listen on', '127.0.0.1'),
  ).action(async (opts) => {
    const port = Number(opts.port ?? process.env.PORT ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535`);
    const store = await openForCommand(opts);
    const { url } = await startServer({ store, port, host: opts.host });
    process.stdout.write(`Tangle is listening on ${url}  (API docs: ${url}/docs, OpenAPI: ${url}/openapi.json)\n`);
  });
}
