/**
 * Cross-referencing for a server: a run per set of options and list versions, computed in the
 * background in short slices (the event loop keeps answering), kept while the lists do not change,
 * and seen through the judgements as they are at each request (judging a pair needs no new run).
 */
import type { CandidateIndex } from '../match/candidate-index.js';
import type { EntityRecord, Store } from '../store/store.js';
import { checkXrefDatasets } from './run.js';
import { Resolver } from './resolver.js';
import {
  crossReferenceInSlices,
  withJudgements,
  type XrefOptions,
  type XrefProgress,
  type XrefRun,
} from './xref.js';

export type XrefJobState =
  | { status: 'ready'; run: XrefRun }
  | { status: 'computing'; progress: XrefProgress; finished: Promise<unknown> };

interface Job {
  progress: XrefProgress;
  finished: Promise<XrefRun>;
  run?: XrefRun;
  error?: unknown;
}

/** Runs kept (each is a different set of options on the current lists). */
const KEPT = 8;

export class XrefJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly store: Store,
    private readonly prepare: () => Promise<{ index: CandidateIndex; records: EntityRecord[] }>,
  ) {}

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
    job ??= this.start(key, options);
    if (!job.run) return { status: 'computing', progress: job.progress, finished: job.finished };
    return { status: 'ready', run: withJudgements(job.run, options, await Resolver.load(this.store)) };
  }

  private start(key: string, options: XrefOptions): Job {
    if (this.jobs.size >= KEPT) this.jobs.delete(this.jobs.keys().next().value!);
    const job: Job = { progress: { done: 0, total: 0 }, finished: Promise.resolve(undefined as never) };
    job.finished = (async () => {
      const { index, records } = await this.prepare();
      return crossReferenceInSlices(index, records, options, (p) => {
        job.progress = p;
      });
    })().then(
      (run) => {
        job.run = run;
        job.progress = { done: run.screened, total: run.screened };
        return run;
      },
      (error: unknown) => {
        job.error = error;
        throw error;
      },
    );
    // Nobody may be waiting when it fails; the error is kept for the next request.
    job.finished.catch(() => {});
    this.jobs.set(key, job);
    return job;
  }
}
