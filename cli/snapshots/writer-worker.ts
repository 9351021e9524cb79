/**
 * A thread that writes agent snapshots (cli/snapshots/background.ts sends them): each message
 * is one snapshot and the path of its file, written whole before the next is read, and
 * answered with its number and, if it failed, why. Given a threaded run's `busy` flag, it
 * formats rows only while the run's workers idle.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AgentSnapshot } from '../../sim/index.js';
import { writeSnapshotFile } from './csv.js';

/**
 * What the thread starts with: its module; the run's `busy` flag when the run has worker
 * threads; and, shared with the writer, how many snapshots it has been sent.
 */
export interface SnapshotThreadData {
  entry: string;
  busy?: Int32Array;
  sent: Int32Array;
}

/** Longest one wait on the flag lasts before the thread looks again (ms). */
const BUSY_WAIT_MS = 100;

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
const { busy, sent } = workerData as SnapshotThreadData;
/** Snapshots begun here, the one being written included. */
let begun = 0;

/**
 * Sleeps while the run's workers run a job, so that formatting takes a core only while they
 * idle; but not while another snapshot waits behind this one: a run that takes snapshots
 * faster than its idle moments can write them would otherwise pile them up in memory.
 */
function waitForIdleCores(flag: Int32Array): void {
  while (Atomics.load(flag, 0) === 1 && Atomics.load(sent, 0) <= begun) Atomics.wait(flag, 0, 1, BUSY_WAIT_MS);
}

const pause = busy ? () => waitForIdleCores(busy) : undefined;
port.on('message', (job: SnapshotJob) => {
  begun++;
  let reply: SnapshotDone;
  try {
    writeSnapshotFile(job.path, job.snapshot, pause);
    reply = { id: job.id };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
