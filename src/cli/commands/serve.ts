import type { Command } from 'commander';
import { openAccounts } from '../../auth/open.js';
import { UsageError } from '../../errors.js';
import { configFromEnv } from '../../server/config.js';
import { startServer } from '../../server/start.js';
import { openForCommand, withDb } from '../context.js';

export function registerServe(program: Command): void {
  withDb(
    program
      .command('serve')
      .alias('start')
      .description('start the HTTP API on localhost (loads the bundled lists into an empty store first)')
      .option('--port <n>', 'port (default: $PORT, then 8080)')
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option(
        '--read-access <mode>',
        'open: anyone may read; login: reading needs an account (default: $TANGLE_READ_ACCESS, then open)',
      ),
  ).action(async (opts) => {
    const port = Number(opts.port ?? process.env.PORT ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535`);
    if (opts.readAccess !== undefined && opts.readAccess !== 'open' && opts.readAccess !== 'login') {
      throw new UsageError('--read-access must be open or login');
    }
    const config = configFromEnv(
      opts.readAccess ? { ...process.env, TANGLE_READ_ACCESS: opts.readAccess } : process.env,
    );
    const store = await openForCommand(opts);
    const users = await openAccounts(store).listUsers();
    const { url } = await startServer({ store, port, host: opts.host, config });
    process.stdout.write(
      `Tangle is listening on ${url}  (API docs: ${url}/docs, OpenAPI: ${url}/openapi.json)\n`,
    );
    process.stdout.write(
      `Reading is ${config.readAccess === 'open' ? 'open to anyone' : 'for logged-in users only'}.\n`,
    );
    if (!users.some((u) => u.role === 'admin')) {
      process.stdout.write(
        'No admin account yet: create one with `tangle user add NAME --admin --password-stdin`.\n',
      );
    }
  });
}
