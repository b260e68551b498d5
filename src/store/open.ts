import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/**
 * Open the store at a path. Only the embedded SQLite store exists so far. A missing folder is
 * created when `createFolder` (the default per-user location); a folder given as the store, or a
 * store that cannot be written, is said as such: a read-only store opens for reading.
 */
export function openStore(
  path: string,
  options: { createFolder?: boolean } = {},
): Store & { path: string; readonly?: boolean } {
  if (/^postgres(ql)?:\/\//.test(path)) {
    throw new UsageError('PostgreSQL stores are not supported yet; give a SQLite file path with --db');
  }
  if (path === ':memory:') return new SqliteStore(path);
  const folder = dirname(path);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) {
      throw new UsageError(
        `${path} is a folder; give the store's file, e.g. ${path.replace(/\/+$/, '')}/tangle.sqlite`,
      );
    }
    return new SqliteStore(path, { readonly: !writable(path) || !writable(folder) });
  }
  if (!existsSync(folder)) {
    if (!options.createFolder) {
      throw new UsageError(`cannot create the store ${path}: the folder ${folder} does not exist`);
    }
    mkdirSync(folder, { recursive: true });
  }
  if (!writable(folder))
    throw new UsageError(`cannot create the store ${path}: the folder ${folder} is read-only`);
  return new SqliteStore(path);
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
