import type { Command } from 'commander';
import cluster from 'node:cluster';
import { openAccounts } from '../../auth/open.js';
import { UsageError } from '../../errors.js';
import { configFromEnv } from '../../server/config.js';
import { startServer } from '../../server/start.js';
import { ensureBundledBriefing } from '../../logic/bundled.js';
import { createStoreReader, ReaderUnavailableError } from '../../logic/reader-factory.js';
import { openDocuments } from '../../store/open-documents.js';
import type { Store } from '../../store/store.js';
import { openForCommand, withDb, type DbOptions } from '../context.js';

/** A fresh store also gets the demonstration briefing read, with its claims accepted (TANGLE_NO_DEMO=1: not). */
async function loadDemoBriefing(store: Store, opts: DbOptions): Promise<void> {
  if (opts.bundled === false || process.env.TANGLE_NO_BUNDLED === '1' || process.env.TANGLE_NO_DEMO === '1')
    return;
  try {
    const outcome = await ensureBundledBriefing(store, openDocuments(store), () => createStoreReader(store));
    if (outcome) {
      process.stderr.write(
        `Read the demo briefing "${outcome.document.title}": ${outcome.entities.length} parties, ` +
          `${outcome.claims.length} claims (accepted, so the network shows at once)\n`,
      );
    }
  } catch (err) {
    if (!(err instanceof ReaderUnavailableError)) throw err;
    process.stderr.write(`The demo briefing was not read: ${err.message}\n`);
  }
}

export function registerServe(program: Command): void {
  withDb(
    program
      .command('serve')
      .alias('start')
      .description('start the HTTP API on localhost (loads the bundled lists into an empty store first)')
      .option('--port <n>', 'port (default: $PORT, then 8080)')
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option(
        '--workers <n>',
        'server processes sharing the port and the store (default: $TANGLE_WORKERS, then 1)',
      )
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
    const workers = Number(opts.workers ?? process.env.TANGLE_WORKERS ?? 1);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64)
      throw new UsageError('--workers must be 1-64');
    if (workers > 1 && cluster.isPrimary) {
      // Load the bundled lists once, then fork: each worker opens the same SQLite file (WAL lets
      // them read side by side), keeps its own matching index, and rebuilds it when a new version
      // appears in the store, whichever process imported it.
      const primaryStore = await openForCommand(opts);
      await loadDemoBriefing(primaryStore, opts);
      await primaryStore.close();
      for (let i = 0; i < workers; i++) cluster.fork({ TANGLE_NO_BUNDLED: '1' });
      let announced = false;
      cluster.on('message', (_worker, message: { url?: string }) => {
        if (message?.url && !announced) {
          announced = true;
          process.stdout.write(
            `Tangle is listening on ${message.url} with ${workers} worker processes  (API docs: ${message.url}/docs)\n`,
          );
        }
      });
      cluster.on('exit', (worker, code) => {
        if (code !== 0) process.stderr.write(`tangle: worker ${worker.process.pid} exited with ${code}\n`);
      });
      return;
    }
    const store = await openForCommand(opts);
    if (cluster.isPrimary) await loadDemoBriefing(store, opts);
    const users = await openAccounts(store).listUsers();
    const { url } = await startServer({ store, port, host: opts.host, config });
    if (cluster.isWorker) {
      process.send?.({ url });
      return;
    }
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
