import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { matchPairs } from '../../match/pairs.js';
import { readSourceFile } from '../../sources/input.js';

export function registerMatchPairs(program: Command): void {
  program
    .command('match-pairs')
    .description(
      'score labelled name pairs: reads a CSV with header schema,name1,name2 and writes score,match per row',
    )
    .argument('<pairs.csv>', 'the pairs file')
    .option('--threshold <score>', 'match threshold (default 0.70)')
    .option('--algorithm <name>', 'scoring algorithm')
    .action((file: string, opts) => {
      const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
      if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
        throw new UsageError('--threshold must be from 0 to 1');
      const source = readSourceFile(file);
      const results = matchPairs(source.text, file, { threshold, algorithm: opts.algorithm });
      const lines = ['score,match', ...results.map((r) => `${r.score.toFixed(4)},${r.match}`)];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
