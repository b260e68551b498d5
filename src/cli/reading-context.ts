/** What the reading commands share: the store, its document tables and a reader built on demand. */
import { userInfo } from 'node:os';
import { ReaderCache } from '../logic/reader-factory.js';
import type { ReadingContext } from '../logic/reading.js';
import { openDocuments } from '../store/open-documents.js';
import { withStore, type DbOptions } from './context.js';

export async function withReading<T>(
  opts: DbOptions,
  body: (ctx: ReadingContext) => Promise<T>,
  loadBundled = true,
): Promise<T> {
  return withStore(
    opts,
    async (store) => {
      const readers = new ReaderCache(store);
      return body({ store, documents: openDocuments(store), reader: () => readers.get() });
    },
    loadBundled,
  );
}

/** Who is working at the command line, for `reviewed_by` when --by is not given. */
export function cliUser(by: string | undefined): string {
  if (by?.trim()) return by.trim();
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}
