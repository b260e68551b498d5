/**
 * The `tangle` command line. Each command lives in its own file under commands/ and stays thin:
 * the work is done by src/logic and the store.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../config.js';
import { InputError, UsageError } from '../errors.js';
import { registerAlgorithms } from './commands/algorithms.js';
import { registerChanges } from './commands/changes.js';
import { registerClaims } from './commands/claims.js';
import { registerDatasets } from './commands/datasets.js';
import { registerGraph } from './commands/graph.js';
import { registerDocuments } from './commands/documents.js';
import { registerImport } from './commands/import.js';
import { registerMatchPairs } from './commands/match-pairs.js';
import { registerRead } from './commands/read.js';
import { registerReview } from './commands/review.js';
import { registerScreen } from './commands/screen.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import { registerUpdate } from './commands/update.js';
import { registerUser } from './commands/user.js';
import { registerXref } from './commands/xref.js';
import { registerJudge } from './commands/judge.js';
import { registerDedupe } from './commands/dedupe.js';

export function buildProgram(): Command {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const program = new Command('tangle')
    .description('Map illicit networks from sanctions lists and reporting, with evidence behind every link')
    .version(pkg.version, '-V, --version', 'print the Tangle version')
    // Program options only before the command: `tangle changes --version 2024-05-03` is the
    // command's own option, not a request for Tangle's version.
    .enablePositionalOptions()
    .showHelpAfterError()
    .exitOverride();
  registerImport(program);
  registerDatasets(program);
  registerChanges(program);
  registerShow(program);
  registerStats(program);
  registerUpdate(program);
  registerScreen(program);
  registerMatchPairs(program);
  registerAlgorithms(program);
  registerServe(program);
  registerUser(program);
  registerXref(program);
  registerJudge(program);
  registerDedupe(program);
  registerGraph(program);
  registerRead(program);
  registerDocuments(program);
  registerClaims(program);
  registerReview(program);
  return program;
}

/** Run the CLI; errors in the user's input exit with 2, other failures with 1. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (err instanceof InputError || err instanceof UsageError) {
      process.stderr.write(`tangle: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`tangle: ${(err as Error).message}\n`);
    if (process.env.TANGLE_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 1;
  }
}
