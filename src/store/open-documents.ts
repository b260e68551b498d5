import { UsageError } from '../errors.js';
import type { DocumentStore } from './documents.js';
import { SqliteDocumentStore } from './sqlite-documents.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/** The document store that lives beside a list store (same SQLite file). */
export function openDocuments(store: Store): DocumentStore {
  if (store instanceof SqliteStore) return new SqliteDocumentStore(store.db);
  throw new UsageError('documents are only supported on the embedded SQLite store so far');
}
