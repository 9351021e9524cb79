import { Rng, Streams, type StreamKey } from './rng.js';
import { KernelArrays } from './kernel-arrays.js';

/**
 * Work split by community. A kernel is the part of a phase that touches only one community's
 * members and draws only from that community's own streams: given the typed arrays it names
 * and the run's parameters, it can run for any community on any thread. Results that cross
 * communities are written per community and summed afterwards in community order, so the sum —
 * and every file — is the same whatever the number of threads.
 */

/** A typed array a kernel may read or write. */
export type KernelArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/** A typed-array constructor, for arrays a runner allocates. */
export type KernelArrayConstructor<T extends KernelArray> = { new (length: number): T; new (buffer: ArrayBufferLike): T; readonly BYTES_PER_ELEMENT: number };

/** What a kernel sees: named arrays, the run's parameters and each community's own streams. */
export interface KernelScope {
  /** Arrays by name (e.g. `people.age`, `members.rows`, `produce.in`): always the current ones. */
  readonly arrays: Readonly<Record<string, KernelArray>>;
  /** The run's resolved parameters (fixed for the run). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The community's stream for a phase: the same numbers on every thread. */
  rng(community: number, stream: string): Rng;
  /** Goes up whenever an array in `arrays` is replaced, so views built from them can be kept until then. */
  readonly version: number;
}

/**
 * Wraps a function that gathers a kernel's arrays from its scope so that it runs again only when
 * the scope's arrays were replaced: a kernel runs once per community, and looking up dozens of
 * arrays by name each time costs more than the work in a small community.
 */
export function cachedView<V>(build: (scope: KernelScope) => V): (scope: KernelScope) => V {
  let seen: KernelScope | undefined;
  let version = -1;
  let view: V;
  return (scope) => {
    if (scope !== seen || scope.version !== version) {
      view = build(scope);
      seen = scope;
      version = scope.version;
    }
    return view;
  };
}

/** The per-community part of a phase. */
export interface Kernel {
  /** Unique name, e.g. `produce.effort`. */
  readonly name: string;
  /** Streams it draws from (`rng(c, name)`): declared so every thread can find them. */
  readonly streams: readonly string[];
  /** Runs for one community. Runners call it as a plain function, without `this`. */
  run(scope: KernelScope, community: number): void;
  /**
   * The function to run for each community of one job, when it is not `run` itself: a kernel
   * built as a closure over the arrays it holds now (`closureKernel`) hands over that closure.
   */
  forJob?(scope: KernelScope): (scope: KernelScope, community: number) => void;
}

/** What a runner calls for each community of a job of `kernel` (see `Kernel.forJob`). */
export function jobWork(kernel: Kernel, scope: KernelScope): (scope: KernelScope, community: number) => void {
  return kernel.forJob ? kernel.forJob(scope) : kernel.run;
}

/** Runs kernels for every community, on one thread or several. */
export interface ShardRunner {
  /** Threads that share the work (1: everything on the calling thread). */
  readonly threads: number;
  /**
   * Names a source of arrays under a prefix (`people` → `people.age`, …). The source is asked
   * again before every run, so arrays that were replaced (a table that grew) are picked up.
   * With `version`, a number that changes whenever the source would give other keys or arrays
   * (`Table.version`), the source is not read again while that number stays the same.
   */
  track(prefix: string, source: () => Readonly<Record<string, KernelArray>>, version?: () => number): void;
  /**
   * An array named `name` shared with the kernels, at least `length` long (grown by a quarter
   * when too short; its contents are then zero, or copied with `keep`). Fetch it again before each use.
   */
  array<T extends KernelArray>(name: string, type: KernelArrayConstructor<T>, length: number, keep?: boolean): T;
  /**
   * Runs `kernel` for communities 0 … count−1 and returns when all are done. `start` (length
   * count+1, cumulative members) balances the threads' shares; the result does not depend on it.
   */
  run(kernel: string, count: number, start: Int32Array): void;
  /**
   * Starts `kernel` as `run` would and returns at once, leaving the job to the worker threads
   * while the caller goes on with work that neither writes what the kernel reads nor reads
   * what it writes. `join()` finishes it (the caller takes whatever chunks are left, then
   * waits), and so do the next `begin` and `close`; a `run` meanwhile runs its kernel on the
   * calling thread alone while the workers are still at the job (so it too must keep off the
   * job's data), and joins as usual once they are done. On one thread `begin` runs the kernel to
   * the end at once. The kernel must draw from no stream: the caller may draw meanwhile.
   */
  begin(kernel: string, count: number, start: Int32Array): void;
  /** Finishes the job `begin` started; nothing when none is running. */
  join(): void;
  /**
   * A community's kernel stream for use outside kernels (on the calling thread, between runs):
   * current with whatever thread drew from it last. Streams a kernel declares must be drawn
   * through this or `KernelScope.rng`, never through another cache of the model's own.
   */
  rng(community: number, stream: string): Rng;
  /**
   * Work beside the kernels that keeps state of its own (`SideTask`), on a thread of its own:
   * the model module's `SIDE_TASKS[name]` built there, once per runner. Undefined where the runner
   * has no other thread to give it: the model then runs the same handler inline (`InlineSideTask`).
   */
  side(name: string): SideTask | undefined;
  /** Stops any threads (a runner on one thread has none). */
  close(): void;
}

/**
 * Work with state of its own that answers messages one by one, in the order posted: on a thread
 * of its own while the caller goes on, or inline. Every answer comes from the same handler code
 * fed the same messages, so it is the same either way; only when the caller waits for it differs.
 */
export interface SideTask {
  /** Hands the task a message (on a thread, a copy: the caller may reuse what it sent). */
  post(message: unknown): void;
  /** Waits until every message posted so far is answered; returns the answers not yet taken, in order. */
  settle(): unknown[];
}

/**
 * What a side task runs: built once per run, then fed the messages in order. On a thread of its
 * own it takes its share of the cores beside the kernels (waiting for idle cores instead, as the
 * snapshot thread does, left a core idle whenever the caller then had to wait for it).
 */
export interface SideHandler {
  handle(message: unknown): unknown;
}

/** Builders of a model's side tasks by name: the module that exports `KERNELS` exports them as `SIDE_TASKS`. */
export type SideTasks = Readonly<Record<string, () => SideHandler>>;

/** A side task on the calling thread: each message is handled as it is posted. */
export class InlineSideTask implements SideTask {
  private readonly answers: unknown[] = [];

  constructor(private readonly handler: SideHandler) {}

  post(message: unknown): void {
    this.answers.push(this.handler.handle(message));
  }

  settle(): unknown[] {
    return this.answers.splice(0);
  }
}

/** Streams for kernels on the calling thread: the model's own cached community streams. */
export type StreamSource = (community: number, stream: string) => Rng;

/** The runner for one thread: kernels run in community order on the caller's thread. */
export class LocalRunner implements ShardRunner {
  readonly threads = 1;
  private readonly kernels: Map<string, Kernel>;
  private readonly record = new KernelArrays();
  private readonly scope: KernelScope & { version: number };

  constructor(kernels: readonly Kernel[], params: Readonly<Record<string, unknown>>, streams: StreamSource) {
    this.kernels = kernelMap(kernels);
    this.scope = { arrays: this.record.arrays, params, rng: streams, version: 0 };
  }

  track(prefix: string, source: () => Readonly<Record<string, KernelArray>>, version?: () => number): void {
    this.record.track(prefix, source, version);
  }

  array<T extends KernelArray>(name: string, type: KernelArrayConstructor<T>, length: number, keep = false): T {
    return this.record.scratchArray(name, type, length, keep, (n) => new type(n));
  }

  rng(community: number, stream: string): Rng {
    return this.scope.rng(community, stream);
  }

  run(name: string, count: number): void {
    const kernel = kernelNamed(this.kernels, name);
    if (this.record.refresh()) this.scope.version++;
    const work = jobWork(kernel, this.scope);
    for (let c = 0; c < count; c++) work(this.scope, c);
  }

  begin(name: string, count: number): void {
    this.run(name, count);
  }

  join(): void {}

  side(): undefined {
    return undefined;
  }

  close(): void {}
}

/** Kernels by name; two with one name would make a run ambiguous, so that throws. */
export function kernelMap(kernels: readonly Kernel[]): Map<string, Kernel> {
  const map = new Map<string, Kernel>();
  for (const kernel of kernels) {
    if (map.has(kernel.name)) throw new Error(`two kernels are named '${kernel.name}'`);
    map.set(kernel.name, kernel);
  }
  return map;
}

/** The kernel of that name, or an error that lists the known ones. */
export function kernelNamed(kernels: ReadonlyMap<string, Kernel>, name: string): Kernel {
  const kernel = kernels.get(name);
  if (!kernel) throw new Error(`no kernel named '${name}' (known: ${[...kernels.keys()].join(', ')})`);
  return kernel;
}

/**
 * Cuts communities 0 … count−1 into `parts` contiguous ranges holding about equal numbers of
 * members (`start` is the cumulative member count); writes part p's range to bounds[p] … bounds[p+1].
 * With `cuts`, part p ends where a share cuts[p+1] of the members has gone (ascending fractions,
 * cuts[0] = 0 and cuts[parts] = 1) instead of at (p+1)/parts.
 */
export function balancedBounds(start: Int32Array, count: number, parts: number, bounds: Int32Array, cuts?: Float64Array): void {
  const total = start[count]! - start[0]!;
  bounds[0] = 0;
  let c = 0;
  for (let p = 1; p < parts; p++) {
    const target = start[0]! + (cuts ? total * cuts[p]! : (total * p) / parts);
    while (c < count && start[c + 1]! <= target) c++;
    bounds[p] = Math.max(bounds[p - 1]!, c);
  }
  bounds[parts] = count;
}

/**
 * Community streams kept in shared memory, for kernels that run on several threads. A slot
 * holds one (community, stream) generator's state and a generation that goes up on every save;
 * a thread reuses its own generator object while the generation is the one it saved last, and
 * otherwise reloads the state another thread left. A slot never used is seeded exactly as the
 * model seeds that stream (`derive('community', c, stream)`), so draws match the one-thread run.
 */
export class SharedStreams {
  private readonly streams: Streams;
  private readonly index = new Map<string, number>();
  private readonly cache: ({ rng: Rng; generation: number } | undefined)[] = [];
  private readonly used: number[] = [];
  states: Float64Array = new Float64Array(0);
  generations: Int32Array = new Int32Array(0);

  constructor(seed: number | string, streamNames: readonly string[], readonly key: readonly StreamKey[] = ['community']) {
    this.streams = new Streams(seed);
    streamNames.forEach((name, i) => this.index.set(name, i));
  }

  /** Points at the (possibly replaced) shared arrays. */
  attach(states: Float64Array, generations: Int32Array): void {
    this.states = states;
    this.generations = generations;
  }

  /** Slots needed for `communities` communities. */
  slots(communities: number): number {
    return communities * this.index.size;
  }

  /** The stream asked for last and its place: a kernel asks for one stream, community after community. */
  private lastStream = '';
  private lastWhich = -1;

  /** The community's stream, current with whatever thread drew from it last. */
  rng(community: number, stream: string): Rng {
    if (stream !== this.lastStream) {
      const found = this.index.get(stream);
      if (found === undefined) throw new Error(`stream '${stream}' is not declared by any kernel`);
      this.lastStream = stream;
      this.lastWhich = found;
    }
    const slot = community * this.index.size + this.lastWhich;
    const generation = this.generations[slot]!;
    let held = this.cache[slot];
    if (held && held.generation !== generation && generation > 0) {
      // Another thread drew since: take its state into the generator this thread holds.
      held.rng.loadState(this.states, slot * Rng.STATE_SIZE);
      held.generation = generation;
    } else if (!held || held.generation !== generation) {
      const rng = this.streams.derive(...this.key, community, stream);
      if (generation > 0) rng.loadState(this.states, slot * Rng.STATE_SIZE);
      held = { rng, generation };
      this.cache[slot] = held;
    }
    this.used.push(slot);
    return held.rng;
  }

  /** Saves every stream drawn from since the last flush, so other threads continue from there. */
  flush(): void {
    const used = this.used;
    for (let i = 0; i < used.length; i++) {
      const slot = used[i]!;
      const held = this.cache[slot]!;
      held.rng.saveState(this.states, slot * Rng.STATE_SIZE);
      held.generation = this.generations[slot] = this.generations[slot]! + 1;
    }
    used.length = 0;
  }
}
