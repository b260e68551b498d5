/**
 * `tangle match-pairs pairs.csv`: score name pairs from a CSV file with a header naming the
 * columns `schema`, `name1`, `name2` (any order, other columns ignored). One result per data row,
 * in order. Any bad row stops the run with an error naming the line and the field.
 */
import { InputError } from '../errors.js';
import { model } from '../model/model.js';
import { parseCsv } from '../sources/csv.js';
import { analyzeEntityNames, type MatchResult, type ScoreConfig, scoreEntity } from './entity.js';

/** Names longer than this are rejected: no real name is, and scoring cost grows with length. */
export const MAX_PAIR_NAME_CHARS = 1000;

export interface PairResult {
  /** Line of the row in the file (1-based). */
  line: number;
  score: number;
  match: boolean;
}

const REQUIRED = ['schema', 'name1', 'name2'] as const;
// Any C0/C1 control character (tabs and line breaks included: a name has none).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function checkName(value: string, file: string, line: number, field: string): string {
  if (value.length > MAX_PAIR_NAME_CHARS) {
    throw new InputError(
      { file, line, field },
      `name is too long (${value.length} characters, at most ${MAX_PAIR_NAME_CHARS})`,
    );
  }
  const bad = CONTROL.exec(value);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new InputError({ file, line, field }, `name contains a control character (U+${code})`);
  }
  if (!value.trim()) throw new InputError({ file, line, field }, 'name is empty');
  return value;
}

function checkSchema(value: string, file: string, line: number): string {
  const name = value.trim();
  if (!name) throw new InputError({ file, line, field: 'schema' }, 'schema is empty');
  if (!model.has(name)) throw new InputError({ file, line, field: 'schema' }, `unknown schema "${name}"`);
  if (!model.get(name).matchable) {
    const matchable = [...model.schemata.values()]
      .filter((s) => s.matchable && !s.abstract)
      .map((s) => s.name);
    throw new InputError(
      { file, line, field: 'schema' },
      `schema "${name}" cannot be matched (use one of: ${matchable.join(', ')})`,
    );
  }
  return name;
}

/**
 * Score a pair of names. A pair has no query side and no list side, while the scorer has one: a
 * word only the query has counts as evidence of another name, a word only the list entry has
 * (a middle name, a patronymic) hardly counts. Each name is therefore scored as the query against
 * the other, and the better of the two kept, so that the order of the columns does not matter.
 */
export function scorePair(schema: string, name1: string, name2: string, config: ScoreConfig): MatchResult {
  // Each name analysed once, scored both ways.
  const a = analyzeEntityNames({ schema, properties: { name: [name1] } });
  const b = analyzeEntityNames({ schema, properties: { name: [name2] } });
  const forward = scoreEntity(a, b, config);
  const backward = scoreEntity(b, a, config);
  return backward.score > forward.score ? backward : forward;
}

/** Score every row of a pairs CSV. Throws InputError (file, line, field) on the first bad row. */
export function matchPairs(
  csvText: string,
  file: string,
  config?: Omit<ScoreConfig, 'explain'>,
): PairResult[] {
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const rows = parseCsv(text, file);
  const first = rows.next();
  if (first.done)
    throw new InputError({ file, line: 1 }, 'file is empty: expected a header with schema,name1,name2');
  const header = first.value.fields.map((h) => h.trim().toLowerCase());
  const index: Record<string, number> = {};
  for (const col of REQUIRED) {
    const i = header.indexOf(col);
    if (i < 0) {
      throw new InputError(
        { file, line: first.value.line, field: col },
        `missing column "${col}" in the header (found: ${first.value.fields.join(', ') || 'nothing'})`,
      );
    }
    index[col] = i;
  }
  const results: PairResult[] = [];
  const cfg: ScoreConfig = { ...config, explain: false };
  for (const row of rows) {
    const { line, fields } = row;
    if (fields.length !== header.length) {
      throw new InputError({ file, line }, `expected ${header.length} fields, found ${fields.length}`);
    }
    const schema = checkSchema(fields[index.schema!]!, file, line);
    const name1 = checkName(fields[index.name1!]!, file, line, 'name1');
    const name2 = checkName(fields[index.name2!]!, file, line, 'name2');
    const r = scorePair(schema, name1, name2, cfg);
    results.push({ line, score: r.score, match: r.match });
  }
  return results;
}
