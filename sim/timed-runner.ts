import type { Clock } from './model.js';
import type { KernelArray, KernelArrayConstructor, ShardRunner, SideTask } from './shards.js';
import type { Rng } from './rng.js';

/**
 * A runner that passes everything to another and adds up the calling thread's time inside the
 * kernels' runs: the part of a step that threads share. The rest of the step runs on the calling
 * thread alone, so the two parts say what more threads could buy (Amdahl). Time is summed under a
 * key chosen at each call: the kernel's name by default, or e.g. the model's phase at the time.
 * The clock is injected (sim/ reads none of its own).
 */
export class TimedRunner implements ShardRunner {
  /** Milliseconds inside kernel runs, all keys together. */
  ms = 0;
  /** The same by key. */
  readonly byKey = new Map<string, number>();
  /** The kernel `begin` started, until `join` (or the next `begin`) finishes it. */
  private pending: string | undefined;

  constructor(
    private readonly inner: ShardRunner,
    private readonly clock: Clock,
    private readonly keyOf: (kernel: string) => string = (kernel) => kernel,
  ) {}

  get threads(): number {
    return this.inner.threads;
  }

  /** The runner this one times. */
  get timed(): ShardRunner {
    return this.inner;
  }

  track(prefix: string, source: () => Readonly<Record<string, KernelArray>>, version?: () => number): void {
    this.inner.track(prefix, source, version);
  }

  array<T extends KernelArray>(name: string, type: KernelArrayConstructor<T>, length: number, keep?: boolean): T {
    return this.inner.array(name, type, length, keep);
  }

  run(kernel: string, count: number, start: Int32Array): void {
    this.time(kernel, () => this.inner.run(kernel, count, start));
  }

  /**
   * A job begun counts its posting and what its join waits (on one thread, the whole kernel, which
   * `begin` runs at once); the time it ran beside the caller's own work is not the caller's.
   */
  begin(kernel: string, count: number, start: Int32Array): void {
    this.join();
    this.time(kernel, () => this.inner.begin(kernel, count, start));
    this.pending = kernel;
  }

  join(): void {
    const kernel = this.pending;
    if (kernel === undefined) return;
    this.pending = undefined;
    this.time(kernel, () => this.inner.join());
  }

  rng(community: number, stream: string): Rng {
    return this.inner.rng(community, stream);
  }

  /** The inner runner's side task: waiting for it is not time in kernels. */
  side(name: string): SideTask | undefined {
    return this.inner.side(name);
  }

  close(): void {
    this.inner.close();
  }

  /** Forgets what was summed (e.g. after a warm-up). */
  reset(): void {
    this.ms = 0;
    this.byKey.clear();
  }

  private time(kernel: string, work: () => void): void {
    const from = this.clock();
    work();
    const took = this.clock() - from;
    this.ms += took;
    const key = this.keyOf(kernel);
    this.byKey.set(key, (this.byKey.get(key) ?? 0) + took);
  }
}
