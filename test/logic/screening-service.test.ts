/**
 * The server's watch on the store: a failed check for new versions, or a failed rebuild, is
 * reported and retried, never an unhandled rejection (which would end the process).
 */
import { describe, expect, it } from 'vitest';
import { ScreeningService } from '../../src/logic/screening-service.js';
import { SqliteStore } from '../../src/store/sqlite.js';

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
}

describe('ScreeningService.watch', () => {
  it('reports a failed version check and keeps watching', async () => {
    const store = new SqliteStore(':memory:');
    const service = new ScreeningService(store);
    await service.get();
    let calls = 0;
    store.versionMarker = async () => {
      calls++;
      throw new Error('disk I/O error');
    };
    const errors: string[] = [];
    service.watch(5, (err, what) => errors.push(`${what}: ${(err as Error).message}`));
    await until(() => calls >= 3);
    service.stop();
    expect(errors[0]).toBe('checking the store for new list versions failed: disk I/O error');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    await store.close();
  });

  it('reports a failed rebuild, and queries keep the previous index', async () => {
    const store = new SqliteStore(':memory:');
    const service = new ScreeningService(store);
    const first = await service.get();
    store.versionMarker = async () => 'changed';
    store.currentEntities = () => {
      throw new Error('database is locked');
    };
    const errors: string[] = [];
    service.watch(5, (err, what) => errors.push(`${what}: ${(err as Error).message}`));
    await until(() => errors.length > 0);
    service.stop();
    expect(errors[0]).toMatch(/^rebuilding the screening index failed; .*: database is locked$/);
    expect(await service.get()).toBe(first);
    await store.close();
  });
});
