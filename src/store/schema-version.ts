import type Database from 'better-sqlite3';
import { UsageError } from '../errors.js';

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
    db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?)`).run(key, String(expected));
  } else if (Number(row.value) !== expected) {
    throw new UsageError(`${what} have schema version ${row.value}; this Tangle expects ${expected}`);
  }
}
