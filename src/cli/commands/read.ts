/** `tangle read <file…>`: read documents into the store and show what they claim. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import {
  checkDocumentMeta,
  documentFiles,
  loadDocumentFiles,
  readDocument,
  readingJson,
} from '../../logic/reading.js';
import type { SaveOutcome } from '../../store/documents.js';
import { withDb } from '../context.js';
import { progressBar } from '../output.js';
import { cliUser, withReading } from '../reading-context.js';

export function registerRead(program: Command): void {
  withDb(
    program
      .command('read')
      .description(
        'read documents (.txt .md .html .pdf .docx, or folders of them): the parties they name, ' +
          'linked to the lists, and the relationships they claim, with the evidence sentence',
      )
      .argument('<files...>', 'document files or folders')
      .option('--title <title>', 'the document title (default: the title the file states, then its name)')
      .option(
        '--url <url>',
        'where the document was published; a changed text at the same url is a new version',
      )
      .option('--date <YYYY-MM-DD>', 'publication date, for claims whose sentence gives none')
      .option('--publisher <name>', 'who published it')
      .option('--accept', 'accept every claim and new party of this reading (single-user workflow)')
      .option('--by <user>', 'who is reading and accepting (default: your login name)')
      .option('--max-mb <n>', 'largest document file in MB (default: $TANGLE_MAX_DOCUMENT_MB, then 50)')
      .option('--verbose', "also print the size and build time of the reader's gazetteer")
      .option('--json', 'print each reading as one JSON object per line'),
  ).action(async (files: string[], opts) => {
    const meta = checkDocumentMeta({
      title: opts.title,
      url: opts.url,
      date: opts.date,
      publisher: opts.publisher,
    });
    let maxBytes: number | undefined;
    if (opts.maxMb !== undefined) {
      const mb = Number(opts.maxMb);
      if (!Number.isFinite(mb) || mb <= 0) throw new UsageError('--max-mb must be a number > 0');
      maxBytes = Math.round(mb * 1024 * 1024);
    }
    const paths = await documentFiles(files);
    if (!paths.length)
      throw new UsageError(`no documents (.txt .md .html .pdf .docx) in ${files.join(', ')}`);
    if (paths.length > 1 && (meta.title || meta.url)) {
      throw new UsageError('--title and --url describe one document: give them with a single file');
    }
    const bar = progressBar('documents', paths.length > 1 && !opts.json && process.stderr.isTTY === true);
    // Every file becomes text before anything is stored: a bad file stops the whole batch.
    const inputs = await loadDocumentFiles(paths, (done, total) => bar?.('text', done, total), maxBytes);
    await withReading(opts, async (ctx) => {
      const by = cliUser(opts.by);
      const outcomes: SaveOutcome[] = [];
      for (const [i, input] of inputs.entries()) {
        const outcome = await readDocument(ctx, input, meta, { accept: Boolean(opts.accept), by });
        bar?.('read', i + 1, inputs.length);
        if (opts.json) process.stdout.write(`${JSON.stringify(readingJson(outcome))}\n`);
        else outcomes.push(outcome);
      }
      for (const outcome of outcomes) process.stdout.write(renderReading(outcome));
      if (opts.verbose) {
        const { stats } = await ctx.reader();
        process.stderr.write(
          `reader: ${stats.names} names of ${stats.entities} list entities, built in ${Math.round(stats.buildMs)} ms\n`,
        );
      }
    });
  });
}

function renderReading(outcome: SaveOutcome): string {
  const d = outcome.document;
  const state = outcome.created
    ? outcome.replaced
      ? `new version ${d.version}, replaces ${outcome.replaced}`
      : 'new'
    : 'already read: nothing stored again';
  const lines = [`${d.title ?? d.id}  (${d.id}, ${state})`];
  const linked = outcome.entities.filter((e) => e.linked_id);
  lines.push(
    `  parties: ${outcome.entities.length} (${linked.length} linked to list entries, ` +
      `${outcome.entities.length - linked.length} known only from documents)`,
  );
  for (const e of outcome.entities) {
    const link = e.linked_id
      ? `→ ${e.linked_id}${e.ambiguous ? ' (ambiguous)' : ''} ${e.link_confidence.toFixed(2)}`
      : `→ ${e.id} (new)`;
    lines.push(`    ${e.name} [${e.schema}] ${link}  ×${e.mentions.length}`);
  }
  const names = new Map(outcome.entities.map((e) => [e.local_id, e.name]));
  const counts = new Map<string, number>();
  for (const c of outcome.claims) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  lines.push(`  claims: ${outcome.claims.length}${[...counts].map(([s, n]) => `, ${n} ${s}`).join('')}`);
  for (const c of outcome.claims) {
    const flags = [c.domain, c.hedged ? 'hedged' : '', c.negated ? 'NEGATED' : '', c.date ?? '']
      .filter(Boolean)
      .join(', ');
    lines.push(
      `    ${names.get(c.source_local) ?? c.source_id} —${c.type}${c.item ? ` (${c.item})` : ''}→ ` +
        `${names.get(c.target_local) ?? c.target_id}  [${flags}]  ${c.id}`,
    );
    lines.push(
      `      “${c.sentence.length > 160 ? `${c.sentence.slice(0, 157)}…` : c.sentence}” @${c.start}-${c.end}`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}
