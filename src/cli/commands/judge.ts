import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { UsageError } from '../../errors.js';
import { judge, split, type DecisionOutcome } from '../../resolve/decide.js';
import { isDecision } from '../../resolve/judgements.js';
import { withDb, withStore } from '../context.js';
import { printJson } from '../output.js';

/** Who is judging: --user, else $TANGLE_USER, else the login name. */
export function judgeUser(opts: { user?: string }): string {
  const user = opts.user ?? process.env.TANGLE_USER ?? safeLogin();
  if (!user || !/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(user))
    throw new UsageError('give who judges with --user NAME (letters, digits and . _ @ -)');
  return user;
}

function safeLogin(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

export function printOutcome(outcome: DecisionOutcome, json: boolean): void {
  if (json) return printJson(outcome);
  for (const j of outcome.judgements) {
    process.stdout.write(`${j.left} ${j.decision} ${j.right} (${j.method}, by ${j.user} at ${j.at})\n`);
  }
  for (const c of outcome.clusters) {
    process.stdout.write(
      c.members.length > 1 ? `${c.canonicalId}: ${c.members.join(', ')}\n` : `${c.canonicalId}: on its own\n`,
    );
  }
}

export function registerJudge(program: Command): void {
  withDb(
    program
      .command('judge')
      .description('judge a pair of entities: same, different or unsure (who and when are recorded)')
      .argument('<left>', 'entity id')
      .argument('<right>', 'entity id')
      .argument('<decision>', 'same, different or unsure')
      .option('--user <name>', 'who judges (default: $TANGLE_USER, then the login name)')
      .option('--reason <text>', 'why')
      .option('--json', 'print JSON'),
  ).action(async (left: string, right: string, decision: string, opts) => {
    if (!isDecision(decision))
      throw new UsageError(`decision "${decision}" must be same, different or unsure`);
    const user = judgeUser(opts);
    await withStore(
      opts,
      async (store) =>
        printOutcome(await judge(store, [{ left, right, decision, user, reason: opts.reason }]), opts.json),
      false,
    );
  });

  withDb(
    program
      .command('split')
      .description(
        'undo merges: a canonical id gives every member its own id back; a member id leaves its cluster',
      )
      .argument('<id>', 'canonical id (tgl-…) or member entity id')
      .option('--user <name>', 'who splits (default: $TANGLE_USER, then the login name)')
      .option('--json', 'print JSON'),
  ).action(async (id: string, opts) => {
    const user = judgeUser(opts);
    await withStore(opts, async (store) => printOutcome(await split(store, id, user), opts.json), false);
  });
}
