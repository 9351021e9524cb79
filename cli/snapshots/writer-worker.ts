import { parentPort } from 'node:worker_threads';
import { writeSnapshotFile } from './csv.js';
import type { SnapshotJob, SnapshotReply } from './writer.js';

/** The snapshot writer's thread: writes each snapshot it is sent, in order, and answers for each. */
parentPort!.on('message', (job: SnapshotJob) => {
  try {
    const columns: Record<string, Float64Array> = {};
    job.names.forEach((name, i) => (columns[name] = job.columns[i]!));
    writeSnapshotFile(job.path, { step: job.step, columns });
    parentPort!.postMessage({ id: job.id } satisfies SnapshotReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies SnapshotReply);
  }
});
