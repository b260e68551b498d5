/** Two small invented lists that name some of the same parties, in an in-memory store. */
import { join } from 'node:path';
import { importFiles } from '../../src/logic/import.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ROOT } from '../helpers/cli.js';

export const RESOLVE_FIXTURES = join(ROOT, 'test', 'fixtures', 'resolve');
export const LIST_A = join(RESOLVE_FIXTURES, 'list-a.ftm.json');
export const LIST_B = join(RESOLVE_FIXTURES, 'list-b.ftm.json');

export async function importLists(store: SqliteStore): Promise<void> {
  await importFiles(store, { format: 'ftm', paths: [LIST_A], dataset: 'list_a' });
  await importFiles(store, { format: 'ftm', paths: [LIST_B], dataset: 'list_b' });
}

export async function storeWithLists(): Promise<SqliteStore> {
  const store = new SqliteStore(':memory:');
  await importLists(store);
  return store;
}
