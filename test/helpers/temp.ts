/**
 * Temporary folders for tests, removed when the test file ends (tests must not leave `tangle-*`
 * folders behind in the system's temporary directory).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Registered when a test file first imports this module: its folders go when the file is done.
afterAll(() => {
  for (const dir of made.splice(0)) {
    try {
      chmodSync(dir, 0o755); // a test may have made it read-only
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A new folder in the system's temporary directory, named `<prefix>XXXXXX`. */
export function tempDir(prefix = 'tangle-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
