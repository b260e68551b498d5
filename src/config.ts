/**
 * Where things live: the store path (--db, then TANGLE_DB, then the per-user data directory) and
 * the bundled offline data shipped inside the package.
 */
import envPaths from 'env-paths';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, both from src/ (tests, tsx) and from dist/ (built CLI). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const BUNDLED_DATA_DIR = join(PACKAGE_ROOT, 'data');

export function defaultDbPath(): string {
  if (process.env.TANGLE_DB) return resolve(process.env.TANGLE_DB);
  return join(envPaths('tangle', { suffix: '' }).data, 'tangle.sqlite');
}

export function resolveDbPath(option: string | undefined): string {
  return option ? (option === ':memory:' ? option : resolve(option)) : defaultDbPath();
}
