import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/logic/import.js';
import { judge, readJudgementCsv, split } from '../../src/resolve/decide.js';
import { assignCanonicalIds, isCanonicalId, newCanonicalId, Resolver } from '../../src/resolve/resolver.js';
import { judgementsToJsonl, parseJudgementJsonl } from '../../src/resolve/share.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { LIST_B, storeWithLists } from './helpers.js';

const same = (left: string, right: string, user = 'ana') => ({
  left,
  right,
  decision: 'same' as const,
  user,
});
const different = (left: string, right: string, user = 'ana') => ({
  left,
  right,
  decision: 'different' as const,
  user,
});

describe('resolver: judgements, clusters and canonical ids', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await storeWithLists();
  });
  afterEach(async () => store.close());

  it('merges a pair under a new canonical id and records who and when', async () => {
    const out = await judge(store, [same('a-karimov', 'b-karimov')]);
    const r = await Resolver.load(store);
    const id = r.canonicalId('a-karimov');
    expect(isCanonicalId(id)).toBe(true);
    expect(r.canonicalId('b-karimov')).toBe(id);
    expect(r.members(id)).toEqual(['a-karimov', 'b-karimov']);
    expect(r.members('b-karimov')).toEqual(['a-karimov', 'b-karimov']);
    expect(out.judgements[0]).toMatchObject({
      left: 'a-karimov',
      right: 'b-karimov',
      user: 'ana',
      method: 'manual',
    });
    expect(Date.parse(out.judgements[0].at)).not.toBeNaN();
    // An id never merged is its own canonical id.
    expect(r.canonicalId('a-velasco')).toBe('a-velasco');
    expect(r.members('a-velasco')).toEqual(['a-velasco']);
  });

  it('keeps the canonical id when the cluster grows, and a split gives members their own ids back', async () => {
    await judge(store, [same('a-velasco', 'b-velasco')]);
    const first = (await Resolver.load(store)).canonicalId('a-velasco');
    await judge(store, [same('b-velasco', 'b-quiet-harbour')]);
    let r = await Resolver.load(store);
    expect(r.canonicalId('b-quiet-harbour')).toBe(first);
    // Taking one member out: the other two keep the id.
    await split(store, 'b-quiet-harbour', 'ana');
    r = await Resolver.load(store);
    expect(r.canonicalId('b-quiet-harbour')).toBe('b-quiet-harbour');
    expect(r.canonicalId('a-velasco')).toBe(first);
    // Splitting the cluster: everyone gets their own id back.
    await split(store, first, 'ana');
    r = await Resolver.load(store);
    expect(r.canonicalId('a-velasco')).toBe('a-velasco');
    expect(r.canonicalId('b-velasco')).toBe('b-velasco');
    expect(r.clusters()).toEqual([]);
  });

  it('gives the larger part of a broken cluster the old id', () => {
    const previous = new Map([
      ['x1', 'tgl-aaaaaaaaaaaaaaaa'],
      ['x2', 'tgl-aaaaaaaaaaaaaaaa'],
      ['x3', 'tgl-aaaaaaaaaaaaaaaa'],
      ['y1', 'tgl-aaaaaaaaaaaaaaaa'],
      ['y2', 'tgl-aaaaaaaaaaaaaaaa'],
    ]);
    const ids = assignCanonicalIds(
      [
        ['y1', 'y2'],
        ['x1', 'x2', 'x3'],
      ],
      previous,
    );
    expect(ids.get('x1')).toBe('tgl-aaaaaaaaaaaaaaaa');
    expect(ids.get('y1')).toBe(newCanonicalId(['y1', 'y2']));
  });

  it('refuses A = B, B = C, A ≠ C, naming the conflict, in either order', async () => {
    await judge(store, [same('a-velasco', 'b-velasco'), same('b-velasco', 'b-quiet-harbour')]);
    await expect(judge(store, [different('a-velasco', 'b-quiet-harbour')])).rejects.toThrow(
      /a-velasco and b-quiet-harbour are one entity through .*a-velasco = b-velasco.*b-velasco = b-quiet-harbour/,
    );
    const other = await storeWithLists();
    await judge(other, [different('a-velasco', 'b-quiet-harbour'), same('a-velasco', 'b-velasco')]);
    await expect(judge(other, [same('b-velasco', 'b-quiet-harbour')])).rejects.toThrow(
      /would make .* one entity, but they were judged different/,
    );
    await other.close();
  });

  it('keeps canonical ids across a new list version', async () => {
    await judge(store, [same('a-karimov', 'b-karimov')]);
    const before = (await Resolver.load(store)).canonicalId('a-karimov');
    const dir = mkdtempSync(join(tmpdir(), 'tangle-resolve-'));
    try {
      // The next version of list B: Karimov gains an alias, Velasco is delisted.
      const next = readFileSync(LIST_B, 'utf8')
        .split('\n')
        .filter((l) => !l.includes('b-velasco'))
        .join('\n')
        .replace('"alias": ["Rustam Karimov"]', '"alias": ["Rustam Karimov", "R. B. Karimov"]');
      writeFileSync(join(dir, 'list-b-2.ftm.json'), next);
      // One of six entities delisted is over the mass-removal guard's share: this small list really dropped it.
      await importFiles(store, {
        format: 'ftm',
        paths: [join(dir, 'list-b-2.ftm.json')],
        dataset: 'list_b',
        allowMassRemoval: true,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const after = await Resolver.load(store);
    expect(after.canonicalId('b-karimov')).toBe(before);
    expect(after.members(before)).toEqual(['a-karimov', 'b-karimov']);
  });

  it('accepts a cycle of same judgements but refuses two answers for one pair in a batch', async () => {
    await judge(store, [
      same('a-velasco', 'b-velasco'),
      same('b-velasco', 'b-quiet-harbour'),
      same('b-quiet-harbour', 'a-velasco'),
    ]);
    expect((await Resolver.load(store)).members('a-velasco')).toHaveLength(3);
    await expect(
      judge(store, [
        { ...same('a-karimov', 'b-karimov'), where: 'f.csv line 2' },
        { ...different('b-karimov', 'a-karimov'), where: 'f.csv line 3' },
      ]),
    ).rejects.toThrow(
      /f\.csv line 3: b-karimov and a-karimov are judged same at f\.csv line 2 and different here/,
    );
  });

  it('leaves conflicting automatic merges for a person, applying the rest', async () => {
    await judge(store, [different('a-velasco', 'b-quiet-harbour')]);
    const out = await judge(
      store,
      [same('a-velasco', 'b-velasco', 'tangle'), same('b-velasco', 'b-quiet-harbour', 'tangle')],
      { skipConflicts: true },
    );
    expect(out.judgements).toHaveLength(1);
    expect(out.skipped).toEqual([
      expect.stringMatching(/would make .* one entity, but they were judged different/),
    ]);
    expect((await Resolver.load(store)).members('a-velasco')).toEqual(['a-velasco', 'b-velasco']);
  });

  it('refuses unknown ids and self-judgements, and applies nothing of a refused batch', async () => {
    await expect(judge(store, [same('a-karimov', 'nobody-1')])).rejects.toThrow(
      /no entity has the id "nobody-1"/,
    );
    await expect(judge(store, [same('a-karimov', 'a-karimov')])).rejects.toThrow(/against itself/);
    await judge(store, [same('a-velasco', 'b-velasco')]);
    const cluster = (await Resolver.load(store)).canonicalId('a-velasco');
    await expect(judge(store, [same(cluster, 'a-karimov')])).rejects.toThrow(
      /is a canonical id; judge one of its members \(a-velasco, b-velasco\)/,
    );
    await split(store, cluster, 'ana');
    await expect(
      judge(store, [
        same('a-karimov', 'b-karimov'),
        same('b-karimov', 'a-velasco'),
        different('a-karimov', 'a-velasco'),
      ]),
    ).rejects.toThrow(/one entity through/);
    expect((await Resolver.load(store)).judgements()).toEqual([]);
  });

  it('never proposes a pair again once judged different', async () => {
    await judge(store, [different('a-velasco', 'b-velasco')]);
    const r = await Resolver.load(store);
    expect(r.decision('b-velasco', 'a-velasco')).toBe('different');
    expect(r.judgedApart('a-velasco', 'b-velasco')).toBe(true);
  });

  it('reads a CSV batch and names the broken line', () => {
    const csv = 'left,right,decision,reason\na-karimov,b-karimov,same,passport\na-velasco,b-velasco,maybe,\n';
    expect(() => readJudgementCsv(csv, 'j.csv', 'ana')).toThrow(/j\.csv, line 3, field "decision"/);
    const ok = readJudgementCsv('left,right,decision\na-karimov,b-karimov,SAME\n', 'j.csv', 'ana');
    expect(ok).toEqual([expect.objectContaining({ decision: 'same', where: 'j.csv line 2' })]);
  });

  it('exports and imports judgements as JSON lines, keeping who and when', async () => {
    await judge(store, [same('a-karimov', 'b-karimov'), different('a-velasco', 'b-velasco')]);
    const text = judgementsToJsonl((await Resolver.load(store)).judgements());
    expect(text.trim().split('\n')).toHaveLength(2);
    const other = await storeWithLists();
    await judge(other, parseJudgementJsonl(text, 'shared.jsonl', 'bob'));
    const r = await Resolver.load(other);
    expect(r.judgement('a-karimov', 'b-karimov')).toMatchObject({ user: 'ana', method: 'import' });
    expect(r.canonicalId('a-karimov')).toBe((await Resolver.load(store)).canonicalId('a-karimov'));
    await other.close();
    expect(() => parseJudgementJsonl(`${text}{"left": "a-karimov"\n`, 'shared.jsonl', 'bob')).toThrow(
      /shared\.jsonl, line 3: not JSON/,
    );
    expect(() =>
      parseJudgementJsonl(
        '{"left": "a", "right": "b", "decision": "same", "at": "yesterday"}\n',
        's.jsonl',
        'bob',
      ),
    ).toThrow(/s\.jsonl, line 1, field "at"/);
  });
});
