import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { judge, readJudgementCsv } from '../../resolve/decide.js';
import { Resolver } from '../../resolve/resolver.js';
import { xrefStore } from '../../resolve/run.js';
import { judgementsToJsonl, parseJudgementJsonl } from '../../resolve/share.js';
import { readSourceFile } from '../../sources/input.js';
import { openJudgements } from '../../store/sqlite-judgements.js';
import { withDb, withStore } from '../context.js';
import { printJson, printTable } from '../output.js';
import { judgeUser, printOutcome } from './judge.js';
import { numberOption } from './screen.js';
import { printPairs, withXrefOptions, xrefOptionsFrom } from './xref.js';

/** The user recorded for automatic merges. */
export const AUTO_USER = 'tangle';

export function registerDedupe(program: Command): void {
  withDb(
    withXrefOptions(
      program
        .command('dedupe')
        .description(
          'decide proposed pairs: list the open ones, merge those with identical strong identifiers (--auto), or apply a CSV of decisions (--csv)',
        ),
    )
      .option(
        '--auto',
        'merge pairs with an identical strong identifier and a matching name (marked automatic)',
      )
      .option(
        '--csv <file>',
        'apply decisions from a CSV with left,right,decision[,reason] columns, all or none',
      )
      .option('--user <name>', 'who decides (default: $TANGLE_USER, then the login name)')
      .option('--json', 'print JSON'),
  ).action(async (opts) => {
    if (opts.csv && opts.auto) throw new UsageError('give either --csv or --auto, not both');
    await withStore(opts, async (store) => {
      if (opts.csv) {
        const source = readSourceFile(opts.csv);
        const inputs = readJudgementCsv(source.text, opts.csv, judgeUser(opts));
        return printOutcome(await judge(store, inputs), opts.json);
      }
      const run = await xrefStore(store, xrefOptionsFrom(opts));
      if (opts.auto) {
        const merges = run.pairs.filter((p) => p.auto && p.decision === null);
        const outcome = await judge(
          store,
          merges.map((p) => ({
            left: p.left.id,
            right: p.right.id,
            decision: 'same' as const,
            user: AUTO_USER,
            method: 'auto' as const,
            reason: `same ${p.sharedIds.map((s) => `${s.kind} ${s.value}`).join(', ')}; score ${p.score}`,
          })),
          { skipConflicts: true },
        );
        if (opts.json) return printJson(outcome);
        process.stdout.write(`${outcome.judgements.length} pairs merged automatically\n`);
        for (const why of outcome.skipped ?? []) process.stdout.write(`left for a person: ${why}\n`);
        return printOutcome({ judgements: outcome.judgements, clusters: [] }, false);
      }
      const open = run.pairs.filter((p) => p.decision === null);
      if (opts.json)
        return printJson(
          open.map((p) => ({ left: p.left.id, right: p.right.id, score: p.score, auto: p.auto })),
        );
      process.stdout.write(
        `${open.length} open pairs (judge with \`tangle judge LEFT RIGHT same|different|unsure\` or --csv):\n`,
      );
      printPairs(open);
    });
  });

  const judgements = program.command('judgements').description('list, export and import judgements');
  withDb(
    judgements.command('list').description('the current judgements').option('--json', 'print JSON'),
  ).action(async (opts) => {
    await withStore(
      opts,
      async (store) => {
        const resolver = await Resolver.load(store);
        const all = resolver.judgements();
        if (opts.json) return printJson({ judgements: all, clusters: resolver.clusters() });
        printTable(
          ['left', 'decision', 'right', 'method', 'user', 'at', 'reason'],
          all.map((j) => [j.left, j.decision, j.right, j.method, j.user, j.at, j.reason]),
        );
      },
      false,
    );
  });
  withDb(
    judgements
      .command('log')
      .description(
        'every change to the judgements, newest first: judgements, imports and splits, with who and when',
      )
      .option('--limit <n>', 'entries to show', '100')
      .option('--json', 'print JSON'),
  ).action(async (opts) => {
    const limit = numberOption(opts.limit, '--limit', 1, 100_000)!;
    await withStore(
      opts,
      async (store) => {
        const entries = openJudgements(store).log(limit);
        if (opts.json) return printJson(entries);
        printTable(
          ['at', 'user', 'action', 'left', 'decision', 'right', 'detail'],
          entries.map((e) => [e.at, e.user, e.action, e.left, e.decision, e.right, e.detail]),
        );
      },
      false,
    );
  });
  withDb(
    judgements
      .command('export')
      .description('write the judgements as JSON lines (to standard output or -o FILE)')
      .option('-o, --output <file>', 'write to this file'),
  ).action(async (opts) => {
    await withStore(
      opts,
      async (store) => {
        const text = judgementsToJsonl((await Resolver.load(store)).judgements());
        if (opts.output) writeFileSync(opts.output, text);
        else process.stdout.write(text);
      },
      false,
    );
  });
  withDb(
    judgements
      .command('import')
      .description('apply judgements from JSON lines (as written by export), all or none')
      .argument('<file>', 'JSON lines file')
      .option('--user <name>', 'recorded for lines that name no user')
      .option('--json', 'print JSON'),
  ).action(async (file: string, opts) => {
    const source = readSourceFile(file);
    const inputs = parseJudgementJsonl(source.text, file, judgeUser(opts));
    await withStore(opts, async (store) => printOutcome(await judge(store, inputs), opts.json), false);
  });
}
