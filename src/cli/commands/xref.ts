import type { Command } from 'commander';
import { xrefStore } from '../../resolve/run.js';
import { pairJson, XREF_THRESHOLD, type XrefPair } from '../../resolve/xref.js';
import { withDb, withStore } from '../context.js';
import { printJson, printTable } from '../output.js';
import { collect, numberOption } from './screen.js';

/** The options `xref` and `dedupe` share: which sides, and from what score. */
export function withXrefOptions(command: Command): Command {
  return command
    .option('--dataset <name>', 'left side: entities of this dataset; repeatable (default: all)', collect)
    .option('--against <name>', 'right side: entities of this dataset; repeatable (default: all)', collect)
    .option('--threshold <score>', `propose pairs scoring at least this (default ${XREF_THRESHOLD})`)
    .option('--within', 'also pairs within one dataset');
}

export function xrefOptionsFrom(opts: {
  dataset?: string[];
  against?: string[];
  threshold?: string;
  within?: boolean;
}) {
  return {
    datasets: opts.dataset,
    against: opts.against,
    threshold: numberOption(opts.threshold, '--threshold', 0, 1),
    within: Boolean(opts.within),
  };
}

function sourceIds(ids: Record<string, string[]>): string {
  return Object.entries(ids)
    .map(([d, v]) => `${d} ${v.join(', ')}`)
    .join('; ');
}

export function printPairs(pairs: readonly XrefPair[]): void {
  printTable(
    ['score', 'decision', 'left', 'right', 'why'],
    pairs.map((p) => [
      p.score.toFixed(3),
      p.decision ?? (p.auto ? 'auto?' : '—'),
      `${p.left.caption} [${p.left.id}; ${sourceIds(p.left.recordIds)}]`,
      `${p.right.caption} [${p.right.id}; ${sourceIds(p.right.recordIds)}]`,
      p.sharedIds.length
        ? `same ${p.sharedIds.map((s) => `${s.kind} ${s.value}`).join(', ')}`
        : (p.explanations.name_match?.detail ?? Object.values(p.explanations)[0]?.detail ?? ''),
    ]),
  );
}

export function registerXref(program: Command): void {
  withDb(
    withXrefOptions(
      program
        .command('xref')
        .description(
          'propose pairs of entities that may be one party, across datasets, with score and explanation',
        ),
    )
      .option('--include-different', 'also pairs judged different')
      .option('--json', 'print JSON'),
  ).action(async (opts) => {
    await withStore(opts, async (store) => {
      const run = await xrefStore(store, {
        ...xrefOptionsFrom(opts),
        includeDifferent: Boolean(opts.includeDifferent),
      });
      process.stderr.write(
        `${run.pairs.length} pairs from ${run.screened} entities screened in ${run.seconds.toFixed(2)} s\n`,
      );
      if (opts.json) return printJson(run.pairs.map(pairJson));
      printPairs(run.pairs);
    });
  });
}
