/**
 * Cross-referencing for a server: a run per set of options and list versions, computed in the
 * background (in a worker thread for a store file, else in short slices on the event loop: see
 * xref-thread.ts), kept while the lists do not change, and seen through the judgements as they are
 * at each request (judging a pair needs no new run).
 */
import type { Store } from '../store/store.js';
import { checkXrefDatasets } from './run.js';
import { Resolver } from './resolver.js';
import { withJudgements, type XrefOptions, type XrefRun } from './xref.js';
import { XrefRunError, type XrefComputer, type XrefStageProgress } from './xref-thread.js';

export type XrefJobState =
  | { status: 'ready'; run: XrefRun }
  | { status: 'computing'; progress: XrefStageProgress; finished: Promise<unknown> };

interface Job {
  progress: XrefStageProgress;
  finished: Promise<XrefRun>;
  run?: XrefRun;
  error?: unknown;
}

/** Runs kept (each is a different set of options on the current lists). */
const KEPT = 8;

export class XrefJobs {
  private readonly jobs = new Map<string, Job>();

  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly computer: XrefComputer,
    /** Told of a failed run when it fails (the error is answered to the next request). */
    private readonly onFailure: (err: unknown) => void = () => {},
  ) {}

  /** How runs are made: 'worker' or 'in-process'. */
  get kind(): string {
    return this.computer.kind;
  }

  /** Stop running computations (a worker is terminated); later requests are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.computer.close();
  }

  /** The run for these options: ready (with today's judgements applied), or its progress. */
  async get(options: XrefOptions): Promise<XrefJobState> {
    await checkXrefDatasets(this.store, options);
    const key = JSON.stringify([
      options.datasets ?? [],
      options.against ?? [],
      options.threshold ?? null,
      Boolean(options.within),
      await this.store.versionMarker(),
    ]);
    let job = this.jobs.get(key);
    if (job?.error) {
      // A failed run is reported once and not kept: the next request tries again.
      this.jobs.delete(key);
      throw job.error;
    }
    if (!job && this.closed) throw new XrefRunError('the server is closing');
    job ??= this.start(key, options);
    if (!job.run) return { status: 'computing', progress: job.progress, finished: job.finished };
    return { status: 'ready', run: withJudgements(job.run, options, await Resolver.load(this.store)) };
  }

  private start(key: string, options: XrefOptions): Job {
    if (this.jobs.size >= KEPT) this.jobs.delete(this.jobs.keys().next().value!);
    const job: Job = {
      progress: { stage: 'reading', done: 0, total: 0 },
      finished: Promise.resolve(undefined as never),
    };
    job.finished = this.computer
      .run(options, (p) => {
        job.progress = p;
      })
      .then(
        (run) => {
          job.run = run;
          job.progress = { stage: 'pairing', done: run.screened, total: run.screened };
          return run;
        },
        (error: unknown) => {
          // Whatever failed, the request is answered with a run error (its cause logged here).
          const failure =
            error instanceof XrefRunError
              ? error
              : new XrefRunError(`cross-referencing failed: ${(error as Error)?.message ?? error}`, {
                  cause: error,
                });
          job.error = failure;
          if (!this.closed) this.onFailure(failure);
          throw failure;
        },
      );
    // Nobody may be waiting when it fails; the error is kept for the next request.
    job.finished.catch(() => {});
    this.jobs.set(key, job);
    return job;
  }
}
