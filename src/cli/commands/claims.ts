/** `tangle claims`: the relationships documents claim, filtered by review status, party or document. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { partyNames, type ReadingContext } from '../../logic/reading.js';
import { normalizeName } from '../../names/normalize.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../../store/documents.js';
import { withDb } from '../context.js';
import { printJson, printTable } from '../output.js';
import { withReading } from '../reading-context.js';
import { resolveEntity } from './show.js';

export function parseStatuses(raw: string | undefined): ReviewStatus[] | undefined {
  if (!raw) return undefined;
  const statuses = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of statuses) {
    if (!(REVIEW_STATUSES as readonly string[]).includes(s)) {
      throw new UsageError(
        `--status must be ${REVIEW_STATUSES.join(', ')} (or several, comma-separated), not "${s}"`,
      );
    }
  }
  return statuses as ReviewStatus[];
}

/** A store id as given, or the party a name stands for: a party found in documents, then a list entity. */
async function partyId(ctx: ReadingContext, query: string): Promise<string> {
  if ((await ctx.documents.hasDocumentEntity(query)) || (await ctx.store.getEntity(query))) return query;
  const wanted = normalizeName(query);
  const born = (await ctx.documents.listDocumentEntities()).filter((e) => normalizeName(e.name) === wanted);
  if (born.length === 1) return born[0].id;
  return resolveEntity(ctx.store, query);
}

export function registerClaims(program: Command): void {
  withDb(
    program
      .command('claims')
      .description('relationships claimed by documents, with their evidence and review status')
      .option('--status <status>', 'proposed, accepted or rejected (several: comma-separated)')
      .option('--entity <id-or-name>', 'claims with this party as source or target (a store id, or a name)')
      .option('--document <id>', 'claims of one document')
      .option('--limit <n>', 'at most this many', '200')
      .option('--offset <n>', 'skip this many', '0')
      .option('--json', 'print JSON'),
  ).action(async (opts) => {
    const limit = Number(opts.limit);
    const offset = Number(opts.offset);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number ≥ 1');
    if (!Number.isInteger(offset) || offset < 0) throw new UsageError('--offset must be a whole number ≥ 0');
    await withReading(
      opts,
      async (ctx) => {
        const query = {
          status: parseStatuses(opts.status),
          entityId: opts.entity === undefined ? undefined : await partyId(ctx, opts.entity),
          documentId: opts.document,
          limit,
          offset,
        };
        const claims = await ctx.documents.listClaims(query);
        const names = await partyNames(
          ctx,
          claims.flatMap((c) => [c.source_id, c.target_id]),
        );
        if (opts.json) {
          return printJson(
            claims.map((c) => ({
              ...c,
              source_name: names.get(c.source_id),
              target_name: names.get(c.target_id),
            })),
          );
        }
        printTable(
          ['claim', 'status', 'source', 'type', 'target', 'domain', 'flags', 'date', 'document'],
          claims.map((c) => [
            c.id,
            c.status,
            names.get(c.source_id),
            c.type,
            names.get(c.target_id),
            c.domain,
            [c.hedged ? 'hedged' : '', c.negated ? 'negated' : ''].filter(Boolean).join(' '),
            c.date,
            c.document.title ?? c.document.id,
          ]),
        );
        const total = await ctx.documents.countClaims(query);
        if (total > claims.length)
          process.stdout.write(`(${claims.length} of ${total}; use --offset for more)\n`);
      },
      false,
    );
  });
}
