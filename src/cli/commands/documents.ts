/** `tangle documents [id]`: the documents read into the store, or one of them in full. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { withDb } from '../context.js';
import { printJson, printTable } from '../output.js';
import { withReading } from '../reading-context.js';

export function registerDocuments(program: Command): void {
  withDb(
    program
      .command('documents')
      .description('documents read into the store (or one document: its parties and claims)')
      .argument('[id]', 'a document id: show that document')
      .option('--all', 'also list versions that a newer version replaced')
      .option('--json', 'print JSON'),
  ).action(async (id: string | undefined, opts) => {
    await withReading(
      opts,
      async ({ documents }) => {
        if (id) {
          const doc = await documents.getDocument(id);
          if (!doc) throw new UsageError(`no document ${id}`);
          if (opts.json) return printJson(doc);
          process.stdout.write(
            `${doc.title ?? doc.id}\n  id ${doc.id} · version ${doc.version}${doc.current ? '' : ' (replaced)'} · ` +
              `${doc.date ?? 'no date'} · ${doc.url ?? 'no url'} · ${doc.length} characters · read ${doc.read_at}\n\n`,
          );
          printTable(
            ['party', 'schema', 'store id', 'linked', 'mentions', 'status'],
            doc.entities.map((e) => [
              e.name,
              e.schema,
              e.id,
              e.linked_id ? 'yes' : 'no',
              e.mentions.length,
              e.status,
            ]),
          );
          process.stdout.write('\n');
          printTable(
            ['claim', 'status', 'source', 'type', 'target', 'flags', 'at'],
            doc.claims.map((c) => [
              c.id,
              c.status,
              c.source_id,
              c.type,
              c.target_id,
              [c.hedged ? 'hedged' : '', c.negated ? 'negated' : ''].filter(Boolean).join(' '),
              `${c.start}-${c.end}`,
            ]),
          );
          return;
        }
        const list = await documents.listDocuments({ includeSuperseded: Boolean(opts.all) });
        if (opts.json) return printJson(list);
        printTable(
          ['id', 'version', 'date', 'parties', 'claims', 'read at', 'title'],
          list.map((d) => [
            d.id,
            `${d.version}${d.current ? '' : ' (replaced)'}`,
            d.date,
            d.entity_count,
            d.claim_count,
            d.read_at,
            d.title,
          ]),
        );
      },
      false,
    );
  });
}
