import type { Command } from 'commander';
import { loadSources, updateFromSources } from '../../logic/update.js';
import { removalPolicy, withDb, withRemovalGuard, withStore } from '../context.js';
import { printJson, progressBar } from '../output.js';

export function registerUpdate(program: Command): void {
  withDb(
    withRemovalGuard(
      program
        .command('update')
        .description('download the current official lists and import them as new versions')
        .option(
          '--sources <file>',
          'JSON list of {dataset, format, urls} to use instead of the official URLs (also $TANGLE_UPDATE_SOURCES)',
        )
        .option('--dataset <name...>', 'only these datasets')
        .option(
          '--version-date <date>',
          'date of the new versions (default: the date in the files, then today)',
        )
        .option('--json', 'print JSON'),
    ),
  ).action(async (opts) => {
    const sources = loadSources(opts.sources ?? process.env.TANGLE_UPDATE_SOURCES);
    await withStore(
      opts,
      async (store) => {
        const outcomes = await updateFromSources(store, {
          sources,
          datasets: opts.dataset,
          versionDate: opts.versionDate,
          policy: removalPolicy(opts),
          progress: (ds) => progressBar(ds, !opts.json && process.stderr.isTTY),
          log: opts.json ? undefined : (line) => process.stderr.write(`${line}\n`),
        });
        if (opts.json) printJson(outcomes);
        else {
          for (const o of outcomes) {
            const r = o.result;
            const detail = r
              ? `version ${r.version}: ${r.entities} entities (${r.added} added, ${r.changed} changed, ${r.removed} removed)`
              : (o.error ?? 'same files as the latest version');
            process.stdout.write(`${o.dataset}: ${o.status} — ${detail}\n`);
          }
        }
        if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
      },
      false,
    );
  });
}
