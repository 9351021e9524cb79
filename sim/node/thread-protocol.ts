import type { MessagePort } from 'node:worker_threads';

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
  /** Range boundaries, threads + 1 of them: part p is bounds[p] … bounds[p+1]. */
  bounds: 8,
} as const;

/** Length of the control block for a number of threads. */
export function controlLength(threads: number): number {
  return CONTROL.bounds + threads + 1;
}

/** What each worker is started with. */
export interface ShardWorkerData {
  /** This worker's part (1 … threads − 1; the calling thread is part 0). */
  index: number;
  control: Int32Array;
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
