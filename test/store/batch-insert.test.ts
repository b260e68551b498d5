import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchInsert } from '../../src/store/batch-insert.js';

let db: Database.Database;
afterEach(() => db?.close());

function insertAll(count: number, batchSize: number): Array<{ k: number; v: string; c: string | null }> {
  db = new Database(':memory:');
  db.exec(`CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL, c TEXT)`);
  const batch = new BatchInsert(db, 'INSERT INTO t (k, v, c)', `(?, ?, 'x')`, '', batchSize);
  for (let i = 0; i < count; i++) batch.add(i, `v${i}`);
  batch.flush();
  return db.prepare('SELECT k, v, c FROM t ORDER BY k').all() as Array<{ k: number; v: string; c: string }>;
}

describe('BatchInsert', () => {
  it.each([0, 1, 6, 7, 20, 21, 250])('writes every one of %i rows in batches of 7', (count) => {
    const rows = insertAll(count, 7);
    expect(rows).toHaveLength(count);
    expect(rows.map((r) => r.k)).toEqual([...Array(count).keys()]);
    expect(rows.every((r) => r.v === `v${r.k}` && r.c === 'x')).toBe(true);
  });

  it('writes nothing before a batch is full, everything after flush', () => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE t (k INTEGER PRIMARY KEY)`);
    const batch = new BatchInsert(db, 'INSERT INTO t (k)', '(?)', '', 3);
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
    batch.add(1);
    batch.add(2);
    expect(count()).toBe(0);
    batch.add(3);
    expect(count()).toBe(3);
    batch.add(4);
    batch.flush();
    batch.flush();
    expect(count()).toBe(4);
  });

  it('applies the clause after the values to every row', () => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE t (k INTEGER PRIMARY KEY, n INTEGER NOT NULL)`);
    db.exec(`INSERT INTO t VALUES (1, 1), (2, 1)`);
    const batch = new BatchInsert(
      db,
      'INSERT INTO t (k, n)',
      '(?, 1)',
      'ON CONFLICT(k) DO UPDATE SET n = n + 1',
      2,
    );
    for (const k of [1, 2, 3]) batch.add(k);
    batch.flush();
    expect(db.prepare('SELECT k, n FROM t ORDER BY k').raw(true).all()).toEqual([
      [1, 2],
      [2, 2],
      [3, 1],
    ]);
  });

  it('rejects a row of the wrong width', () => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE t (a, b)`);
    const batch = new BatchInsert(db, 'INSERT INTO t (a, b)', '(?, ?)');
    expect(() => batch.add(1)).toThrow(/1 values for a row of 2/);
  });
});
