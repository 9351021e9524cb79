/**
 * A thread that writes agent snapshots (cli/snapshots/background.ts sends them): each message
 * is one snapshot and the path of its file, written whole before the next is read, and
 * answered with its number and, if it failed, why.
 */
import { parentPort } from 'node:worker_threads';
import type { AgentSnapshot } from '../../sim/index.js';
import { writeSnapshotFile } from './csv.js';

/** One snapshot to write. */
export interface SnapshotJob {
  id: number;
  path: string;
  snapshot: AgentSnapshot;
}

/** The answer to a job: its number, and an error message when the file could not be written. */
export interface SnapshotDone {
  id: number;
  error?: string;
}

const port = parentPort!;
port.on('message', (job: SnapshotJob) => {
  let reply: SnapshotDone;
  try {
    writeSnapshotFile(job.path, job.snapshot);
    reply = { id: job.id };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
