import type { Rng } from '../rng.js';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import {
  balancedBounds, jobWork, kernelMap, kernelNamed, SharedStreams,
  type Kernel, type KernelArray, type KernelArrayConstructor, type KernelScope, type ShardRunner, type SideTask,
} from '../shards.js';
import { KernelArrays } from '../kernel-arrays.js';
import { SideThread } from './side-thread.js';
import { startWorker } from './start-worker.js';
import { CHUNKS_PER_THREAD, chunkCuts, CLOCK, CONTROL, controlLength, resetCursors, runChunks, sharedClock, type JobBalance, type ShardWorkerData, type WorkerReply } from './thread-protocol.js';

/** What a threaded runner needs from the model. */
export interface ThreadedRunnerOptions {
  /** Threads in all, the calling thread included (2 = the caller and one worker). */
  threads: number;
  /** Module (file URL) exporting `KERNELS`: each worker imports it. */
  kernelModule: string;
  kernels: readonly Kernel[];
  params: Readonly<Record<string, unknown>>;
  seed: number;
  /** Longest a kernel may take before the run is declared stuck (ms). */
  timeoutMs?: number;
  /** Record how each kernel's jobs were shared out between the threads (`ThreadedRunner.balance`). */
  balance?: boolean;
}

/**
 * Runs kernels on the calling thread and `threads − 1` worker threads over shared memory. Each
 * run cuts the communities into contiguous chunks, `CHUNKS_PER_THREAD` for each thread, each
 * thread's holding an equal share of the members, its chunks shrinking toward its last (see
 * `chunkCuts`); the caller wakes the workers through a shared control block (Atomics), runs
 * its own chunks and any the others have not reached, and waits for them, so `run` is
 * synchronous like a phase. Arrays the kernels use must live in shared memory;
 * a replaced array (a grown table) is sent once, before the next run that follows.
 */
export class ThreadedRunner implements ShardRunner {
  readonly threads: number;
  /**
   * 1 while a job runs on the threads, 0 between jobs (one Int32 on shared memory, notified
   * when it falls to 0). Work beside the run on a thread of its own (the agent snapshots) waits
   * on it, so it takes the cores only while the workers idle (cli/snapshots/writer-worker.ts).
   */
  readonly busy = new Int32Array(new SharedArrayBuffer(4));
  /**
   * How each kernel's jobs were shared out, by kernel name, when the options asked for it
   * (undefined otherwise): what a second thread loses to waking, waiting and uneven chunks.
   */
  readonly balance: Map<string, JobBalance> | undefined;
  private readonly control: Int32Array;
  /** Each worker's times for the current job (see `CLOCK`), on shared memory. */
  private readonly clock: Float64Array;
  /** When the current job was posted, on the same clock (recorded only when `balance` is on). */
  private postedAt = 0;
  private readonly bounds: Int32Array;
  /** Where chunks end, as shares of a job's members (see `chunkCuts`). */
  private readonly cuts: Float64Array;
  private readonly kernels: Map<string, Kernel>;
  private readonly kernelIndex = new Map<string, number>();
  private readonly kernelArrays = new KernelArrays();
  private readonly arrays = this.kernelArrays.arrays;
  private readonly sent = new Map<string, KernelArray>();
  /** Whether an entry of the record was added or replaced since the workers were last sent what is new. */
  private unsent = false;
  private readonly streams: SharedStreams;
  private readonly scope: KernelScope & { version: number };
  private readonly timeoutMs: number;
  private closed = false;
  /** The job `begin` posted and no `join` has finished yet. */
  private pending: Kernel | undefined;
  /** Side tasks started so far, by name, each on a thread of its own. */
  private readonly sides = new Map<string, SideThread>();
  private readonly kernelModule: string;

  private constructor(
    options: ThreadedRunnerOptions,
    private readonly workers: Worker[],
    private readonly ports: MessagePort[],
    control: Int32Array,
    clock: Float64Array,
  ) {
    this.threads = options.threads;
    this.control = control;
    this.clock = clock;
    this.balance = options.balance ? new Map() : undefined;
    this.bounds = control.subarray(CONTROL.bounds, CONTROL.bounds + options.threads * CHUNKS_PER_THREAD + 1);
    this.cuts = chunkCuts(options.threads);
    this.kernels = kernelMap(options.kernels);
    options.kernels.forEach((kernel, i) => this.kernelIndex.set(kernel.name, i));
    this.streams = new SharedStreams(options.seed, streamNames(options.kernels));
    this.scope = { arrays: this.arrays, params: options.params, rng: (c, stream) => this.streams.rng(c, stream), version: 0 };
    this.timeoutMs = options.timeoutMs ?? 600_000;
    this.kernelModule = options.kernelModule;
  }

  /** Starts the workers and resolves when every one has loaded the kernels. */
  static async start(options: ThreadedRunnerOptions): Promise<ThreadedRunner> {
    if (!Number.isInteger(options.threads) || options.threads < 1) throw new Error(`threads must be a whole number ≥ 1, got ${options.threads}`);
    const control = new Int32Array(new SharedArrayBuffer(controlLength(options.threads) * 4));
    const clock = new Float64Array(new SharedArrayBuffer(2 * options.threads * 8));
    const workers: Worker[] = [];
    const ports: MessagePort[] = [];
    const ready: Promise<void>[] = [];
    for (let w = 1; w < options.threads; w++) {
      const { port1, port2 } = new MessageChannel();
      const data: ShardWorkerData = { index: w, threads: options.threads, control, clock, port: port2, kernelModule: options.kernelModule, params: options.params, seed: options.seed, streamNames: streamNames(options.kernels) };
      const worker = startWorker('./shard-worker', import.meta.url, data, [port2]);
      worker.unref();
      workers.push(worker);
      ports.push(port1);
      ready.push(workerReady(worker));
    }
    try {
      await Promise.all(ready);
    } catch (error) {
      await Promise.all(workers.map((worker) => worker.terminate()));
      throw error;
    }
    return new ThreadedRunner(options, workers, ports, control, clock);
  }

  track(prefix: string, source: () => Readonly<Record<string, KernelArray>>, version?: () => number): void {
    this.kernelArrays.track(prefix, source, version);
  }

  array<T extends KernelArray>(name: string, type: KernelArrayConstructor<T>, length: number, keep = false): T {
    return this.kernelArrays.scratchArray(name, type, length, keep, (n) => new type(new SharedArrayBuffer(n * type.BYTES_PER_ELEMENT)));
  }

  rng(community: number, stream: string): Rng {
    return this.streams.rng(community, stream);
  }

  run(name: string, count: number, start: Int32Array): void {
    const kernel = kernelNamed(this.kernels, name);
    // A job begun earlier still on the workers: this one runs here meanwhile (see `begin`).
    if (this.pending && Atomics.load(this.control, CONTROL.done) < this.threads - 1) {
      this.runHere(kernel, count);
      return;
    }
    this.join();
    this.post(kernel, count, start);
    this.join();
  }

  begin(name: string, count: number, start: Int32Array): void {
    this.join();
    const kernel = kernelNamed(this.kernels, name);
    // The caller may draw from any stream while the job runs: the job must draw from none.
    if (kernel.streams.length > 0) throw new Error(`kernel '${name}' draws from streams (${kernel.streams.join(', ')}): run it, not begin it`);
    this.post(kernel, count, start);
  }

  /**
   * Runs a kernel for every community, in order, on the calling thread alone, while the workers
   * finish a job begun earlier; arrays it has not seen go to the workers with the next job.
   */
  private runHere(kernel: Kernel, count: number): void {
    this.prepare(count);
    try {
      const work = jobWork(kernel, this.scope);
      for (let c = 0; c < count; c++) work(this.scope, c);
    } catch (error) {
      this.close();
      throw error;
    }
    this.streams.flush();
  }

  /** Before a job on this thread or all: the streams' slots, the arrays as the sources hold them now. */
  private prepare(count: number): void {
    if (this.closed) throw new Error('the threads of this run have been stopped');
    this.prepareStreams(count);
    if (this.kernelArrays.refresh()) {
      this.scope.version++;
      this.unsent = true;
    }
    this.streams.attach(this.arrays['streams.states'] as Float64Array, this.arrays['streams.generations'] as Int32Array);
  }

  /** Posts a job to every thread (the caller's part waits for `join`). */
  private post(kernel: Kernel, count: number, start: Int32Array): void {
    this.prepare(count);
    this.sendChangedArrays();
    // Streams drawn on this thread since the last run (outside kernels) are saved before any worker reads them.
    this.streams.flush();
    const threads = this.threads;
    balancedBounds(start, count, threads * CHUNKS_PER_THREAD, this.bounds, this.cuts);
    const control = this.control;
    resetCursors(control, threads);
    Atomics.store(control, CONTROL.done, 0);
    Atomics.store(control, CONTROL.kernel, this.kernelIndex.get(kernel.name)!);
    Atomics.store(this.busy, 0, 1);
    this.postedAt = this.balance ? sharedClock() : 0;
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
    this.pending = kernel;
  }

  join(): void {
    const kernel = this.pending;
    if (!kernel) return;
    this.pending = undefined;
    // The caller's own chunks and whatever the workers leave, while they do theirs.
    const began = this.balance ? sharedClock() : 0;
    try {
      runChunks(this.control, this.threads, 0, kernel, this.scope);
    } catch (error) {
      this.close();
      throw error;
    }
    this.streams.flush();
    const ran = this.balance ? sharedClock() : 0;
    this.waitForWorkers();
    if (this.balance) this.record(kernel.name, began, ran, sharedClock());
    this.idle();
  }

  /** Adds one job's times to its kernel's balance: the caller's chunks from `began` to `ran`, the job's end at `ended`. */
  private record(name: string, began: number, ran: number, ended: number): void {
    let balance = this.balance!.get(name);
    if (!balance) this.balance!.set(name, (balance = { jobs: 0, callerMs: 0, callerWaitMs: 0, workerWakeMs: 0, workerMs: 0, workerIdleMs: 0 }));
    balance.jobs++;
    balance.callerMs += ran - began;
    balance.callerWaitMs += ended - ran;
    for (let w = 1; w < this.threads; w++) {
      const woke = this.clock[CLOCK.woke(w)]!;
      const finished = this.clock[CLOCK.finished(w)]!;
      balance.workerWakeMs += Math.max(0, woke - this.postedAt);
      balance.workerMs += finished - woke;
      balance.workerIdleMs += Math.max(0, ended - finished);
    }
  }

  /** The model's side task of that name on a thread of its own, started at its first use. */
  side(name: string): SideTask {
    if (this.closed) throw new Error('the threads of this run have been stopped');
    let side = this.sides.get(name);
    if (!side) this.sides.set(name, (side = new SideThread(this.kernelModule, name, this.timeoutMs)));
    return side;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const side of this.sides.values()) side.close();
    this.idle();
    Atomics.store(this.control, CONTROL.stop, 1);
    Atomics.add(this.control, CONTROL.generation, 1);
    Atomics.notify(this.control, CONTROL.generation);
    for (const worker of this.workers) void worker.terminate();
  }

  /** No job running: whoever waits on `busy` goes on. */
  private idle(): void {
    Atomics.store(this.busy, 0, 0);
    Atomics.notify(this.busy, 0);
  }

  /** Shared generator states for every (community, kernel stream), kept as communities are added. */
  private prepareStreams(count: number): void {
    const slots = this.streams.slots(count);
    this.array('streams.states', Float64Array, slots * 5, true);
    this.array('streams.generations', Int32Array, slots, true);
  }

  /** Posts every array the workers have not seen yet (new or replaced) to each worker. */
  private sendChangedArrays(): void {
    if (!this.unsent) return;
    this.unsent = false;
    let posted = 0;
    for (const name of Object.keys(this.arrays)) {
      const array = this.arrays[name]!;
      if (this.sent.get(name) === array) continue;
      if (!(array.buffer instanceof SharedArrayBuffer)) throw new Error(`array '${name}' is not in shared memory: build the model with shared arrays to run it on threads`);
      for (const port of this.ports) port.postMessage({ name, array });
      this.sent.set(name, array);
      posted++;
    }
    if (posted > 0) Atomics.add(this.control, CONTROL.messages, posted);
  }

  private waitForWorkers(): void {
    const control = this.control;
    const others = this.threads - 1;
    const deadline = performance.now() + this.timeoutMs;
    for (;;) {
      const done = Atomics.load(control, CONTROL.done);
      if (done >= others) break;
      if (performance.now() > deadline) {
        this.close();
        throw new Error(`a worker thread did not finish within ${this.timeoutMs} ms`);
      }
      Atomics.wait(control, CONTROL.done, done, 1000);
    }
    if (Atomics.load(control, CONTROL.failed) !== 0) {
      const messages = this.ports.map((port) => receiveMessageOnPort(port)?.message as WorkerReply | undefined).filter((reply) => reply?.error);
      this.close();
      throw new Error(`a worker thread failed: ${messages.map((reply) => reply!.error).join('; ') || 'no message'}`);
    }
  }
}

/** Every stream any kernel draws from, in kernel order (the same list on every thread). */
export function streamNames(kernels: readonly Kernel[]): string[] {
  const names: string[] = [];
  for (const kernel of kernels) for (const stream of kernel.streams) if (!names.includes(stream)) names.push(stream);
  return names;
}

function workerReady(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: WorkerReply) => (reply.ready ? resolve() : reject(new Error(`worker thread failed to start: ${reply.error}`))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker thread exited (code ${code}) before it was ready`)));
  });
}
