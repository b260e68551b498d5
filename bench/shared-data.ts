/**
 * Where the shared real data lives: $TANGLE_SHARED_DATA, else ../shared/data beside the project.
 * Found from the project root, so it holds whether a benchmark runs from bench/ (tsx) or from its
 * compiled copy in dist-bench/bench/ (`npm run bench:*`, the code users run).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function sharedDataDir(): string {
  if (process.env.TANGLE_SHARED_DATA) return process.env.TANGLE_SHARED_DATA;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, '..', 'shared', 'data');
}
