import type Database from 'better-sqlite3';
import { UsageError } from '../errors.js';

/**
 * Make a group of tables that lives beside the lists (accounts, documents, judgements). On a
 * read-only store the tables it lacks become empty temporary tables of this connection, so that
 * reading commands find nothing rather than fail on a store that never had, say, a document.
 */
export function ensureTables(db: Database.Database, ddl: string): void {
  if (!db.readonly) {
    db.exec(ddl);
    return;
  }
  const existing = new Set(
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map(
      (r) => r.name,
    ),
  );
  for (const statement of ddl.split(';')) {
    const table = /^\s*CREATE TABLE IF NOT EXISTS (\w+)/i.exec(statement);
    if (table && !existing.has(table[1])) db.exec(statement.replace(/CREATE TABLE/i, 'CREATE TEMP TABLE'));
  }
}

/**
 * Record the schema version of a group of tables in the shared `meta` table on first use, and
 * refuse a file whose tables were made by another version of Tangle.
 */
export function ensureSchemaVersion(
  db: Database.Database,
  key: string,
  expected: number,
  what: string,
): void {
  const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(key) as { value: string } | undefined;
  if (!row) {
    if (!db.readonly) db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?)`).run(key, String(expected));
  } else if (Number(row.value) !== expected) {
    throw new UsageError(`${what} have schema version ${row.value}; this Tangle expects ${expected}`);
  }
}
