import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tangle } from '../helpers/cli.js';

// The fixed fake reader stands in for the reading engine (loaded through tsx).
const READER = {
  TANGLE_READER_MODULE: join(ROOT, 'test', 'helpers', 'fake-reader.ts'),
  NODE_OPTIONS: '--import tsx',
};
const run = (args: string[], env: Record<string, string> = {}) => tangle(args, { ...READER, ...env });

const TEXT =
  'Iran supplies drones to Venezuela. The Cartel de los Soles reportedly works with Hezbollah in 2024. ' +
  'Nicolás Maduro denies that Venezuela works with Hezbollah.\n';

describe('tangle read / documents / claims / review', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tangle-read-'));
  const db = join(dir, 'store.sqlite');
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the reading contract with --json: document, entities with mentions, relations with evidence', () => {
    const path = file('drones.txt', TEXT);
    const r = run(['read', path, '--db', db, '--json', '--date', '2025-11-20', '--publisher', 'Example']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out)).toEqual(['document', 'entities', 'relations']);
    expect(out.document).toMatchObject({
      title: 'drones',
      date: '2025-11-20',
      url: null,
      publisher: 'Example',
    });
    expect(out.document.id).toMatch(/^document-/);
    const text = readFileSync(path, 'utf8').trim();
    for (const e of out.entities) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining(['id', 'name', 'schema', 'linked_id', 'mentions']),
      );
      for (const m of e.mentions) {
        expect(Object.keys(m)).toEqual(['text', 'start', 'end']);
        expect(text.slice(m.start, m.end)).toBe(m.text);
      }
    }
    expect(out.relations).toHaveLength(3);
    const keys = [
      'source',
      'target',
      'type',
      'domain',
      'sentence',
      'start',
      'end',
      'hedged',
      'negated',
      'date',
    ];
    const ids = new Set(out.entities.map((e: { id: string }) => e.id));
    for (const rel of out.relations) {
      expect(Object.keys(rel)).toEqual(expect.arrayContaining(keys));
      expect(ids.has(rel.source) && ids.has(rel.target)).toBe(true);
      expect(text.slice(rel.start, rel.end)).toBe(rel.sentence);
    }
    expect(out.relations[1]).toMatchObject({ type: 'associate', hedged: true, negated: false, date: '2024' });
    expect(out.relations[2]).toMatchObject({ negated: true, date: '2025-11-20' });
  });

  it('reading the same file again stores nothing new', () => {
    const r = run(['read', join(dir, 'drones.txt'), '--db', db, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).document.created).toBe(false);
    expect(JSON.parse(run(['documents', '--db', db, '--json']).stdout)).toHaveLength(1);
  });

  it('reads a folder, one JSON object per line, skipping files that are not documents', () => {
    file('folder/a.md', '# A\n\nThe **Cartel de los Soles** works with Tren de Aragua.\n');
    file('folder/sub/b.html', '<p>Iran sends drones to Hezbollah.</p><script>alert(1)</script>');
    file('folder/notes.csv', 'a,b\n');
    const r = run(['read', join(dir, 'folder'), '--db', db, '--json']);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.document.title)).toEqual(['A', 'b']);
    expect(lines[1].relations[0].sentence).toBe('Iran sends drones to Hezbollah.');
  });

  it('prints a readable summary without --json', () => {
    const r = run([
      'read',
      file('summary.txt', 'Tren de Aragua works with Hezbollah.'),
      '--db',
      db,
      '--verbose',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^reader: 6 names of 6 list entities, built in \d+ ms$/m);
    expect(r.stdout).toMatch(/^summary {2}\(document-\w+, new\)/);
    expect(r.stdout).toContain('Tren de Aragua —associate→ Hezbollah');
  });

  it('a bad file stops the batch with exit 2, naming it, and stores nothing', () => {
    const before = JSON.parse(run(['documents', '--db', db, '--json', '--all']).stdout).length;
    const good = file('batch/good.txt', 'Iran supplies drones to Venezuela, again.');
    const bad = file('batch/bad.txt', Buffer.from('Caf\xe9 Iran', 'latin1'));
    const r = run(['read', good, bad, '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}, line 1: is not UTF-8 text`);
    expect(JSON.parse(run(['documents', '--db', db, '--json', '--all']).stdout)).toHaveLength(before);
    const empty = run(['read', file('empty.txt', ''), '--db', db]);
    expect([empty.status, empty.stderr.trim()]).toEqual([
      2,
      `tangle: ${join(dir, 'empty.txt')}: the file is empty`,
    ]);
    expect(run(['read', good, '--db', db, '--date', '20-11-2025']).stderr).toContain(
      'date: must be a date YYYY-MM-DD',
    );
    expect(run(['read', good, bad, '--db', db, '--title', 'One']).status).toBe(2);
  });

  it('lists claims and records reviews with who and when', () => {
    const claims = JSON.parse(run(['claims', '--db', db, '--status', 'proposed', '--json']).stdout);
    expect(claims.length).toBeGreaterThanOrEqual(5);
    const first = claims[0];
    expect(first).toMatchObject({ source_name: 'Iran', target_name: 'Venezuela', status: 'proposed' });
    const r = run(['review', first.id, 'accept', '--by', 'ana', '--db', db, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.claim).toMatchObject({ status: 'accepted', reviewed_by: 'ana' });
    expect(out.history[0]).toMatchObject({ by: 'ana', action: 'accept' });
    const edit = run([
      'review',
      first.id,
      'edit',
      '--reverse',
      '--type',
      'trades_with',
      '--by',
      'ben',
      '--db',
      db,
    ]);
    expect(edit.status).toBe(0);
    expect(edit.stdout).toMatch(/accepted by ben at \d{4}-/);
    const accepted = JSON.parse(run(['claims', '--db', db, '--status', 'accepted', '--json']).stdout);
    expect(
      accepted.map((c: { id: string; type: string; source_name: string }) => [c.id, c.type, c.source_name]),
    ).toEqual([[first.id, 'trades_with', 'Venezuela']]);
    expect(run(['review', first.id, 'maybe', '--db', db]).status).toBe(2);
    expect(run(['review', 'claim-none', 'accept', '--db', db]).stderr).toContain('no claim claim-none');
    expect(run(['claims', '--db', db, '--status', 'open']).status).toBe(2);
    const byName = JSON.parse(
      run(['claims', '--db', db, '--entity', 'cartel de los soles', '--json']).stdout,
    );
    expect(byName.length).toBeGreaterThanOrEqual(2);
    expect(
      byName.every((c: { source_name: string; target_name: string }) =>
        [c.source_name, c.target_name].includes('Cartel de los Soles'),
      ),
    ).toBe(true);
    expect(run(['claims', '--db', db, '--entity', 'Nobody At All']).stderr).toContain(
      'no entity has the id or name',
    );
  });

  it('reviews a party no list knows: corrects it, rejects it, and names a bad field', () => {
    const claims = JSON.parse(
      run(['claims', '--db', db, '--entity', 'cartel de los soles', '--json']).stdout,
    );
    const cartel = [claims[0].source_id, claims[0].target_id].find((id: string) => id.startsWith('doc-'))!;
    const edited = run([
      'review',
      cartel,
      'edit',
      '--name',
      'Cartel of the Suns',
      '--by',
      'ana',
      '--db',
      db,
      '--json',
    ]);
    expect(edited.status).toBe(0);
    expect(JSON.parse(edited.stdout).party).toMatchObject({
      id: cartel,
      name: 'Cartel of the Suns',
      status: 'accepted',
    });
    const rejected = run(['review', cartel, 'reject', '--by', 'ben', '--db', db]);
    expect(rejected.stdout).toMatch(/rejected by ben at \d{4}-/);
    const bad = run(['review', cartel, 'edit', '--schema', 'Spaceship', '--db', db]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('schema');
    expect(run(['review', 'doc-none', 'accept', '--db', db]).stderr).toContain('no party doc-none');
    expect(run(['review', claims[0].id, 'edit', '--name', 'X', '--db', db]).status).toBe(2);
  });

  it('--accept accepts the claims of the reading at once', () => {
    const r = run([
      'read',
      file('accepted.txt', 'Hezbollah works with Tren de Aragua.'),
      '--accept',
      '--by',
      'solo',
      '--db',
      db,
      '--json',
    ]);
    expect(JSON.parse(r.stdout).relations.map((x: { status: string }) => x.status)).toEqual(['accepted']);
  });

  it('tangle graph answers by the doc id of a party judged the same as another', () => {
    const read = (name: string, text: string) =>
      JSON.parse(run(['read', file(name, text), '--accept', '--db', db, '--json']).stdout).relations[0];
    const link = read('iran-hezbollah.txt', 'Iran supplies drones to Hezbollah.');
    const [iran, hezbollah] = [link.source_id, link.target_id];
    const tren = read('tren.txt', 'Tren de Aragua works with Venezuela.').source_id;
    expect([iran, hezbollah, tren].every((id: string) => id.startsWith('doc-'))).toBe(true);
    const judged = run(['judge', hezbollah, tren, 'same', '--user', 'ana', '--db', db, '--json']);
    expect(judged.status, judged.stderr).toBe(0);
    const hood = run(['graph', 'neighbours', tren, '--db', db, '--json']);
    expect(hood.status, hood.stderr).toBe(0);
    const body = JSON.parse(hood.stdout);
    expect(body.center.id).toMatch(/^tgl-/);
    expect(body.nodes.map((n: { id: string }) => n.id)).toContain(iran);
  });

  it('a reading engine that cannot be loaded is an error that says so', () => {
    const r = run(['read', join(dir, 'drones.txt'), '--db', join(dir, 'other.sqlite')], {
      TANGLE_READER_MODULE: join(dir, 'no-engine.js'),
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot be loaded');
  });
});
