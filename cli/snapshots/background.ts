import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../sim/node/start-worker.js';
import type { AgentSnapshot } from '../../sim/index.js';
import { writeSnapshotFile } from './csv.js';
import type { SnapshotDone, SnapshotJob, SnapshotThreadData } from './writer-worker.js';

/**
 * Rows from which a snapshot is written on a thread of its own. Formatting a million rows takes
 * a core about 0.8 s; on a thread, the run goes on meanwhile (a one-thread run leaves a core
 * idle, a threaded one leaves one idle between its kernels: given the run's `busy` flag, the
 * thread formats only then, instead of taking its share of the cores from the kernels).
 * Smaller snapshots are written at once: starting a thread would cost more than it saves.
 */
export const SNAPSHOT_THREAD_ROWS = 50_000;

/**
 * Writes a run's agent snapshots, in the order taken: large ones on a worker thread (their
 * columns are handed over, not copied: the collector's copies belong to the snapshot alone),
 * small ones on the spot. The files are the same either way (cli/snapshots/csv.ts writes both).
 * `finish()` waits for every file and reports the first that failed.
 */
export class SnapshotWriter {
  private worker: Worker | undefined;
  private sent = 0;
  /** Snapshots sent to the thread, shared with it (it stops waiting for idle cores while one queues). */
  private readonly sentShared = new Int32Array(new SharedArrayBuffer(4));
  private answered = 0;
  private failure: Error | undefined;
  private waiting: (() => void) | undefined;

  /**
   * `threadRows`: rows from which a snapshot goes to the thread (0: every one). `busy`: a
   * threaded run's flag (`ThreadedRunner.busy`); the thread waits while it reads 1.
   */
  constructor(
    private readonly threadRows = SNAPSHOT_THREAD_ROWS,
    private readonly busy?: Int32Array,
  ) {}

  write(path: string, snapshot: AgentSnapshot): void {
    if (this.failure) throw this.failure;
    const columns = Object.values(snapshot.columns);
    if ((columns[0]?.length ?? 0) < this.threadRows) {
      writeSnapshotFile(path, snapshot);
      return;
    }
    const job: SnapshotJob = { id: this.sent++, path, snapshot };
    const thread = this.thread();
    Atomics.add(this.sentShared, 0, 1);
    thread.postMessage(job, columns.map((column) => column.buffer as ArrayBuffer));
  }

  /** Resolves once every snapshot is on disk; rejects with the first failure. Stops the thread. */
  async finish(): Promise<void> {
    if (this.answered < this.sent && !this.failure) await new Promise<void>((resolve) => (this.waiting = resolve));
    await this.stop();
    if (this.failure) throw this.failure;
  }

  /** Stops the thread without waiting for what it has left (a run that failed). */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const data: Omit<SnapshotThreadData, 'entry'> = { busy: this.busy, sent: this.sentShared };
    const worker = startWorker('./writer-worker', import.meta.url, data);
    worker.on('message', (done: SnapshotDone) => {
      this.answered++;
      if (done.error && !this.failure) this.failure = new Error(`could not write a snapshot: ${done.error}`);
      this.wake();
    });
    worker.on('error', (error) => {
      this.failure ??= error;
      this.wake();
    });
    worker.on('exit', (code) => {
      if (this.worker === worker && this.answered < this.sent) this.failure ??= new Error(`the snapshot thread stopped (code ${code}) with snapshots unwritten`);
      this.wake();
    });
    this.worker = worker;
    return worker;
  }

  private wake(): void {
    if (!this.waiting || (this.answered < this.sent && !this.failure)) return;
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve();
  }
}
