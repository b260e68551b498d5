/**
 * `tangle review <id> accept|reject|edit`: a reviewer's decision on a claim, or on a party no list
 * knows (a `doc-…` id: accept, reject, or correct its name and schema), recorded with who and when.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { reviewClaim, reviewParty } from '../../logic/reading.js';
import { REVIEW_ACTIONS, type ClaimEdit, type ReviewAction } from '../../store/documents.js';
import type { Domain, RelationType } from '../../text/extraction.js';
import { withDb } from '../context.js';
import { printJson } from '../output.js';
import { cliUser, withReading } from '../reading-context.js';

export function registerReview(program: Command): void {
  withDb(
    program
      .command('review')
      .description(
        'accept, reject or correct (edit) a claim, or a party no list knows (doc-…); who and when are recorded',
      )
      .argument('<id>', 'a claim (see `tangle claims`) or a document party (doc-…, see `tangle documents`)')
      .argument('<action>', 'accept, reject or edit')
      .option('--type <type>', 'edit: the right relation type')
      .option('--source <id>', 'edit: the right source (a store id)')
      .option('--target <id>', 'edit: the right target (a store id)')
      .option('--reverse', 'edit: swap source and target')
      .option('--domain <domain>', 'edit: the right domain')
      .option('--name <name>', 'edit (a party): the right name')
      .option('--schema <schema>', 'edit (a party): the right type (Person, Company, Organization, Vessel…)')
      .option('--by <user>', 'the reviewer (default: your login name)')
      .option('--json', 'print JSON'),
  ).action(async (claimId: string, action: string, opts) => {
    if (!(REVIEW_ACTIONS as readonly string[]).includes(action)) {
      throw new UsageError(`the action must be ${REVIEW_ACTIONS.join(', ')}, not "${action}"`);
    }
    if (claimId.startsWith('doc-')) {
      await withReading(
        opts,
        async (ctx) => {
          const party = await reviewParty(ctx, claimId, action as ReviewAction, cliUser(opts.by), {
            name: opts.name,
            schema: opts.schema,
          });
          if (!party) throw new UsageError(`no party ${claimId} read from a document`);
          const history = await ctx.documents.documentEntityHistory(party.id);
          if (opts.json) return printJson({ party, history });
          const last = history[history.length - 1]!;
          process.stdout.write(
            `${party.id}: ${party.status} by ${last.by} at ${last.at}\n  ${party.name} [${party.schema}], ` +
              `named in ${party.documents.length} document${party.documents.length === 1 ? '' : 's'}\n`,
          );
        },
        false,
      );
      return;
    }
    if (opts.name !== undefined || opts.schema !== undefined)
      throw new UsageError('--name and --schema correct a party (a doc-… id), not a claim');
    const edit: ClaimEdit = {
      type: opts.type as RelationType | undefined,
      source: opts.source,
      target: opts.target,
      reverse: Boolean(opts.reverse),
      domain: opts.domain as Domain | undefined,
    };
    await withReading(
      opts,
      async (ctx) => {
        const claim = await reviewClaim(ctx, claimId, action as ReviewAction, cliUser(opts.by), edit);
        if (!claim) throw new UsageError(`no claim ${claimId}`);
        const history = await ctx.documents.claimHistory(claim.id);
        if (opts.json) return printJson({ claim, history });
        process.stdout.write(
          `${claim.id}: ${claim.status} by ${claim.reviewed_by} at ${claim.reviewed_at}\n` +
            `  ${claim.source_id} —${claim.type}→ ${claim.target_id} [${claim.domain}]\n` +
            `  “${claim.sentence}”\n`,
        );
      },
      false,
    );
  });
}
