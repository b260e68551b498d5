/**
 * A strict RFC 4180 CSV reader that knows the line every record starts on, so errors can name it.
 * Quoted fields may span lines; a quote inside an unquoted field, text after a closing quote, or an
 * unterminated quote is an error, never silently repaired.
 */
import { InputError } from '../errors.js';

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

/**
 * The longest field and record read. The longest real values (OFAC remarks, a CSL address list)
 * are a few thousand characters; a field of megabytes is a broken or hostile file, and reading it
 * through would cost seconds and gigabytes before any check could refuse it.
 */
export const MAX_FIELD_CHARS = 1 << 20;
export const MAX_RECORD_CHARS = 4 << 20;

export function* parseCsv(text: string, file: string, delimiter = ','): Generator<CsvRecord> {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  const tooLong = (fieldLine: number, column: number): InputError =>
    new InputError(
      { file, line: fieldLine, field: `column ${column}` },
      `field longer than ${MAX_FIELD_CHARS} characters: a broken file, or a quote closed far too late?`,
    );
  while (i < n) {
    const startLine = line;
    const recordStart = i;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (i - recordStart > MAX_RECORD_CHARS) {
        throw new InputError({ file, line: startLine }, `record longer than ${MAX_RECORD_CHARS} characters`);
      }
      if (text.charCodeAt(i) === 34 /* " */) {
        const fieldLine = line;
        const fieldStart = i;
        i++;
        let buf = '';
        for (;;) {
          const q = text.indexOf('"', i);
          if (q - fieldStart > MAX_FIELD_CHARS) throw tooLong(fieldLine, fields.length + 1);
          if (q < 0) {
            throw new InputError(
              { file, line: fieldLine, field: `column ${fields.length + 1}` },
              'quoted field is never closed (unterminated quote)',
            );
          }
          const chunk = text.slice(i, q);
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          buf += chunk;
          if (text.charCodeAt(q + 1) === 34) {
            buf += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Allow trailing spaces after the closing quote (OFAC writes `-0- ` unquoted, but be lenient
        // only with blanks), anything else is an error.
        while (text.charCodeAt(i) === 32) i++;
        const c = text.charCodeAt(i);
        if (i < n && c !== delim && c !== 10 && c !== 13) {
          throw new InputError(
            { file, line, field: `column ${fields.length + 1}` },
            `unexpected text after a closing quote: ${JSON.stringify(text.slice(i, i + 20))}`,
          );
        }
        value = buf;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === delim || c === 10 || c === 13) break;
          if (c === 34) {
            throw new InputError(
              { file, line, field: `column ${fields.length + 1}` },
              'stray quote inside an unquoted field',
            );
          }
          j++;
          if (j - i > MAX_FIELD_CHARS) throw tooLong(line, fields.length + 1);
        }
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    // Skip blank lines entirely.
    if (fields.length === 1 && fields[0] === '') continue;
    yield { line: startLine, fields };
  }
}

/** OFAC writes empty fields as `-0-` (often with a trailing space). */
export function ofacField(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim();
  return v === '' || v === '-0-' ? undefined : v;
}
