/** Worker thread: Brandes sums for a share of the sources, over a shared copy of the neighbour table. */
import { parentPort, workerData } from 'node:worker_threads';
import { brandesSums, brandesSumsCompact } from './centrality.js';

interface Job {
  nodeCount: number;
  adjOffsets: Int32Array;
  adj: Int32Array;
  sources: Int32Array;
  kernel: 'single' | 'compact';
}

const job = workerData as Job;
const { sum, sumSq } =
  job.kernel === 'compact' ? brandesSumsCompact(job, job.sources) : brandesSums(job, job.sources);
parentPort!.postMessage({ sum, sumSq }, [sum.buffer as ArrayBuffer, sumSq.buffer as ArrayBuffer]);
