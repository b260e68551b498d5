import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { ChangeKind } from '../../store/store.js';
import { withDb, withStore } from '../context.js';
import { printJson, printTable } from '../output.js';

const KINDS = ['added', 'removed', 'changed'];

export function registerChanges(program: Command): void {
  withDb(
    program
      .command('changes')
      .description(
        'what list versions added, removed or changed (the first version of a dataset is omitted unless asked for)',
      )
      .option('--dataset <name>', 'only this dataset')
      .option('--version <label>', 'only changes made by this version, e.g. 2024-05-03')
      .option('--since <date>', 'only versions dated on or after this date')
      .option('--until <date>', 'only versions dated on or before this date')
      .option('--entity <id>', 'the history of one entity')
      .option('--kind <kind>', 'added, removed or changed')
      .option('--limit <n>', 'at most this many rows', '200')
      .option('--offset <n>', 'skip this many rows', '0')
      .option('--json', 'print JSON'),
  ).action(async (opts) => {
    if (opts.kind && !KINDS.includes(opts.kind)) {
      throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, not "${opts.kind}"`);
    }
    const limit = Number(opts.limit);
    const offset = Number(opts.offset);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer`);
    if (!Number.isInteger(offset) || offset < 0)
      throw new UsageError(`--offset must be a non-negative integer`);
    await withStore(opts, async (store) => {
      const changes = await store.listChanges({
        dataset: opts.dataset,
        version: opts.version,
        since: opts.since,
        until: opts.until,
        entityId: opts.entity,
        kind: opts.kind as ChangeKind | undefined,
        limit,
        offset,
      });
      if (opts.json) return printJson(changes);
      if (!changes.length) {
        process.stdout.write('no changes\n');
        return;
      }
      printTable(
        ['version', 'change', 'schema', 'id', 'name', 'properties'],
        changes.map((c) => [
          `${c.dataset}@${c.version}`,
          c.kind,
          c.schema,
          c.entityId,
          c.caption,
          Object.entries(c.properties)
            .map(
              ([p, d]) =>
                `${p} ${d.added
                  .map((v) => `+${v}`)
                  .concat(d.removed.map((v) => `-${v}`))
                  .join(' ')}`,
            )
            .join('; '),
        ]),
      );
      if (changes.length === limit)
        process.stdout.write(`(first ${limit}; use --offset ${offset + limit} for more)\n`);
    });
  });
}
