import type { MessagePort } from 'node:worker_threads';
import { jobWork, type Kernel, type KernelScope } from '../shards.js';

/**
 * The shared control block of a threaded run (an Int32Array on a SharedArrayBuffer): where
 * the caller posts a job and the workers report back.
 */
export const CONTROL = {
  /** Bumped once per job (and once to stop): workers wait on it. */
  generation: 0,
  /** Which kernel (index in the kernel module's list). */
  kernel: 1,
  /** Workers finished with the current job. */
  done: 2,
  /** Non-zero once a worker failed (its message waits on its port). */
  failed: 3,
  /** Non-zero: the workers exit. */
  stop: 4,
  /** Arrays posted so far to every worker: a worker reads messages until it has seen as many. */
  messages: 5,
  /**
   * Chunk boundaries, `threads × CHUNKS_PER_THREAD + 1` of them: chunk k is communities
   * bounds[k] … bounds[k+1]. After them, one claim cursor per thread (see `runChunks`).
   */
  bounds: 8,
} as const;

/**
 * Chunks each thread's share of a job is cut into. A thread that finishes its own chunks takes
 * the others' unclaimed ones, so a worker that wakes late or runs slower (on a machine whose
 * cores are also busy with the compiler and the collector) holds nobody up for long. At 1M
 * persons on 2 threads, 16 rather than 8 cut the caller's wait at the kernels' ends from
 * 3.5–5.5 to 3.1–3.7 ms a step, and the worker's idle time there from 5.5–5.7 to 4.0–4.9.
 */
export const CHUNKS_PER_THREAD = 16;

/**
 * Where each chunk ends, as a share of a job's members (see `balancedBounds`): each thread's
 * share is equal, and cut into chunks that shrink from first to last (in proportion to
 * C, C−1, …, 1 for C chunks a thread). Threads take chunks in order, so the last chunks run
 * are the smallest, and the threads finish close together: the calling thread, done with its
 * own, waits at most for the chunk a worker is still running.
 */
export function chunkCuts(threads: number): Float64Array {
  const per = CHUNKS_PER_THREAD;
  const weights = (per * (per + 1)) / 2;
  const cuts = new Float64Array(threads * per + 1);
  for (let t = 0; t < threads; t++) {
    let taken = 0;
    for (let j = 0; j < per; j++) {
      taken += per - j;
      cuts[t * per + j + 1] = (t + taken / weights) / threads;
    }
  }
  cuts[threads * per] = 1;
  return cuts;
}

/** Index of thread t's claim cursor in the control block. */
export function cursorIndex(threads: number, t: number): number {
  return CONTROL.bounds + threads * CHUNKS_PER_THREAD + 1 + t;
}

/** Length of the control block for a number of threads. */
export function controlLength(threads: number): number {
  return cursorIndex(threads, threads);
}

/** Opens a job: every thread's chunks unclaimed, each cursor at its thread's first chunk. */
export function resetCursors(control: Int32Array, threads: number): void {
  for (let t = 0; t < threads; t++) Atomics.store(control, cursorIndex(threads, t), t * CHUNKS_PER_THREAD);
}

/**
 * Runs the current job's chunks on thread `self`: first its own (chunks self·C … (self+1)·C − 1,
 * the same communities on every job, so each thread keeps its data in its own cache), then any
 * chunk of another thread's that is still unclaimed. Every chunk is claimed once, by an atomic
 * add on its owner's cursor; which thread runs a community never changes what the kernel
 * computes, since each community has its own streams and rows.
 */
export function runChunks(control: Int32Array, threads: number, self: number, kernel: Kernel, scope: KernelScope): void {
  const work = jobWork(kernel, scope);
  for (let k = 0; k < threads; k++) {
    const owner = (self + k) % threads;
    const cursor = cursorIndex(threads, owner);
    const end = (owner + 1) * CHUNKS_PER_THREAD;
    for (;;) {
      const chunk = Atomics.add(control, cursor, 1);
      if (chunk >= end) break;
      const to = control[CONTROL.bounds + chunk + 1]!;
      for (let c = control[CONTROL.bounds + chunk]!; c < to; c++) work(scope, c);
    }
  }
}

/**
 * A clock every thread reads alike, in ms: `performance.now()` counts from each thread's own
 * start, `timeOrigin` says when that was.
 */
export function sharedClock(): number {
  return performance.timeOrigin + performance.now();
}

/** Where thread t's times for the current job sit in a run's clock block: when it took the job up, when it finished its part. */
export const CLOCK = { woke: (t: number) => 2 * t, finished: (t: number) => 2 * t + 1 } as const;

/**
 * How one kernel's jobs were shared out, summed over jobs (ms), when a threaded run records it
 * (`ThreadedRunnerOptions.balance`). A job begun ahead (`begin`) counts from its post, so the
 * caller's other work until the join shows as its workers' idle time.
 */
export interface JobBalance {
  jobs: number;
  /** The caller running chunks: its own and those it took from the workers. */
  callerMs: number;
  /** The caller, done with its chunks, waiting for the workers. */
  callerWaitMs: number;
  /** From the post to a worker taking the job up, summed over workers. */
  workerWakeMs: number;
  /** A worker running chunks, from taking the job up to finishing, summed over workers. */
  workerMs: number;
  /** From a worker finishing to the job's end on the caller, summed over workers. */
  workerIdleMs: number;
}

/** What each worker is started with. */
export interface ShardWorkerData {
  /** This worker's part (1 … threads − 1; the calling thread is part 0). */
  index: number;
  /** Threads in all, the caller included. */
  threads: number;
  control: Int32Array;
  /** Each thread's times for the current job (see `CLOCK`), on shared memory. */
  clock: Float64Array;
  /** Arrays arrive here; failures leave from here. */
  port: MessagePort;
  kernelModule: string;
  params: Readonly<Record<string, unknown>>;
  seed: number;
  streamNames: string[];
}

/** A worker's word to the caller: ready after loading, or an error. */
export interface WorkerReply {
  ready?: boolean;
  error?: string;
}
