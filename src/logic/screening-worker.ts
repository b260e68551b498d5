/**
 * A screening worker thread: builds its own candidate index from the records it is given, then
 * screens the batches of book rows the pool sends it. See screening-pool.ts.
 *
 * The index is built in full (every entity analysed up front): a lazy index from saved keys
 * would make every worker analyse the same candidates again, which measured slower on two
 * threads than one thread alone.
 */
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { BookRow } from '../match/book.js';
import { CandidateIndex, type ScreenOptions } from '../match/candidate-index.js';
import type { EntityRecord } from '../store/store.js';
import { screenRow } from './screening.js';

export interface WorkerInit {
  /** v8-serialised EntityRecord[], shared by all workers without copying. */
  records: SharedArrayBuffer;
}

/** `job` numbers a pool's screen() call, so late replies of a failed call are told apart. */
export type WorkerRequest = { job: number; batch: number; rows: BookRow[]; options: ScreenOptions };

export type WorkerReply =
  | { type: 'ready'; size: number; buildMs: number }
  /** The batch's BookResult[] as JSON text: one string crosses threads far cheaper than a graph. */
  | { type: 'results'; job: number; batch: number; json: string }
  | { type: 'failed'; job: number; batch: number; message: string };

const port = parentPort!;
const init = workerData as WorkerInit;
const index = CandidateIndex.build(deserialize(new Uint8Array(init.records)) as EntityRecord[]);
port.postMessage({ type: 'ready', size: index.size, buildMs: index.buildMs } satisfies WorkerReply);

port.on('message', (req: WorkerRequest) => {
  try {
    const results = req.rows.map((row) => screenRow(index, row, req.options));
    const json = JSON.stringify(results);
    port.postMessage({ type: 'results', job: req.job, batch: req.batch, json } satisfies WorkerReply);
  } catch (err) {
    port.postMessage({
      type: 'failed',
      job: req.job,
      batch: req.batch,
      message: err instanceof Error ? err.message : String(err),
    } satisfies WorkerReply);
  }
});
