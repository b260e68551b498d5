import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { InputError, UsageError } from '../../errors.js';
import { bookResultsCsv, buildIndex, resultJson, screenBook, summarizeBook } from '../../logic/screening.js';
import { defaultWorkers, ScreeningPool } from '../../logic/screening-pool.js';
import { parseColumnMap, readBook } from '../../match/book.js';
import type { ScreenOptions } from '../../match/candidate-index.js';
import type { Store } from '../../store/store.js';
import { buildQuery, QueryFieldError } from '../../match/query.js';
import { readSourceFile } from '../../sources/input.js';
import { withDb, withStore } from '../context.js';
import { printJson, printTable, progressBar } from '../output.js';

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export function numberOption(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`${name} must be a number from ${min} to ${max}`);
  return n;
}

export function registerScreen(program: Command): void {
  withDb(
    program
      .command('screen')
      .description('screen one name (--name) or a CSV book of parties against the lists')
      .argument('[book]', 'CSV with a header: id,name,schema,dob,country,ids (only name required)')
      .option('--name <name>', 'the name to screen')
      .option(
        '--schema <schema>',
        'Person, Company, Organization, LegalEntity, Vessel, Airplane… (default: any)',
      )
      .option('--dob <date>', 'date of birth (YYYY, YYYY-MM or YYYY-MM-DD)')
      .option('--country <country>', 'country name or ISO code')
      .option('--id <id>', 'an identifier (passport, national id, IMO, registration…); repeatable', collect)
      .option('-o, --output <file>', 'write book results to a .csv or .json file')
      .option('--map <column=header>', 'book column mapping, e.g. name="Full Name"; repeatable', collect)
      .option('--dataset <name>', 'only entities from this dataset; repeatable', collect)
      .option('--threshold <score>', 'match threshold (default: the algorithm threshold, 0.70)')
      .option('--limit <n>', 'results per query', '5')
      .option('--algorithm <name>', 'scoring algorithm (see `tangle algorithms`)')
      .option('--exclude <entity-id>', 'judged false positive to leave out; repeatable', collect)
      .option('--all', 'also list candidates below the threshold')
      .option(
        '--workers <n>',
        'book screening threads, each with its own index (default: one per core for books of 60,000+ rows)',
      )
      .option('--json', 'print JSON'),
  ).action(async (book: string | undefined, opts) => {
    if (book && opts.name !== undefined) throw new UsageError('give either a book file or --name, not both');
    if (!book && opts.name === undefined) throw new UsageError('give a name with --name, or a CSV book file');
    const options: ScreenOptions = {
      threshold: numberOption(opts.threshold, '--threshold', 0, 1),
      limit: numberOption(opts.limit, '--limit', 1, 500),
      algorithm: opts.algorithm,
      excludeIds: opts.exclude,
      includeDatasets: opts.dataset,
      includeNonMatches: Boolean(opts.all),
    };
    if (book) {
      const source = readSourceFile(book);
      const rows = readBook(source.text, book, parseColumnMap(opts.map));
      const workers = Math.floor(
        numberOption(opts.workers, '--workers', 1, 64) ?? defaultWorkers(rows.length),
      );
      await withStore(opts, async (store) => {
        await checkDatasets(store, opts.dataset);
        const bar = progressBar('screen', !opts.json && process.stderr.isTTY);
        const progress = bar && ((done: number, total: number) => bar('rows', done, total));
        let screened;
        let indexSize: number;
        if (workers > 1) {
          const records = [];
          for await (const r of store.currentEntities()) records.push(r);
          const pool = await ScreeningPool.start(records, workers);
          try {
            const t0 = performance.now();
            const results = await pool.screen(rows, options, progress || undefined);
            screened = { results, summary: summarizeBook(results, (performance.now() - t0) / 1000) };
            indexSize = pool.size;
          } finally {
            await pool.close();
          }
        } else {
          const index = await buildIndex(store, { cache: true });
          screened = screenBook(index, rows, options, progress || undefined);
          indexSize = index.size;
        }
        const { results, summary } = screened;
        if (opts.output) {
          if (/\.json$/i.test(opts.output))
            writeFileSync(opts.output, `${JSON.stringify(results, null, 2)}\n`);
          else if (/\.csv$/i.test(opts.output)) writeFileSync(opts.output, bookResultsCsv(results));
          else throw new UsageError('--output must end in .csv or .json');
        }
        if (opts.json) return printJson(opts.output ? summary : { summary, results });
        process.stdout.write(
          `${summary.rows} rows screened against ${indexSize} entities in ${summary.seconds.toFixed(2)} s ` +
            `(${Math.round(summary.rowsPerSecond)} rows/s${workers > 1 ? `, ${workers} threads` : ''}): ${summary.rowsWithMatches} rows with matches, ${summary.matches} matches\n`,
        );
        const programmes = Object.entries(summary.byProgramme).sort((a, b) => b[1] - a[1]);
        if (programmes.length) printTable(['programme', 'matches'], programmes);
        if (opts.output) process.stdout.write(`results written to ${opts.output}\n`);
      });
      return;
    }
    let query;
    try {
      query = buildQuery({
        name: opts.name,
        schema: opts.schema,
        dob: opts.dob,
        country: opts.country,
        ids: opts.id?.join(';'),
      });
    } catch (err) {
      if (err instanceof QueryFieldError)
        throw new InputError(
          { file: 'command line', field: `--${err.field === 'ids' ? 'id' : err.field}` },
          err.message,
        );
      throw err;
    }
    await withStore(opts, async (store) => {
      await checkDatasets(store, opts.dataset);
      const index = await buildIndex(store, { cache: true });
      const outcome = index.screen(query, options);
      const results = outcome.hits.map(resultJson);
      if (opts.json) return printJson({ query, total: outcome.matches, results });
      if (!results.length) {
        process.stdout.write(
          `no match for "${opts.name}" at threshold ${options.threshold ?? 0.7} (${outcome.candidatesScored} candidates scored)\n`,
        );
        return;
      }
      for (const r of results) {
        const ids = Object.entries(r.source_ids)
          .map(([d, v]) => `${d} ${v.join(', ')}`)
          .join('; ');
        process.stdout.write(
          `${r.score.toFixed(3)} ${r.match ? 'MATCH' : '     '} ${r.caption} [${r.schema}] ${r.entity_id}\n`,
        );
        process.stdout.write(`      programmes: ${r.programmes.join(', ') || '—'} · source ids: ${ids}\n`);
        for (const [feature, ex] of Object.entries(r.explanations)) {
          process.stdout.write(`      ${feature} ${ex.score} × ${ex.weight}: ${ex.detail}\n`);
        }
      }
    });
  });
}

/** A mistyped --dataset would screen nothing and read as "no match": refuse it, naming the datasets. */
async function checkDatasets(store: Store, names: string[] | undefined): Promise<void> {
  if (!names?.length) return;
  const known = (await store.listDatasets()).map((d) => d.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) {
    throw new UsageError(
      `--dataset: no dataset ${unknown.map((n) => `"${n}"`).join(', ')}; the datasets are: ${known.join(', ')}`,
    );
  }
}
