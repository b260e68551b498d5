/** The screening page's CSV reader and writer (web/src/csv.ts). */
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../web/src/csv.js';

describe('web CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and drops blank lines', () => {
    const text = 'id,name\r\n1,"Banco, S.A."\n2,"The ""Firm"""\n\n3,"two\nlines"\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'name'],
      ['1', 'Banco, S.A.'],
      ['2', 'The "Firm"'],
      ['3', 'two\nlines'],
    ]);
  });

  it('writes what it reads back, and defuses spreadsheet formulas', () => {
    const rows = [
      ['name', 'note'],
      ['Acme, Ltd', 'says "hi"'],
      ['=HYPERLINK("x")', '+1'],
    ];
    const out = toCsv(rows);
    expect(out).toBe('name,note\r\n"Acme, Ltd","says ""hi"""\r\n"\'=HYPERLINK(""x"")",\'+1\r\n');
    expect(parseCsv(out)[1]).toEqual(['Acme, Ltd', 'says "hi"']);
  });
});
