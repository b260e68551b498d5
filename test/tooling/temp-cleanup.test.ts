/** Test files clean up after themselves: no `tangle-*` folders left in the temporary directory. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

describe('temporary folders', () => {
  it('are gone when a test file that makes them ends', () => {
    // A temporary directory of its own, so that other runs' folders do not count.
    const tmp = tempDir('tangle-test-tmp-');
    const files = ['test/sources/ftm-json.test.ts', 'test/server/import.test.ts'];
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...files, '--reporter=dot'],
      { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8' },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readdirSync(tmp).filter((name) => name.startsWith('tangle-'))).toEqual([]);
  });
});
