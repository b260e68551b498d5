import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { MAX_FIELD_CHARS, ofacField, parseCsv } from '../../src/sources/csv.js';
import { decodeSource } from '../../src/sources/input.js';

const rows = (text: string) => [...parseCsv(text, 'f.csv')];

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, multi-line fields and CRLF, with start lines', () => {
    const text = 'a,"b ""q""",c\r\n1,"two\nlines",3\r\n\r\nx,-0- ,"y"\n';
    expect(rows(text)).toEqual([
      { line: 1, fields: ['a', 'b "q"', 'c'] },
      { line: 2, fields: ['1', 'two\nlines', '3'] },
      { line: 5, fields: ['x', '-0- ', 'y'] },
    ]);
    expect(ofacField('-0- ')).toBeUndefined();
    expect(ofacField(' x ')).toBe('x');
  });

  it('names line and column of an unterminated quote', () => {
    const err = inputError(() => rows('a,b\n1,"open\n2,3\n'));
    expect(err.message).toBe(
      'f.csv, line 2, field "column 2": quoted field is never closed (unterminated quote)',
    );
  });

  it('rejects text after a closing quote and stray quotes', () => {
    expect(inputError(() => rows('1,"a"b,c\n')).line).toBe(1);
    const stray = inputError(() => rows('ok,ok\n1,a"b\n'));
    expect([stray.line, stray.field]).toEqual([2, 'column 2']);
  });
});

describe('decodeSource', () => {
  it('reads gzip, strips BOM and the DOS end-of-file mark', () => {
    const src = decodeSource('x.csv.gz', gzipSync(Buffer.from('\ufeffa,b\r\n\u001a')));
    expect(src.text).toBe('a,b\r\n');
    expect(src.name).toBe('x.csv');
  });

  it('reports truncated gzip', () => {
    const gz = gzipSync(Buffer.from('a,b\n'.repeat(1000)));
    expect(inputError(() => decodeSource('t.csv.gz', gz.subarray(0, gz.length - 20))).message).toMatch(
      /t\.csv\.gz: gzip data is truncated or corrupt/,
    );
  });

  it('names the line of an invalid UTF-8 byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('ok\nfine\nbad '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\n'),
    ]);
    const err = inputError(() => decodeSource('latin.csv', bytes));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/not valid UTF-8/);
  });

  it('rejects binary data', () => {
    expect(inputError(() => decodeSource('bin.csv', Buffer.from('a\nb\u0000c'))).line).toBe(2);
  });
});

describe('parseCsv size limits', () => {
  it('refuses a field or a record beyond the limits, naming line and column', () => {
    const big = 'x'.repeat(MAX_FIELD_CHARS + 1);
    const unquoted = inputError(() => rows(`a,b\nc,${big}\n`));
    expect(unquoted.message).toBe(
      `f.csv, line 2, field "column 2": field longer than ${MAX_FIELD_CHARS} characters: a broken file, or a quote closed far too late?`,
    );
    const quoted = inputError(() => rows(`a,"${big}"\n`));
    expect([quoted.line, quoted.field]).toEqual([1, 'column 2']);
    const half = 'y'.repeat(MAX_FIELD_CHARS / 2);
    const wide = inputError(() => rows(`${Array(10).fill(half).join(',')}\n`));
    expect(wide.message).toMatch(/line 1: record longer than/);
    // Up to the limit, a field is read.
    expect(rows(`"${'z'.repeat(MAX_FIELD_CHARS - 2)}"\n`)[0]!.fields[0]!.length).toBe(MAX_FIELD_CHARS - 2);
  });
});
