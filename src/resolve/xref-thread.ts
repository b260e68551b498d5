/**
 * Two ways for a server to compute a cross-referencing run without holding its event loop:
 *
 * - in a worker thread (file-backed SQLite stores): the worker opens the same file read-only, reads
 *   the entities, builds its own matcher index and pairs; only progress messages and the finished
 *   run cross to the server's thread;
 * - in process (in-memory stores, or when asked): the entities are read and the run is made in
 *   ~20 ms slices between other requests, with the server's own index. Reading the entities is one
 *   synchronous stretch there.
 *
 * Either way the run has no decisions: the caller applies the judgements current at each request.
 */
import { Worker } from 'node:worker_threads';
import type { CandidateIndex } from '../match/candidate-index.js';
import type { EntityRecord } from '../store/store.js';
import { workerScript } from '../worker-script.js';
import { crossReferenceInSlices, type XrefOptions, type XrefProgress, type XrefRun } from './xref.js';
import type { XrefStage, XrefWorkerInit, XrefWorkerMessage } from './xref-worker.js';

export type { XrefStage } from './xref-worker.js';

/** How far a run has come: its stage, and entities screened of those to screen (0 of 0 before pairing). */
export interface XrefStageProgress extends XrefProgress {
  stage: XrefStage;
}

export interface XrefComputer {
  /** 'worker' or 'in-process', for logs and benchmarks. */
  readonly kind: string;
  run(options: XrefOptions, onProgress: (p: XrefStageProgress) => void): Promise<XrefRun>;
  /** Stop what is running (its runs reject) and refuse new runs. */
  close(): Promise<void>;
}

/** A run that could not be made (the worker failed, stopped, or the server is closing). */
export class XrefRunError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'XrefRunError';
  }
}

/** Runs in the server's thread, in slices, over the entities and the index it is given. */
export class InProcessXref implements XrefComputer {
  readonly kind = 'in-process';
  private closed = false;

  constructor(
    private readonly readRecords: () => Promise<EntityRecord[]>,
    private readonly index: () => Promise<CandidateIndex>,
  ) {}

  async run(options: XrefOptions, onProgress: (p: XrefStageProgress) => void): Promise<XrefRun> {
    onProgress({ stage: 'reading', done: 0, total: 0 });
    const records = await this.readRecords();
    onProgress({ stage: 'indexing', done: 0, total: 0 });
    const index = await this.index();
    onProgress({ stage: 'pairing', done: 0, total: 0 });
    if (this.closed) throw new XrefRunError('the server is closing');
    return crossReferenceInSlices(index, records, options, (p) => onProgress({ stage: 'pairing', ...p }));
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/**
 * Runs each in its own worker thread over the store file at `path`, opened read-only there. Each
 * worker holds the lists and a matcher index of its own while it runs, so runs go one at a time
 * (by default): the others wait, in stage `waiting`.
 */
export class WorkerXref implements XrefComputer {
  readonly kind = 'worker';
  private readonly running = new Set<Worker>();
  private readonly waiting: Array<{ start: () => void; reject: (err: Error) => void }> = [];
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly options: {
      /** The worker's script (tests may give a broken one). */
      script?: URL;
      /** Workers at a time. */
      concurrency?: number;
    } = {},
  ) {}

  run(options: XrefOptions, onProgress: (p: XrefStageProgress) => void): Promise<XrefRun> {
    if (this.closed) return Promise.reject(new XrefRunError('the server is closing'));
    return new Promise<XrefRun>((resolve, reject) => {
      const start = () => this.start(options, onProgress).then(resolve, reject);
      if (this.running.size < (this.options.concurrency ?? 1)) start();
      else {
        onProgress({ stage: 'waiting', done: 0, total: 0 });
        this.waiting.push({ start, reject });
      }
    });
  }

  private start(options: XrefOptions, onProgress: (p: XrefStageProgress) => void): Promise<XrefRun> {
    const init: XrefWorkerInit = { path: this.path, options: plain(options) };
    const script = this.options.script ?? workerScript(import.meta.url, './xref-worker.js');
    return new Promise<XrefRun>((resolve, reject) => {
      const worker = new Worker(script, { workerData: init });
      this.running.add(worker);
      let settled = false;
      const settle = (error: Error | undefined, run?: XrefRun) => {
        if (settled) return;
        settled = true;
        this.running.delete(worker);
        worker.off('message', onMessage);
        void worker.terminate();
        if (error) reject(error);
        else resolve(run!);
        if (!this.closed) this.waiting.shift()?.start();
      };
      const onMessage = (m: XrefWorkerMessage) => {
        if (m.type === 'progress') onProgress({ stage: m.stage, done: m.done, total: m.total });
        else if (m.type === 'done') settle(undefined, m.run);
        else {
          const cause = Object.assign(new Error(m.message), { stack: m.stack });
          settle(new XrefRunError(`the cross-referencing worker failed: ${m.message}`, { cause }));
        }
      };
      worker.on('message', onMessage);
      worker.on('error', (err) =>
        settle(new XrefRunError(`the cross-referencing worker failed: ${err.message}`, { cause: err })),
      );
      worker.on('exit', (code) =>
        settle(
          new XrefRunError(
            this.closed
              ? 'the server is closing'
              : `the cross-referencing worker stopped (exit code ${code}) before its run was done`,
          ),
        ),
      );
    });
  }

  /** Running workers are terminated: their runs reject, and nothing is left running. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new XrefRunError('the server is closing'));
    await Promise.all([...this.running].map((w) => w.terminate()));
  }

  /** Workers running now (for tests). */
  get active(): number {
    return this.running.size;
  }
}

/** Options as plain data for the worker (no undefined-valued keys, arrays copied). */
function plain(options: XrefOptions): XrefOptions {
  const out: XrefOptions = {};
  if (options.datasets) out.datasets = [...options.datasets];
  if (options.against) out.against = [...options.against];
  if (options.threshold !== undefined) out.threshold = options.threshold;
  if (options.within !== undefined) out.within = options.within;
  return out;
}
