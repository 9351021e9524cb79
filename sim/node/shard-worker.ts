import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { SharedStreams, type Kernel, type KernelArray, type KernelScope } from '../shards.js';
import { CLOCK, CONTROL, runChunks, sharedClock, type ShardWorkerData, type WorkerReply } from './thread-protocol.js';

/**
 * A worker thread of a threaded run: loads the model's kernels, then waits on the shared
 * control block, runs its part of each job and reports back. It never owns any state of its
 * own between jobs but generator objects it can check against the shared generations.
 */
const data = workerData as ShardWorkerData;

async function main(): Promise<void> {
  const module = (await import(data.kernelModule)) as { KERNELS?: readonly Kernel[] };
  if (!module.KERNELS) throw new Error(`${data.kernelModule} exports no KERNELS`);
  const kernels = module.KERNELS;
  const arrays: Record<string, KernelArray> = {};
  const streams = new SharedStreams(data.seed, data.streamNames);
  const scope: KernelScope & { version: number } = { arrays, params: data.params, rng: (c, stream) => streams.rng(c, stream), version: 0 };
  // Read before saying ready: the first job may be posted the moment the caller hears it.
  const generation = Atomics.load(data.control, CONTROL.generation);
  parentPort!.postMessage({ ready: true } satisfies WorkerReply);
  serve(kernels, arrays, streams, scope, generation);
}

function serve(kernels: readonly Kernel[], arrays: Record<string, KernelArray>, streams: SharedStreams, scope: KernelScope & { version: number }, first: number): void {
  const { control, clock, index } = data;
  let seen = 0;
  let generation = first;
  for (;;) {
    Atomics.wait(control, CONTROL.generation, generation);
    generation = Atomics.load(control, CONTROL.generation);
    if (Atomics.load(control, CONTROL.stop) !== 0) return;
    clock[CLOCK.woke(index)] = sharedClock();
    try {
      const before = seen;
      seen = receiveArrays(arrays, seen);
      if (seen !== before) scope.version++;
      streams.attach(arrays['streams.states'] as Float64Array, arrays['streams.generations'] as Int32Array);
      runChunks(control, data.threads, index, kernels[Atomics.load(control, CONTROL.kernel)]!, scope);
      streams.flush();
    } catch (error) {
      data.port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
      Atomics.store(control, CONTROL.failed, 1);
    }
    clock[CLOCK.finished(index)] = sharedClock();
    Atomics.add(control, CONTROL.done, 1);
    Atomics.notify(control, CONTROL.done);
  }
}

/** Takes every array posted since the last job (the caller counts them in the control block). */
function receiveArrays(arrays: Record<string, KernelArray>, seen: number): number {
  const expected = Atomics.load(data.control, CONTROL.messages);
  while (seen < expected) {
    const received = receiveMessageOnPort(data.port);
    if (!received) continue; // posted just before the job: it is on its way
    const { name, array } = received.message as { name: string; array: KernelArray };
    arrays[name] = array;
    seen++;
  }
  return seen;
}

main().catch((error: unknown) => {
  parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
});
