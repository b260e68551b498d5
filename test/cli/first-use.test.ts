/**
 * What a new user meets first: the version, the bundled data loaded into a new store (and what
 * that means for older lists), names that find nothing, and store paths that are not stores.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tangle } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('tangle-test-first-');
const SDN = join(ROOT, 'test', 'fixtures', 'ofac', 'sdn.csv');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('tangle --version', () => {
  it('prints the version, long and short, and leaves `changes --version` its own option', () => {
    expect(tangle(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
    expect(tangle(['-V'])).toMatchObject({ status: 0, stdout: `${version}\n` });
    const db = join(mkdtempSync(join(dir, 'v-')), 'store.sqlite');
    const changes = tangle(['changes', '--version', '2024-05-03', '--db', db]);
    expect(changes.stdout).not.toBe(`${version}\n`);
  });
});

describe('a new store', () => {
  const db = join(mkdtempSync(join(dir, 'new-')), 'store.sqlite');

  it('receives the bundled data on first read, says so and how to start empty', () => {
    const r = tangle(['show', 'PDVSA', '--db', db], { TANGLE_NO_BUNDLED: '' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /loading the bundled OFAC SDN and UN lists \(for an empty store, give --no-bundled/,
    );
    expect(r.stderr).toMatch(/loaded us_ofac_sdn version 2024-05-03/);
    expect(r.stdout).toMatch(/^PETROLEOS DE VENEZUELA, S\.A\./);
    expect(tangle(['show', 'CONVIASA', '--db', db]).stdout).toMatch(/CONSORCIO VENEZOLANO DE INDUSTRIAS/);
    expect(tangle(['screen', '--name', 'Conviasa', '--db', db]).stdout).toMatch(
      /MATCH CONSORCIO VENEZOLANO DE INDUSTRIAS AERONAUTICAS/,
    );
  });

  it('refuses an older version with advice that works', () => {
    const r = tangle(['import', 'ofac-csv', SDN, '--db', db, '--version-date', '2023-01-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/already has version 2024-05-03/);
    expect(r.stderr).toMatch(/--db NEW\.sqlite --no-bundled/);
    // The advice, followed: a store of its own takes it.
    const own = join(mkdtempSync(join(dir, 'own-')), 'NEW.sqlite');
    expect(tangle(['import', 'ofac-csv', SDN, '--db', own, '--version-date', '2023-01-01']).status).toBe(0);
  });

  it('suggests the closest names when a name finds nothing', () => {
    const r = tangle(['show', 'Nicolas Maduros', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no entity has the id or name "Nicolas Maduros"; the closest names are:/);
    expect(r.stderr).toMatch(/us_ofac_sdn-22790 {2}MADURO MOROS, Nicolas \[Person\]/);
  });

  it('refuses a mistyped --dataset rather than screening nothing', () => {
    const r = tangle(['screen', '--name', 'Nicolas Maduro', '--dataset', 'us_ofac_sdm', '--db', db]);
    expect([r.status, r.stderr]).toEqual([
      2,
      'tangle: --dataset: no dataset "us_ofac_sdm"; the datasets are: un_sc_sanctions, us_ofac_sdn\n',
    ]);
    const ok = tangle(['screen', '--name', 'Nicolas Maduro', '--dataset', 'us_ofac_sdn', '--db', db]);
    expect(ok.stdout).toMatch(/MATCH MADURO MOROS, Nicolas/);
  });
});

describe('store paths that are not stores', () => {
  it('names the path and exits 2', () => {
    const folder = mkdtempSync(join(dir, 'folder-'));
    const asFolder = tangle(['stats', '--db', folder]);
    expect([asFolder.status, asFolder.stderr]).toEqual([2, expect.stringContaining(`${folder} is a folder`)]);
    const text = join(folder, 'notes.sqlite');
    writeFileSync(text, 'not a database at all\n');
    const notDb = tangle(['stats', '--db', text]);
    expect([notDb.status, notDb.stderr]).toEqual([
      2,
      expect.stringContaining(`${text} is not a Tangle store (not an SQLite database)`),
    ]);
    const missing = join(folder, 'no-such-folder', 'store.sqlite');
    const r = tangle(['show', 'x', '--db', missing]);
    expect([r.status, r.stderr]).toEqual([
      2,
      expect.stringContaining(`the folder ${join(folder, 'no-such-folder')} does not exist`),
    ]);
  });

  it('reads a read-only store, and refuses to import into it', () => {
    const folder = join(dir, 'readonly');
    mkdirSync(folder);
    const db = join(folder, 'store.sqlite');
    expect(tangle(['import', 'ofac-csv', SDN, '--db', db, '--version-date', '2024-01-01']).status).toBe(0);
    chmodSync(db, 0o444);
    chmodSync(folder, 0o555);
    // root may write anything: run as nobody then.
    const asReader = (args: string[]) => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'tangle.js'), ...args], {
        encoding: 'utf8',
        cwd: ROOT,
        env: { ...process.env, TANGLE_NO_BUNDLED: '1' },
        ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    chmodSync(dir, 0o755);
    const show = asReader(['show', 'HIZBALLAH', '--db', db]);
    expect([show.status, show.stderr]).toEqual([0, '']);
    expect(show.stdout).toMatch(/^HIZBALLAH {2}\[Organization\]/);
    expect(asReader(['screen', '--name', 'Hizballah', '--db', db]).stdout).toMatch(/MATCH HIZBALLAH/);
    const write = asReader(['import', 'ofac-csv', SDN, '--db', db, '--version-date', '2024-02-01']);
    expect([write.status, write.stderr]).toEqual([
      2,
      expect.stringMatching(/store .*store\.sqlite is read-only/),
    ]);
    chmodSync(folder, 0o755);
  });
});
