/**
 * Where things live: the store path (--db, then TANGLE_DB, then the per-user data directory) and
 * the bundled offline data shipped inside the package.
 */
import envPaths from 'env-paths';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: the nearest folder above this file with a package.json, so it holds from src/
 * (tests, tsx), dist/ (built CLI) and dist-bench/src/ (compiled benchmarks) alike.
 */
export const PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export const BUNDLED_DATA_DIR = join(PACKAGE_ROOT, 'data');

export function defaultDbPath(): string {
  if (process.env.TANGLE_DB) return resolve(process.env.TANGLE_DB);
  return join(envPaths('tangle', { suffix: '' }).data, 'tangle.sqlite');
}

export function resolveDbPath(option: string | undefined): string {
  return option ? (option === ':memory:' ? option : resolve(option)) : defaultDbPath();
}
