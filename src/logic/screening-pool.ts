/**
 * Book screening on several cores: a pool of worker threads, each with its own copy of the
 * candidate index, screening batches of rows as they become free. Results are identical to
 * single-threaded screening (same index, same scoring) and come back in book order.
 *
 * Each worker builds its index in parallel with the others, so the start-up costs about two
 * builds' wall time on two cores and one index's memory per worker: worth it for large books (see
 * MIN_ROWS_PER_WORKER).
 */
import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { BookRow } from '../match/book.js';
import type { ScreenOptions } from '../match/candidate-index.js';
import type { EntityRecord } from '../store/store.js';
import { workerScript } from '../worker-script.js';
import type { BookResult } from './screening.js';
import type { WorkerInit, WorkerReply, WorkerRequest } from './screening-worker.js';

/** Rows sent to a worker at a time: large enough to amortise messaging, small enough to balance. */
const BATCH = 64;

/**
 * Rows per worker below which threads do not pay. Measured with `tangle screen` on 2 cores: the
 * pool's start (loading the records, two full index builds side by side) costs ~6 s more than one
 * thread reusing the saved index, and two threads screen ~1,600 more rows/s (4,900 against
 * 3,300); a 60,000-row book took 22.9 s on two threads and 22.5 s on one, a 20,000-row book 12.5
 * and 9.6 s. So the pool is used from about 60,000 rows.
 */
export const MIN_ROWS_PER_WORKER = 30_000;

/** How many workers a book of `rows` rows is worth on this machine. */
export function defaultWorkers(rows: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(rows / MIN_ROWS_PER_WORKER)));
}

export class ScreeningPool {
  private jobs = 0;

  private constructor(
    private readonly workers: Worker[],
    /** Entities each worker's index holds. */
    readonly size: number,
    /** The slowest worker's index build. */
    readonly buildMs: number,
  ) {}

  /** Start `workers` threads, each building its index from the records. */
  static async start(records: readonly EntityRecord[], workers: number): Promise<ScreeningPool> {
    const bytes = serialize(records);
    const shared = new SharedArrayBuffer(bytes.length);
    new Uint8Array(shared).set(bytes);
    const init: WorkerInit = { records: shared };
    const started = Array.from(
      { length: workers },
      () => new Worker(workerScript(import.meta.url, './screening-worker.js'), { workerData: init }),
    );
    try {
      const ready = await Promise.all(
        started.map((w) =>
          listen<{ size: number; buildMs: number }>(w, (m, resolve) => {
            if (m.type === 'ready') resolve(m);
          }),
        ),
      );
      return new ScreeningPool(started, ready[0]!.size, Math.max(...ready.map((r) => r.buildMs)));
    } catch (err) {
      await Promise.all(started.map((w) => w.terminate()));
      throw err;
    }
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Screen every row; results in row order. */
  screen(
    rows: readonly BookRow[],
    options: ScreenOptions,
    progress?: (done: number, total: number) => void,
  ): Promise<BookResult[]> {
    const job = ++this.jobs;
    const results: BookResult[] = new Array(rows.length);
    const batches = Math.ceil(rows.length / BATCH);
    let next = 0;
    let done = 0;
    // Only what a worker needs of a row travels (not the raw CSV input).
    const slim = (row: BookRow): BookRow => ({ line: row.line, id: row.id, input: {}, query: row.query });
    /** Give a worker the next batch; false when none is left. */
    const send = (w: Worker): boolean => {
      if (next >= batches) return false;
      const batch = next++;
      const req: WorkerRequest = {
        job,
        batch,
        rows: rows.slice(batch * BATCH, (batch + 1) * BATCH).map(slim),
        options,
      };
      w.postMessage(req);
      return true;
    };
    if (!batches) return Promise.resolve(results);
    return Promise.all(
      this.workers.map((w) => {
        // A worker that gets no batch at all (fewer batches than workers) is done at once; replies
        // arrive asynchronously, so listening after the first send misses nothing.
        if (!send(w)) return Promise.resolve();
        return listen<void>(w, (m, resolve) => {
          if (m.type === 'ready' || m.job !== job) return;
          if (m.type === 'failed') {
            next = batches; // the other workers finish their batch in flight and stop
            throw new Error(`screening rows failed: ${m.message}`);
          }
          const batch = JSON.parse(m.json) as BookResult[];
          batch.forEach((r, j) => (results[m.batch * BATCH + j] = r));
          done += batch.length;
          progress?.(done, rows.length);
          if (!send(w)) resolve();
        });
      }),
    ).then(() => results);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Handle a worker's replies until `onReply` resolves; an error, an exit or a thrown error rejects.
 * Only the listeners added here are removed afterwards: a Worker's own internal listeners (which
 * keep its message port referenced) must stay.
 */
function listen<T>(
  worker: Worker,
  onReply: (reply: WorkerReply, resolve: (value: T) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onExit = (code: number) => onError(new Error(`screening worker exited with code ${code}`));
    const onMessage = (m: WorkerReply) => {
      try {
        onReply(m, (value) => {
          cleanup();
          resolve(value);
        });
      } catch (err) {
        onError(err as Error);
      }
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
