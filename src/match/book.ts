/**
 * Customer books: CSV files with a header, one party per row. Default columns are
 * id, name, schema, dob, country, ids (only name is required); --map renames them.
 */
import { InputError } from '../errors.js';
import { parseCsv } from '../sources/csv.js';
import type { MatchEntity } from './entity.js';
import { buildQuery, QueryFieldError, type QueryInput } from './query.js';

export const BOOK_COLUMNS = ['id', 'name', 'schema', 'dob', 'country', 'ids'] as const;
export type BookColumn = (typeof BOOK_COLUMNS)[number];

export interface BookRow {
  line: number;
  /** The row's own id, or its line number when the book has no id column. */
  id: string;
  input: QueryInput;
  query: MatchEntity;
}

/** Parse `name="Full Name"` style mappings from the command line. */
export function parseColumnMap(specs: readonly string[] = []): Partial<Record<BookColumn, string>> {
  const map: Partial<Record<BookColumn, string>> = {};
  for (const spec of specs) {
    const m = /^\s*([a-z]+)\s*=\s*"?(.*?)"?\s*$/.exec(spec);
    if (!m || !(BOOK_COLUMNS as readonly string[]).includes(m[1]) || !m[2]) {
      throw new InputError(
        { file: '--map' },
        `"${spec}" is not COLUMN=HEADER with COLUMN one of ${BOOK_COLUMNS.join(', ')}`,
      );
    }
    map[m[1] as BookColumn] = m[2];
  }
  return map;
}

export function readBook(
  text: string,
  file: string,
  columnMap: Partial<Record<BookColumn, string>> = {},
): BookRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parseCsv(body, file);
  const first = records.next();
  if (first.done)
    throw new InputError(
      { file, line: 1 },
      'the book is empty: expected a header line with at least a name column',
    );
  const header = first.value.fields.map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const index: Partial<Record<BookColumn, number>> = {};
  for (const col of BOOK_COLUMNS) {
    const wanted = columnMap[col];
    const i = wanted !== undefined ? header.indexOf(wanted) : lower.indexOf(col);
    if (wanted !== undefined && i < 0) {
      throw new InputError(
        { file, line: first.value.line, field: wanted },
        `--map ${col}="${wanted}": no such column in the header (${header.join(', ')})`,
      );
    }
    if (i >= 0) index[col] = i;
  }
  if (index.name === undefined) {
    throw new InputError(
      { file, line: first.value.line, field: 'name' },
      `the header has no name column (found: ${header.join(', ')}); use --map name="Your Header"`,
    );
  }
  const rows: BookRow[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of records) {
    if (fields.length !== header.length) {
      throw new InputError(
        { file, line },
        `expected ${header.length} fields like the header, found ${fields.length}`,
      );
    }
    const get = (c: BookColumn) => (index[c] === undefined ? undefined : fields[index[c]!]);
    const input: QueryInput = {
      name: get('name'),
      schema: get('schema'),
      dob: get('dob'),
      country: get('country'),
      ids: get('ids'),
    };
    let query: MatchEntity;
    try {
      query = buildQuery(input);
    } catch (err) {
      if (err instanceof QueryFieldError) {
        const col = err.field as BookColumn;
        throw new InputError(
          { file, line, field: index[col] !== undefined ? header[index[col]!] : err.field },
          err.message,
        );
      }
      throw err;
    }
    const id = get('id')?.trim() || String(line);
    if (seen.has(id))
      throw new InputError(
        { file, line, field: index.id !== undefined ? header[index.id] : 'id' },
        `duplicate id "${id}"`,
      );
    seen.add(id);
    rows.push({ line, id, input, query });
  }
  if (!rows.length)
    throw new InputError({ file, line: first.value.line + 1 }, 'the book has a header but no rows');
  return rows;
}
