import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { snapshotCSVPieces } from './csv.js';
import type { SnapshotJob, SnapshotReply } from './writer.js';

/** While this is 1 (a threaded run's kernels at work), the writer waits between pieces. */
const busy = (workerData as { busy?: Int32Array }).busy;

/** Rows per piece: small enough that a piece begun just before the kernels start ends soon after. */
const ROWS_PER_PIECE = 1024;

function writeJob(job: SnapshotJob): void {
  const columns: Record<string, Float64Array> = {};
  job.names.forEach((name, i) => (columns[name] = job.columns[i]!));
  const fd = openSync(job.path, 'w');
  try {
    for (const piece of snapshotCSVPieces({ step: job.step, columns }, ROWS_PER_PIECE)) {
      writeSync(fd, piece);
      if (busy) while (Atomics.load(busy, 0) === 1) Atomics.wait(busy, 0, 1, 100);
    }
  } finally {
    closeSync(fd);
  }
}

/** The snapshot writer's thread: writes each snapshot it is sent, in order, and answers for each. */
parentPort!.on('message', (job: SnapshotJob) => {
  try {
    writeJob(job);
    parentPort!.postMessage({ id: job.id } satisfies SnapshotReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies SnapshotReply);
  }
});
