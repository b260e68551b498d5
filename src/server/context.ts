import type { AccountStore } from '../auth/accounts.js';
import type { GraphService } from '../graph/service.js';
import type { ReaderCache } from '../logic/reader-factory.js';
import type { ScreeningService } from '../logic/screening-service.js';
import type { DocumentStore } from '../store/documents.js';
import type { Store } from '../store/store.js';
import type { ServerConfig } from './config.js';

/** What route groups are given: the list store, the account store and the server settings. */
export interface AppContext {
  store: Store;
  accounts: AccountStore;
  config: ServerConfig;
  /** The matching index, rebuilt after imports. */
  screening: ScreeningService;
  /** The network projection, rebuilt after imports and claim reviews (`graph.invalidate()`). */
  graph: GraphService;
  /** Documents and claims read from reporting (same SQLite file). */
  documents: DocumentStore;
  /** The reading engine, built on the first document read and reused. */
  readers: ReaderCache;
}
