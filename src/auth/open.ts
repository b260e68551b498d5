import { UsageError } from '../errors.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import type { AccountStore } from './accounts.js';
import { SqliteAccountStore, type AccountStoreOptions } from './sqlite-accounts.js';

/** The account store that lives beside a list store (same SQLite file). */
export function openAccounts(store: Store, options: AccountStoreOptions = {}): AccountStore {
  if (store instanceof SqliteStore) return new SqliteAccountStore(store.db, options);
  throw new UsageError('accounts are only supported on the embedded SQLite store so far');
}
