/** What every command shares: the --db option, opening the store, and first-run bundled data. */
import type { Command } from 'commander';
import { resolveDbPath } from '../config.js';
import { ensureBundledData } from '../logic/bundled.js';
import { parseRemovalShare, removalShareFromEnv, type RemovalPolicy } from '../logic/removal-guard.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { progressBar } from './output.js';

export interface DbOptions {
  db?: string;
  bundled?: boolean;
  json?: boolean;
}

export function withDb(command: Command): Command {
  return command
    .option('--db <path>', 'store file (default: $TANGLE_DB, then the per-user data directory)')
    .option('--no-bundled', 'do not load the bundled snapshot into an empty store');
}

/**
 * Open the store; an empty store first receives the bundled lists (unless --no-bundled or
 * TANGLE_NO_BUNDLED=1), so `tangle show …` works on a fresh install.
 */
export async function openForCommand(options: DbOptions, loadBundled = true): Promise<Store> {
  // The per-user default folder is made on first use; a folder the user named must exist.
  const store = openStore(resolveDbPath(options.db), {
    createFolder: !options.db && !process.env.TANGLE_DB,
  });
  if (loadBundled && options.bundled !== false && process.env.TANGLE_NO_BUNDLED !== '1') {
    if ((await store.isEmpty()) && store.readonly) {
      process.stderr.write(`The store ${store.path} is empty and read-only: nothing to show.\n`);
    } else if (await store.isEmpty()) {
      process.stderr.write(
        `Empty store ${store.path}: loading the bundled OFAC SDN and UN lists (for an empty store, ` +
          'give --no-bundled or set TANGLE_NO_BUNDLED=1)…\n',
      );
      const loaded = await ensureBundledData(store, (label) =>
        progressBar(label, !options.json && process.stderr.isTTY),
      );
      for (const r of loaded) {
        process.stderr.write(
          `  loaded ${r.dataset} version ${r.version}: ${r.entities} entities, ${r.statements} statements\n`,
        );
      }
      process.stderr.write(
        'Bundled data loaded. Later versions of these lists can be imported into this store; older ones ' +
          'need a store of their own (--db NEW.sqlite --no-bundled).\n',
      );
    }
  }
  return store;
}

/** Run a command body with the store open, closing it afterwards whatever happens. */
export async function withStore<T>(
  options: DbOptions,
  body: (store: Store) => Promise<T>,
  loadBundled = true,
): Promise<T> {
  const store = await openForCommand(options, loadBundled);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** The import safety options (see logic/removal-guard.ts), for `import` and `update`. */
export function withRemovalGuard(command: Command): Command {
  return command
    .option(
      '--max-removal-share <share>',
      'refuse a version that removes more than this share of the active entities (default: $TANGLE_MAX_REMOVAL_SHARE, then 10%)',
    )
    .option('--allow-mass-removal', 'import even when the version removes more than that share')
    .option('--allow-incomplete', 'import files that look cut short (no end-of-file mark, empty sections)');
}

export function removalPolicy(opts: {
  maxRemovalShare?: string;
  allowMassRemoval?: boolean;
  allowIncomplete?: boolean;
}): RemovalPolicy {
  return {
    maxRemovalShare:
      opts.maxRemovalShare !== undefined
        ? parseRemovalShare(opts.maxRemovalShare, '--max-removal-share')
        : removalShareFromEnv(),
    allowMassRemoval: Boolean(opts.allowMassRemoval),
    allowIncomplete: Boolean(opts.allowIncomplete),
  };
}
