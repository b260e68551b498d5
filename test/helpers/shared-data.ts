/**
 * Tests under test/shared-data read the real lists in ../shared/data (beside the checkout). On a
 * fresh clone without it they are skipped with a notice; under CI (CI=true) a missing directory is
 * a failure, so CI always runs them.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SHARED_DATA = process.env.TANGLE_SHARED_DATA ?? join(root, '..', 'shared', 'data');

export const hasSharedData = existsSync(SHARED_DATA);

if (!hasSharedData && process.env.CI) {
  throw new Error(`CI=true but the shared data directory ${SHARED_DATA} is missing`);
}
if (!hasSharedData) {
  console.warn(`[tangle tests] ${SHARED_DATA} not found: tests that read the real lists are skipped`);
}

export function shared(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}
