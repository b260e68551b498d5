import type { Command } from 'commander';
import { withDb, withStore } from '../context.js';
import { printJson, printTable } from '../output.js';

export function registerStats(program: Command): void {
  withDb(
    program
      .command('stats')
      .description('counts of datasets, versions, entities and statements')
      .option('--json', 'print JSON'),
  ).action(async (opts) => {
    await withStore(opts, async (store) => {
      const s = await store.stats();
      if (opts.json) return printJson(s);
      printTable(
        ['what', 'count'],
        [
          ['datasets', s.datasets],
          ['versions', s.versions],
          ['entities (ever)', s.entities],
          ['entities (current)', s.activeEntities],
          ['statements (ever)', s.statements],
          ['statements (current)', s.currentStatements],
        ],
      );
      process.stdout.write('\n');
      printTable(['schema', 'current entities'], Object.entries(s.bySchema));
    });
  });
}
