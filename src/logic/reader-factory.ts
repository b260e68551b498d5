/**
 * Where the reading engine comes from. `src/text/reader.ts` exports
 * `createReader(store): Promise<DocumentReader>`; it is loaded here, and only here, so that
 * everything else takes a DocumentReader and tests can hand in their own.
 *
 * Building a reader costs a gazetteer of every name in the store, so a ReaderCache builds it once,
 * on first use, and hands the same reader to every later request.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { DocumentReader } from '../text/extraction.js';
import { createReader } from '../text/reader.js';

export type ReaderFactory = (store: Store) => Promise<DocumentReader>;

/** The reading engine cannot be loaded: reading is not possible in this build. */
export class ReaderUnavailableError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'ReaderUnavailableError';
  }
}

/**
 * The reading engine's createReader. TANGLE_READER_MODULE names another module exporting
 * createReader (a path), to try another engine or, in tests, a fixed one.
 */
export const createStoreReader: ReaderFactory = async (store) => {
  const override = process.env.TANGLE_READER_MODULE;
  if (!override) return createReader(store);
  let engine: { createReader?: ReaderFactory };
  try {
    engine = (await import(pathToFileURL(resolve(override)).href)) as { createReader?: ReaderFactory };
  } catch (err) {
    throw new ReaderUnavailableError(
      `the reading engine ${override} cannot be loaded: ${(err as Error).message}`,
    );
  }
  if (typeof engine.createReader !== 'function') {
    throw new ReaderUnavailableError(`the reading engine ${override} does not export createReader`);
  }
  return engine.createReader(store);
};

/** One reader per store, built on first use and reused. */
export class ReaderCache {
  private pending: Promise<DocumentReader> | undefined;

  constructor(
    private readonly store: Store,
    private readonly factory: ReaderFactory = createStoreReader,
  ) {}

  get(): Promise<DocumentReader> {
    if (!this.pending) {
      this.pending = this.factory(this.store);
      // A failed build is not cached: the next request tries again.
      this.pending.catch(() => (this.pending = undefined));
    }
    return this.pending;
  }
}
