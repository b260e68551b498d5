import { UsageError } from '../errors.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/** Open the store at a path. Only the embedded SQLite store exists so far. */
export function openStore(path: string): Store & { path: string } {
  if (/^postgres(ql)?:\/\//.test(path)) {
    throw new UsageError('PostgreSQL stores are not supported yet; give a SQLite file path with --db');
  }
  return new SqliteStore(path);
}
