import { afterEach, describe, expect, it } from 'vitest';
import { LocalRunner, Streams, type ShardRunner } from '../../../sim/index.js';
import { ThreadedRunner } from '../../../sim/node/threads.js';
import { balancedBounds, type Kernel, type KernelScope } from '../../../sim/shards.js';
import { CHUNKS_PER_THREAD, chunkCuts, CONTROL, controlLength, cursorIndex, resetCursors, runChunks } from '../../../sim/node/thread-protocol.js';
import { KERNELS } from './fixtures/toy-kernels.js';

const MODULE = new URL('./fixtures/toy-kernels.ts', import.meta.url).href;
const params = { normal: true };
const runners: ShardRunner[] = [];
afterEach(() => runners.splice(0).forEach((runner) => runner.close()));

async function runner(threads: number): Promise<ShardRunner> {
  if (threads === 1) {
    const streams = new Streams(11);
    const cache = new Map<string, ReturnType<Streams['derive']>>();
    const local = new LocalRunner(KERNELS, params, (c, stream) => {
      const key = `${c}/${stream}`;
      if (!cache.has(key)) cache.set(key, streams.derive('community', c, stream));
      return cache.get(key)!;
    });
    runners.push(local);
    return local;
  }
  const threaded = await ThreadedRunner.start({ threads, kernelModule: MODULE, kernels: KERNELS, params, seed: 11 });
  runners.push(threaded);
  return threaded;
}

/** Members per community, as cumulative starts; `shift` moves weight around so ranges change between runs. */
function starts(count: number, shift: number): Int32Array {
  const start = new Int32Array(new SharedArrayBuffer((count + 1) * 4));
  for (let c = 0; c < count; c++) start[c + 1] = start[c]! + 1 + ((c * 7 + shift * 13) % 11);
  return start;
}

/** Several runs with changing membership and a growing community count; returns every value and sum seen. */
function exercise(run: ShardRunner): number[] {
  const seen: number[] = [];
  let members = 0;
  let values: Float64Array = new Float64Array(0);
  run.track('members', () => ({ start: current }));
  // With a version, as the person table tracks its columns: read again only after it grew.
  let grew = 0;
  run.track('toy', () => ({ values }), () => grew);
  let current = starts(1, 0);
  for (let round = 0; round < 6; round++) {
    const count = 20 + 5 * round;
    current = starts(count, round);
    if (current[count]! > members) {
      // A table that grew: the kernels must see the new array, holding the old values.
      members = current[count]!;
      const grown = run.threads > 1 ? new Float64Array(new SharedArrayBuffer(members * 8)) : new Float64Array(members);
      grown.set(values);
      values = grown;
      grew++;
    }
    run.array('toy.sums', Float64Array, count);
    run.run('toy.draw', count, current);
    seen.push(...values, ...run.array('toy.sums', Float64Array, count).subarray(0, count));
  }
  return seen;
}

describe('ThreadedRunner', () => {
  it('gives the same numbers on 1, 2 and 3 threads as communities move between threads', async () => {
    const one = exercise(await runner(1));
    expect(one.length).toBeGreaterThan(100);
    expect(exercise(await runner(2))).toEqual(one);
    expect(exercise(await runner(3))).toEqual(one);
  });

  it('reports a failing kernel with its message and refuses further work', async () => {
    const run = await runner(2);
    run.track('members', () => ({ start: starts(10, 0) }));
    const failAt = run.array('toy.failAt', Int32Array, 10);
    failAt[9] = 1; // the last community: the worker's range
    expect(() => run.run('toy.fail', 10, starts(10, 0))).toThrow(/community 9 failed on purpose/);
    expect(() => run.run('toy.fail', 10, starts(10, 0))).toThrow(/stopped/);
  });

  it('reads busy while a job runs, on every thread, and idle between jobs and once stopped', async () => {
    const run = (await runner(3)) as ThreadedRunner;
    const count = 40;
    run.track('members', () => ({ start: starts(count, 0) }));
    run.track('flag', () => ({ busy: run.busy }));
    expect(Atomics.load(run.busy, 0)).toBe(0);
    run.array('toy.seen', Int32Array, count).fill(-1);
    run.run('toy.seeBusy', count, starts(count, 0));
    expect(Array.from(run.array('toy.seen', Int32Array, count).subarray(0, count))).toEqual(new Array(count).fill(1));
    expect(Atomics.load(run.busy, 0)).toBe(0);
    const failAt = run.array('toy.failAt', Int32Array, count);
    failAt[count - 1] = 1;
    expect(() => run.run('toy.fail', count, starts(count, 0))).toThrow(/failed on purpose/);
    expect(Atomics.load(run.busy, 0)).toBe(0);
  });

  it('leaves a begun job to the workers while the caller runs other kernels itself, with the same numbers', async () => {
    const count = 30;
    const drawTwice = (run: ShardRunner, values: Float64Array) => {
      run.track('members', () => ({ start: starts(count, 2) }));
      run.track('toy', () => ({ values }));
      run.array('toy.sums', Float64Array, count);
      run.run('toy.draw', count, starts(count, 2));
      run.run('toy.draw', count, starts(count, 2));
      return [...values, ...run.array('toy.sums', Float64Array, count).subarray(0, count)];
    };
    const members = starts(count, 2)[count]!;
    const alone = drawTwice(await runner(1), new Float64Array(members));
    const threaded = (await ThreadedRunner.start({ threads: 2, kernelModule: MODULE, kernels: KERNELS, params, seed: 11, timeoutMs: 5_000 })) as ThreadedRunner;
    runners.push(threaded);
    const gate = threaded.array('toy.gate', Int32Array, 1);
    threaded.track('members', () => ({ start: starts(count, 2) }));
    // The workers hold this job until the gate opens: a caller that waited for it would never get on.
    threaded.begin('toy.hold', count, starts(count, 2));
    expect(Atomics.load(threaded.busy, 0)).toBe(1);
    const meanwhile = drawTwice(threaded, new Float64Array(new SharedArrayBuffer(members * 8)));
    expect(meanwhile).toEqual(alone);
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    threaded.join();
    expect(Atomics.load(threaded.busy, 0)).toBe(0);
    expect(() => threaded.begin('toy.draw', count, starts(count, 2))).toThrow(/draws from streams \(toy\): run it, not begin it/);
  });

  it('records, when asked, how each job was shared out, on one clock for all threads', async () => {
    const count = 64;
    const start = new Int32Array(new SharedArrayBuffer((count + 1) * 4));
    for (let c = 0; c <= count; c++) start[c] = c;
    const threaded = await ThreadedRunner.start({ threads: 2, kernelModule: MODULE, kernels: KERNELS, params, seed: 11, balance: true });
    runners.push(threaded);
    threaded.track('members', () => ({ start }));
    const sleepMs = threaded.array('toy.sleepMs', Int32Array, count);
    // The caller's first community sleeps 5 ms, the worker's first 40: whoever runs them, they take 45 ms of thread-time.
    sleepMs[0] = 5;
    sleepMs[count / 2] = 40;
    for (let job = 0; job < 3; job++) threaded.run('toy.sleep', count, start);
    const balance = threaded.balance!.get('toy.sleep')!;
    expect(balance.jobs).toBe(3);
    expect(balance.callerMs + balance.workerMs).toBeGreaterThanOrEqual(3 * 44);
    const callerSpan = balance.callerMs + balance.callerWaitMs;
    expect(callerSpan).toBeGreaterThanOrEqual(3 * 39);
    // The worker's side spans each job from its post to its end, the caller's from its join to
    // its end: the first is the longer by the post's wake-up call alone. That call may lose the
    // core on a loaded machine, hence the loose upper bound.
    const workerSpan = balance.workerWakeMs + balance.workerMs + balance.workerIdleMs;
    expect(workerSpan).toBeGreaterThanOrEqual(callerSpan - 1);
    expect(workerSpan - callerSpan).toBeLessThan(30);
    for (const value of Object.values(balance)) expect(value).toBeGreaterThanOrEqual(0);
    expect(((await runner(2)) as ThreadedRunner).balance).toBeUndefined();
  });

  it('refuses arrays that are not in shared memory', async () => {
    const run = await runner(2);
    run.track('members', () => ({ start: starts(4, 0) }));
    run.track('toy', () => ({ values: new Float64Array(100) }));
    run.array('toy.sums', Float64Array, 4);
    expect(() => run.run('toy.draw', 4, starts(4, 0))).toThrow(/'toy.values' is not in shared memory/);
  });
});

describe('balancedBounds', () => {
  it('cuts contiguous ranges of about equal membership that cover every community once', () => {
    const start = starts(50, 3);
    const bounds = new Int32Array(4);
    balancedBounds(start, 50, 3, bounds);
    expect(bounds[0]).toBe(0);
    expect(bounds[3]).toBe(50);
    const shares = [0, 1, 2].map((p) => start[bounds[p + 1]!]! - start[bounds[p]!]!);
    for (const share of shares) expect(Math.abs(share - start[50]! / 3)).toBeLessThan(12);
  });
});

describe('chunkCuts', () => {
  it("gives each thread an equal share, cut into chunks that shrink toward the thread's last", () => {
    for (const threads of [1, 2, 3]) {
      const cuts = chunkCuts(threads);
      expect(cuts.length).toBe(threads * CHUNKS_PER_THREAD + 1);
      expect(cuts[0]).toBe(0);
      expect(cuts[threads * CHUNKS_PER_THREAD]).toBe(1);
      for (let t = 1; t < threads; t++) expect(cuts[t * CHUNKS_PER_THREAD]).toBeCloseTo(t / threads, 12);
      for (let t = 0; t < threads; t++) {
        for (let j = 1; j < CHUNKS_PER_THREAD; j++) {
          const k = t * CHUNKS_PER_THREAD + j;
          expect(cuts[k + 1]! - cuts[k]!).toBeLessThan(cuts[k]! - cuts[k - 1]!);
        }
      }
    }
  });

  it('cuts communities where the shares say, every community in one range', () => {
    const start = starts(400, 5);
    const parts = 2 * CHUNKS_PER_THREAD;
    const bounds = new Int32Array(parts + 1);
    const cuts = chunkCuts(2);
    balancedBounds(start, 400, parts, bounds, cuts);
    expect(bounds[0]).toBe(0);
    expect(bounds[parts]).toBe(400);
    for (let p = 1; p < parts; p++) {
      expect(bounds[p]!).toBeGreaterThanOrEqual(bounds[p - 1]!);
      // The cut falls within one community of where the share says.
      const members = start[bounds[p]!]!;
      expect(Math.abs(members - cuts[p]! * start[400]!)).toBeLessThanOrEqual(start[bounds[p]! + 1]! - start[bounds[p]!]!);
    }
  });
});

describe('runChunks', () => {
  const threads = 3;
  const chunks = threads * CHUNKS_PER_THREAD;
  /** A control block holding a job over `count` communities, every chunk still unclaimed. */
  function job(count: number): Int32Array {
    const control = new Int32Array(controlLength(threads));
    balancedBounds(starts(count, 2), count, chunks, control.subarray(CONTROL.bounds, CONTROL.bounds + chunks + 1));
    resetCursors(control, threads);
    return control;
  }
  const bound = (control: Int32Array, chunk: number) => control[CONTROL.bounds + chunk]!;
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  function recorder(): { kernel: Kernel; seen: number[] } {
    const seen: number[] = [];
    return { seen, kernel: { name: 'record', streams: [], run: (_scope: KernelScope, c: number) => void seen.push(c) } };
  }
  const scope = {} as KernelScope;

  it("runs a thread's own chunks first, then every chunk the others left, each community once", () => {
    const control = job(60);
    const { kernel, seen } = recorder();
    runChunks(control, threads, 1, kernel, scope);
    const own = range(bound(control, CHUNKS_PER_THREAD), bound(control, 2 * CHUNKS_PER_THREAD));
    const next = range(bound(control, 2 * CHUNKS_PER_THREAD), 60);
    expect(seen).toEqual([...own, ...next, ...range(0, bound(control, CHUNKS_PER_THREAD))]);
    // Nothing is left for a thread that comes later.
    const late = recorder();
    runChunks(control, threads, 0, late.kernel, scope);
    expect(late.seen).toEqual([]);
  });

  it('skips chunks another thread has claimed', () => {
    const control = job(60);
    // Thread 2 has taken all but its last two chunks; thread 0 all of its own.
    control[cursorIndex(threads, 2)] = 3 * CHUNKS_PER_THREAD - 2;
    control[cursorIndex(threads, 0)] = CHUNKS_PER_THREAD;
    const { kernel, seen } = recorder();
    runChunks(control, threads, 1, kernel, scope);
    const own = range(bound(control, CHUNKS_PER_THREAD), bound(control, 2 * CHUNKS_PER_THREAD));
    expect(seen).toEqual([...own, ...range(bound(control, chunks - 2), 60)]);
  });
});
