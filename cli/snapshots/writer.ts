import { Worker } from 'node:worker_threads';
import type { AgentSnapshot } from '../../sim/index.js';
import { writeSnapshotFile } from './csv.js';

/** One snapshot sent to the writer's thread: its columns' buffers move there (they are the collector's fresh copies). */
export interface SnapshotJob {
  id: number;
  path: string;
  step: number;
  names: string[];
  columns: Float64Array[];
}

/** The writer's answer to one job. */
export interface SnapshotReply {
  id: number;
  error?: string;
}

/** Where the writer's thread may run. */
export interface SnapshotWriterOptions {
  /** Snapshots of at least this many rows go to the thread (default: none do). */
  rowsForThread?: number;
  /**
   * A flag the thread waits on between pieces of 1,024 rows while it is 1: a threaded run's
   * `ThreadedRunner.busy`, so that writing uses the cores only while the kernels do not.
   */
  busy?: Int32Array;
}

/**
 * Writes agent snapshots to CSV files. A large one (at least `rowsForThread` rows: turning a
 * million persons into text takes seconds) goes to a thread of its own, started at the first
 * such snapshot, so the run steps on meanwhile; with `busy`, that thread writes only while no
 * kernel runs — in the phases that run on one thread, when the other cores would be idle.
 * Smaller ones are written at once, on the calling thread. The files are the same either way.
 * Call `finish` before relying on the files, `close` always.
 */
export class SnapshotWriter {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly inFlight = new Set<number>();
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  private readonly rowsForThread: number;
  private readonly busy: Int32Array | undefined;

  constructor(options: SnapshotWriterOptions = {}) {
    this.rowsForThread = options.rowsForThread ?? Infinity;
    this.busy = options.busy;
  }

  /** Snapshots sent to the thread and not yet written. */
  get pending(): number {
    return this.inFlight.size;
  }

  /** Writes `snapshot` to `path` (created or replaced), now or on the writer's thread. */
  write(path: string, snapshot: AgentSnapshot): void {
    this.throwIfFailed();
    const names = Object.keys(snapshot.columns);
    const columns = names.map((name) => snapshot.columns[name]!);
    if ((columns[0]?.length ?? 0) < this.rowsForThread) {
      writeSnapshotFile(path, snapshot);
      return;
    }
    const id = this.nextId++;
    this.inFlight.add(id);
    const job: SnapshotJob = { id, path, step: snapshot.step, names, columns };
    // Transferred, not copied: the collector handed over copies it does not keep.
    this.thread().postMessage(job, columns.map((column) => column.buffer as ArrayBuffer));
  }

  /** Resolves once at most `backlog` snapshots are still being written (rejects if one failed). */
  async settle(backlog = 0): Promise<void> {
    while (this.inFlight.size > backlog && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    this.throwIfFailed();
  }

  /** Waits for every snapshot to be written, then stops the thread. */
  async finish(): Promise<void> {
    try {
      await this.settle(0);
    } finally {
      this.close();
    }
  }

  /** Stops the thread, whatever it was doing (after a failure, or once `finish` has resolved). */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const fromSource = import.meta.url.endsWith('.ts');
    const file = new URL(fromSource ? './writer-worker.ts' : './writer-worker.js', import.meta.url);
    // From source the entry is TypeScript: the shared boot module registers tsx's loader first.
    const entry = fromSource ? new URL('../../sim/node/shard-worker-boot.mjs', import.meta.url) : file;
    const worker = new Worker(entry, { workerData: { entry: file.href, busy: this.busy } });
    worker.on('message', (reply: SnapshotReply) => {
      this.inFlight.delete(reply.id);
      if (reply.error && !this.failure) this.failure = new Error(`writing a snapshot failed: ${reply.error}`);
      this.wake?.();
    });
    worker.on('error', (error) => {
      this.failure ??= error;
      this.wake?.();
    });
    worker.on('exit', (code) => {
      if (this.inFlight.size > 0) this.failure ??= new Error(`the snapshot writer's thread stopped (exit code ${code}) with ${this.inFlight.size} snapshot(s) unwritten`);
      this.wake?.();
    });
    this.worker = worker;
    return worker;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
