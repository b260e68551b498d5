/**
 * A cross-referencing worker thread: opens the store file read-only, reads the current entities,
 * takes the matcher index saved beside the store (or builds and saves it) and pairs them, posting its progress as it goes and the
 * run (pairs without decisions) at the end. The server's event loop does none of this work; see
 * xref-thread.ts for the side that starts it.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { buildIndex } from '../logic/screening.js';
import { SqliteStore } from '../store/sqlite.js';
import type { EntityRecord } from '../store/store.js';
import { crossReferenceSteps, type XrefOptions, type XrefRun } from './xref.js';

/** `waiting` for another run to finish, `reading` the entities, `indexing` them, `pairing`. */
export type XrefStage = 'waiting' | 'reading' | 'indexing' | 'pairing';

export interface XrefWorkerInit {
  /** The SQLite store file. */
  path: string;
  options: XrefOptions;
}

export type XrefWorkerMessage =
  | { type: 'progress'; stage: XrefStage; done: number; total: number }
  | { type: 'done'; run: XrefRun }
  | { type: 'failed'; message: string; stack?: string };

/** Progress is posted at most this often (ms) while pairing. */
const PROGRESS_MS = 25;

const port = parentPort!;
const init = workerData as XrefWorkerInit;
const post = (m: XrefWorkerMessage) => port.postMessage(m);

async function main(): Promise<void> {
  // On Linux a thread has its own nice value, and setpriority(0) sets the calling thread's: the
  // server's own thread then wins the CPU over this one when cores are scarce. Elsewhere it would
  // lower the whole process, so it is left alone.
  if (process.platform === 'linux' && process.env.TANGLE_XREF_NICE !== '0') {
    try {
      setPriority(0, 10);
    } catch {
      // not allowed here: run at the server's priority
    }
  }
  post({ type: 'progress', stage: 'reading', done: 0, total: 0 });
  const store = new SqliteStore(init.path, { readonly: true });
  try {
    const records: EntityRecord[] = [];
    for await (const r of store.currentEntities()) records.push(r);
    post({ type: 'progress', stage: 'indexing', done: 0, total: 0 });
    // Reuses the index `tangle xref` or an earlier run saved beside the store, as the CLI does.
    const index = await buildIndex(store, { cache: true, records });
    post({ type: 'progress', stage: 'pairing', done: 0, total: 0 });
    const steps = crossReferenceSteps(index, records, init.options);
    let step = steps.next();
    let last = performance.now();
    while (!step.done) {
      if (performance.now() - last >= PROGRESS_MS) {
        post({ type: 'progress', stage: 'pairing', ...step.value });
        last = performance.now();
      }
      step = steps.next();
    }
    post({ type: 'done', run: step.value });
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  post({ type: 'failed', message: e.message, stack: e.stack });
});
