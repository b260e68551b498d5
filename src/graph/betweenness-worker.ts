/** Worker thread: Brandes sums for a share of the sources, over a shared copy of the neighbour table. */
import { parentPort, workerData } from 'node:worker_threads';
import { brandesSums } from './centrality.js';
import { compactSumsWith } from './compact-brandes.js';

interface Job {
  nodeCount: number;
  adjOffsets: Int32Array;
  adj: Int32Array;
  sources: Int32Array;
  /** The compiled compact kernel; without it, the doubles kernel. */
  module?: WebAssembly.Module;
}

const job = workerData as Job;
const { sum, sumSq } = job.module ? compactSumsWith(job.module, job, job.sources) : brandesSums(job, job.sources);
parentPort!.postMessage({ sum, sumSq }, [sum.buffer as ArrayBuffer, sumSq.buffer as ArrayBuffer]);
