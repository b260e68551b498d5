import type { Command } from 'commander';
import { listAlgorithms } from '../../match/algorithms.js';
import { printJson } from '../output.js';

export function registerAlgorithms(program: Command): void {
  program
    .command('algorithms')
    .description('the scoring algorithms, their features and default weights')
    .option('--json', 'print JSON')
    .action((opts) => {
      const list = listAlgorithms();
      if (opts.json) return printJson(list);
      process.stdout.write(`default: ${list.default} · best: ${list.best}\n`);
      for (const a of list.algorithms) {
        process.stdout.write(`\n${a.name}: ${a.description}\n`);
        for (const [name, f] of Object.entries(a.features)) {
          process.stdout.write(
            `  ${name.padEnd(24)} ${String(f.weight ?? '').padStart(6)}  ${f.description}\n`,
          );
        }
      }
    });
}
