import type { Command } from 'commander';
import { withDb, withStore } from '../context.js';
import { printJson, printTable } from '../output.js';

export function registerDatasets(program: Command): void {
  withDb(
    program
      .command('datasets')
      .description('list datasets and their versions')
      .option('--versions', 'list every version of every dataset')
      .option('--json', 'print JSON'),
  ).action(async (opts) => {
    await withStore(opts, async (store) => {
      const datasets = await store.listDatasets();
      const versions = opts.versions ? await store.listVersions() : [];
      if (opts.json) return printJson(opts.versions ? { datasets, versions } : datasets);
      printTable(
        ['dataset', 'format', 'versions', 'latest', 'entities', 'title'],
        datasets.map((d) => [d.name, d.format, d.versions, d.latestVersion, d.entities, d.title]),
      );
      if (opts.versions) {
        process.stdout.write('\n');
        printTable(
          ['dataset', 'version', 'entities', 'added', 'changed', 'removed', 'warnings', 'imported at'],
          versions.map((v) => [
            v.dataset,
            v.label,
            v.entities,
            v.added,
            v.changed,
            v.removed,
            v.warnings,
            v.importedAt,
          ]),
        );
      }
    });
  });
}
