// Runs the compiled worker in dist/ (npm test builds it first; see screening-pool.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookRow } from '../../src/match/book.js';
import { CandidateIndex } from '../../src/match/candidate-index.js';
import { buildQuery } from '../../src/match/query.js';
import { screenRow } from '../../src/logic/screening.js';
import { ScreeningPool } from '../../src/logic/screening-pool.js';
import type { EntityRecord } from '../../src/store/store.js';

const record = (
  id: string,
  schema: string,
  names: string[],
  extra: Record<string, string[]> = {},
): EntityRecord => ({
  id,
  schema,
  caption: names[0]!,
  datasets: ['test'],
  recordIds: { test: [id] },
  firstSeen: '2024-01-01',
  lastSeen: '2024-01-01',
  lastChange: '2024-01-01',
  properties: { name: names, ...extra },
});

const records = [
  record('p1', 'Person', ['MADURO MOROS, Nicolas'], { program: ['VENEZUELA'] }),
  record('p2', 'Person', ['SOLEIMANI, Qasem'], { alias: ['Qassem Suleimani'] }),
  record('p3', 'Person', ['KHALIL, Ali Hassan']),
  record('c1', 'Company', ['PETROLEOS DE VENEZUELA S.A.'], { alias: ['PDVSA'] }),
  record('v1', 'Vessel', ['EBANO'], { imoNumber: ['IMO 7406784'] }),
];
const names = ['Nicolas Maduro', 'Qasem Soleimani', 'Ali Hassan Khalil', 'PDVSA', 'Ebano', 'Nobody Atall'];
const rows: BookRow[] = Array.from({ length: 300 }, (_, i) => {
  const input = { name: names[i % names.length] };
  return { line: i + 2, id: `r${i}`, input, query: buildQuery(input) };
});

let pool: ScreeningPool;
beforeAll(async () => {
  pool = await ScreeningPool.start(records, 3);
});
afterAll(async () => {
  await pool.close();
});

describe('ScreeningPool', () => {
  it('gives the results of one thread, in book order', async () => {
    const index = CandidateIndex.build(records.map((r) => ({ ...r, properties: { ...r.properties } })));
    const expected = rows.map((row) => screenRow(index, row, { limit: 3 }));
    const done: number[] = [];
    const results = await pool.screen(rows, { limit: 3 }, (n) => done.push(n));
    expect(pool.threads).toBe(3);
    expect(pool.size).toBe(5);
    expect(results).toEqual(expected);
    expect(results[0]!.results[0]!.entity_id).toBe('p1');
    expect(results.filter((r) => r.results.length === 0).length).toBe(50);
    expect(done.at(-1)).toBe(300);
  });

  it('handles fewer batches than threads, and an empty book', async () => {
    const one = await pool.screen(rows.slice(1, 2), {});
    expect(one.map((r) => r.results[0]?.entity_id)).toEqual(['p2']);
    expect(await pool.screen([], {})).toEqual([]);
  });

  it('reports a failure inside a worker and stays usable', async () => {
    await expect(pool.screen(rows, { algorithm: 'no-such-algorithm' })).rejects.toThrow(
      /screening rows failed: .*no-such-algorithm/,
    );
    // Batches of the failed call still in flight must not leak into the next call's results.
    const again = await pool.screen(rows.slice(0, 200), {});
    expect(again.map((r) => r.id)).toEqual(rows.slice(0, 200).map((r) => r.id));
    expect(again[0]!.results[0]!.entity_id).toBe('p1');
  });
});
