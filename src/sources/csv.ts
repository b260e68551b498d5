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

export function* parseCsv(text: string, file: string, delimiter = ','): Generator<CsvRecord> {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        const fieldLine = line;
        i++;
        let buf = '';
        for (;;) {
          const q = text.indexOf('"', i);
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
