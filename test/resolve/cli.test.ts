import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tangle, tempDb } from '../helpers/cli.js';
import { LIST_A, LIST_B } from './helpers.js';

describe('tangle xref, judge, dedupe, split, judgements', () => {
  const db = tempDb();
  const dir = dirname(db);
  const run = (...args: string[]) => tangle([...args, '--db', db]);

  beforeAll(() => {
    expect(run('import', 'ftm', LIST_A, '--dataset', 'list_a').status).toBe(0);
    expect(run('import', 'ftm', LIST_B, '--dataset', 'list_b').status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints proposals in the xref --json contract', () => {
    const r = run('xref', '--dataset', 'list_a', '--against', 'list_b', '--json');
    expect(r.status).toBe(0);
    const pairs = JSON.parse(r.stdout);
    expect(
      pairs.map((p: { left: { id: string }; right: { id: string } }) => `${p.left.id} ${p.right.id}`).sort(),
    ).toEqual([
      'a-blue-heron b-blue-heron',
      'a-karimov b-karimov',
      'a-nordlicht b-nordlicht',
      'a-velasco b-velasco',
    ]);
    for (const p of pairs) {
      for (const side of [p.left, p.right]) {
        expect(Object.keys(side)).toEqual(expect.arrayContaining(['id', 'dataset', 'caption', 'source_ids']));
        expect(side.source_ids[side.dataset]).toEqual([side.id]);
      }
      expect(typeof p.score).toBe('number');
      expect(p.decision).toBeNull();
    }
    const against = JSON.parse(run('xref', '--against', 'list_b', '--json').stdout);
    expect(against.map((p: { right: { dataset: string } }) => p.right.dataset)).toEqual([
      'list_b',
      'list_b',
      'list_b',
      'list_b',
    ]);
    expect(run('xref', '--dataset', 'nope').status).toBe(2);
    expect(run('xref', '--threshold', '2').status).toBe(2);
  });

  it('merges identical strong identifiers automatically, marked as such', () => {
    const r = run('dedupe', '--auto', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.judgements.map((j: { left: string }) => j.left).sort()).toEqual([
      'a-blue-heron',
      'a-karimov',
      'a-nordlicht',
    ]);
    for (const j of out.judgements)
      expect(j).toMatchObject({ decision: 'same', method: 'auto', user: 'tangle' });
    const pairs = JSON.parse(run('xref', '--json').stdout);
    expect(pairs.find((p: { left: { id: string } }) => p.left.id === 'a-karimov').decision).toBe('same');
  });

  it('judges singly and from a CSV, refusing broken lines and contradictions whole', () => {
    expect(run('judge', 'a-velasco', 'b-velasco', 'different', '--user', 'ana').status).toBe(0);
    const pairs = JSON.parse(run('xref', '--json').stdout);
    expect(pairs.some((p: { left: { id: string } }) => p.left.id === 'a-velasco')).toBe(false);
    const unknown = run('judge', 'a-velasco', 'zz-9', 'same', '--user', 'ana');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no entity has the id "zz-9"/);

    const csv = join(dir, 'batch.csv');
    writeFileSync(
      csv,
      'left,right,decision\nb-quiet-harbour,b-velasco,same\nb-quiet-harbour,a-velasco,same\n',
    );
    const conflict = run('dedupe', '--csv', csv, '--user', 'ana');
    expect(conflict.status).toBe(2);
    expect(conflict.stderr).toMatch(/batch\.csv line 3: .*judged different/);
    writeFileSync(csv, 'left,right,decision\nb-quiet-harbour,b-velasco,same\n"broken,a-velasco,same\n');
    const broken = run('dedupe', '--csv', csv, '--user', 'ana');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/batch\.csv, line 3/);
    const list = JSON.parse(run('judgements', 'list', '--json').stdout);
    expect(list.judgements.some((j: { left: string }) => j.left === 'b-quiet-harbour')).toBe(false);
  });

  it('shows the merged entity with every value naming its source, and splits it again', () => {
    const shown = JSON.parse(run('show', 'b-karimov', '--json').stdout);
    expect(shown.canonicalId).toMatch(/^tgl-/);
    expect(shown.entity.id).toBe(shown.canonicalId);
    expect(shown.referents).toEqual(['a-karimov', 'b-karimov']);
    const passports = shown.entity.statements.filter((s: { prop: string }) => s.prop === 'passportNumber');
    expect(
      passports.map((s: { dataset: string; recordId: string }) => `${s.dataset}/${s.recordId}`).sort(),
    ).toEqual(['list_a/a-karimov', 'list_b/b-karimov']);
    const text = run('show', shown.canonicalId).stdout;
    expect(text).toContain('merged from a-karimov, b-karimov');

    expect(run('split', shown.canonicalId, '--user', 'ana').status).toBe(0);
    expect(JSON.parse(run('show', 'b-karimov', '--json').stdout).entity.id).toBe('b-karimov');
    expect(run('split', 'b-karimov', '--user', 'ana').status).toBe(2);
    const log = JSON.parse(run('judgements', 'log', '--json').stdout);
    expect(log[0]).toMatchObject({ action: 'split', user: 'ana', left: shown.canonicalId });
  });

  it('exports judgements as JSON lines and imports them, naming a broken line', () => {
    const file = join(dir, 'shared.jsonl');
    const exported = run('judgements', 'export', '-o', file);
    expect(exported.status).toBe(0);
    const other = join(dir, 'other.sqlite');
    tangle(['import', 'ftm', LIST_A, '--dataset', 'list_a', '--db', other]);
    tangle(['import', 'ftm', LIST_B, '--dataset', 'list_b', '--db', other]);
    const ok = tangle(['judgements', 'import', file, '--db', other, '--user', 'bob', '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).judgements.length).toBeGreaterThan(0);
    writeFileSync(
      file,
      '{"left": "a-karimov", "right": "b-karimov", "decision": "same"}\n{"left": "a-velasco"}\n',
    );
    const broken = tangle(['judgements', 'import', file, '--db', other, '--user', 'bob']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/shared\.jsonl, line 2, field "right": missing/);
  });
});
