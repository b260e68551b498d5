import type { Command } from 'commander';
import { importFiles } from '../../logic/import.js';
import { FORMATS } from '../../sources/index.js';
import { removalPolicy, withDb, withRemovalGuard, withStore } from '../context.js';
import { printJson, progressBar } from '../output.js';

export function registerImport(program: Command): void {
  withDb(
    withRemovalGuard(
      program
        .command('import')
        .description(
          `import list files as a new dataset version (formats: ${FORMATS.map((f) => f.name).join(', ')}; ` +
            'gzip-compressed files are accepted)',
        )
        .argument('<format>', 'file format')
        .argument('<paths...>', 'files that make up one version of the list')
        .option('--dataset <name>', "dataset name (default: the format's usual dataset)")
        .option('--title <title>', 'dataset title')
        .option('--version-date <date>', 'date of this version (default: the date in the files, then today)')
        .option('--json', 'print the result as JSON'),
    ),
  ).action(async (format: string, paths: string[], opts) => {
    await withStore(
      opts,
      async (store) => {
        const r = await importFiles(
          store,
          {
            format,
            paths,
            dataset: opts.dataset,
            title: opts.title,
            versionDate: opts.versionDate,
            ...removalPolicy(opts),
          },
          progressBar(format, !opts.json && process.stderr.isTTY),
        );
        if (opts.json) {
          const { warningList, ...rest } = r;
          printJson({ ...rest, warnings: warningList });
          return;
        }
        const seconds = (r.readMs + r.storeMs) / 1000;
        process.stdout.write(
          `${r.dataset} version ${r.version}: ${r.entities} entities, ${r.statements} statements ` +
            `(${r.added} added, ${r.changed} changed, ${r.removed} removed, ${r.unchanged} unchanged) ` +
            `in ${seconds.toFixed(2)} s (${Math.round(r.entities / seconds)} entities/s)\n`,
        );
        if (r.warningList.length) {
          process.stdout.write(`${r.warningList.length} warnings:\n`);
          for (const w of r.warningList.slice(0, 10)) process.stdout.write(`  ${w}\n`);
          if (r.warningList.length > 10)
            process.stdout.write(`  … and ${r.warningList.length - 10} more (--json lists all)\n`);
        }
      },
      false,
    );
  });
}
