import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tangle, tempDb } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const db = tempDb();
const FIX = join(ROOT, 'test', 'fixtures');

describe('tangle screen and match-pairs', () => {
  it('screens one name with explanations', () => {
    expect(tangle(['import', 'ofac-csv', join(FIX, 'cli', 'sdn-2024-05-03.csv'), '--db', db]).status).toBe(0);
    const r = tangle(['screen', '--name', 'Nicolas MADURO', '--schema', 'Person', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/MATCH MADURO MOROS, Nicolas \[Person\] us_ofac_sdn-22790/);
    expect(r.stdout).toMatch(/programmes: IRAN-CON-ARMS-EO, VENEZUELA · source ids: us_ofac_sdn 22790/);
    expect(r.stdout).toMatch(/name_match .*"Nicolas MADURO" ~ "MADURO MOROS, Nicolas"/);
    const json = JSON.parse(
      tangle(['screen', '--name', 'EBANO', '--schema', 'Vessel', '--id', '7406784', '--db', db, '--json'])
        .stdout,
    );
    expect(json.results[0]).toMatchObject({
      entity_id: 'us_ofac_sdn-4243',
      match: true,
      source_ids: { us_ofac_sdn: ['4243'] },
    });
  });

  it('reuses the index saved beside the store until a new version arrives', () => {
    expect(existsSync(`${db}.index`)).toBe(true);
    const again = tangle(['screen', '--name', 'Nicolas MADURO', '--schema', 'Person', '--db', db]);
    expect(again.stdout).toMatch(/MATCH MADURO MOROS, Nicolas/);
    // A new version changes the store's marker: the next run rebuilds and sees the new entry.
    expect(tangle(['screen', '--name', 'Banco Nacional de Cuba', '--db', db]).stdout).toMatch(/^no match/);
    expect(
      tangle([
        'import',
        'ofac-csv',
        join(FIX, 'cli', 'sdn-2024-05-02.csv'),
        '--db',
        db,
        '--version-date',
        '2024-06-01',
        '--allow-mass-removal', // the small fixture's older version lacks one of its few entries
      ]).status,
    ).toBe(0);
    expect(tangle(['screen', '--name', 'Banco Nacional de Cuba', '--db', db]).stdout).toMatch(
      /MATCH BANCO NACIONAL DE CUBA/,
    );
  });

  it('screens a book to JSON and CSV with a summary by programme', () => {
    const out = join(tempDir('tangle-screen-'), 'results.json');
    const r = tangle([
      'screen',
      join(FIX, 'screen', 'book.csv'),
      '-o',
      out,
      '--map',
      'id=Customer Ref',
      '--map',
      'name=Full Name',
      '--db',
      db,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^4 rows screened against \d+ entities/);
    expect(r.stdout).toMatch(/VENEZUELA\s+1/);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results.map((x: { id: string }) => x.id)).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);
    expect(results[0].results[0]).toMatchObject({
      entity_id: 'us_ofac_sdn-22790',
      programmes: ['IRAN-CON-ARMS-EO', 'VENEZUELA'],
    });
    expect(results[2].results).toEqual([]);
    expect(results[3].results[0].entity_id).toBe('us_ofac_sdn-4243');
    const csvOut = out.replace(/\.json$/, '.csv');
    expect(
      tangle(['screen', join(FIX, 'screen', 'book.csv'), '-o', csvOut, '--map', 'name=Full Name', '--db', db])
        .status,
    ).toBe(0);
    expect(readFileSync(csvOut, 'utf8')).toMatch(/^2,Nicolas Maduro Moros,1,us_ofac_sdn-22790,/m);
  });

  it('screens a book on several threads with the same results as one', () => {
    const dir = tempDir('tangle-book-');
    const book = join(dir, 'book.csv');
    const names = ['Nicolas Maduro Moros', 'EBANO', 'Acme Bakery Ltd', 'maduro moros nicolas'];
    writeFileSync(
      book,
      `id,name\n${Array.from({ length: 150 }, (_, i) => `B-${i},${names[i % names.length]}`).join('\n')}\n`,
    );
    const run = (workers: string) => {
      const out = join(dir, `w${workers}.json`);
      const r = tangle(['screen', book, '--workers', workers, '-o', out, '--db', db]);
      expect([r.status, r.stderr]).toEqual([0, '']);
      return { stdout: r.stdout, results: readFileSync(out, 'utf8') };
    };
    const one = run('1');
    const three = run('3');
    expect(three.stdout).toMatch(/^150 rows screened against \d+ entities .*3 threads/);
    expect(three.results).toBe(one.results);
    expect(JSON.parse(three.results)[1].results[0].entity_id).toBe('us_ofac_sdn-4243');
    const bad = tangle(['screen', book, '--workers', '0', '--db', db]);
    expect([bad.status, bad.stderr]).toEqual([
      2,
      expect.stringMatching(/--workers must be a number from 1 to 64/),
    ]);
  });

  it('rejects bad books and bad options naming row and field', () => {
    const empty = tangle(['screen', join(FIX, 'screen', 'empty-name.csv'), '--db', db]);
    expect([empty.status, empty.stderr.trim()]).toEqual([
      2,
      expect.stringMatching(/empty-name\.csv, line 2, field "name": name is empty/),
    ]);
    const noCol = tangle(['screen', join(FIX, 'screen', 'no-name-column.csv'), '--db', db]);
    expect(noCol.stderr).toMatch(/line 1, field "name": the header has no name column/);
    expect(tangle(['screen', '--name', 'x', '--dob', '1970-13-40', '--db', db]).stderr).toMatch(
      /field "--dob": "1970-13-40" is not a date/,
    );
    expect(tangle(['screen', '--name', 'x', '--schema', 'Spaceship', '--db', db]).stderr).toMatch(
      /unknown schema "Spaceship"/,
    );
    expect(tangle(['screen', '--name', 'x', '--threshold', '2', '--db', db]).stderr).toMatch(
      /--threshold must be a number from 0 to 1/,
    );
    const emptyName = tangle(['screen', '--name', '', '--db', db]);
    expect([emptyName.status, emptyName.stderr]).toEqual([
      2,
      expect.stringMatching(/field "--name": name is empty/),
    ]);
  });

  it('scores labelled pairs in order', () => {
    const pairs = join(tempDir('tangle-pairs-'), 'pairs.csv');
    writeFileSync(
      pairs,
      'schema,name1,name2\nPerson,Olaf Scholze,Olaf Scholz\nCompany,Siemens AG,Volkswagen AG\nPerson,Путин Владимир,PUTIN Vladimir\n',
    );
    const r = tangle(['match-pairs', pairs]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('score,match');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['true', 'false', 'true']);
    writeFileSync(pairs, 'schema,name1\nPerson,A\n');
    expect(tangle(['match-pairs', pairs]).stderr).toMatch(/line 1, field "name2": missing column/);
  });
});
