import { KernelArrays } from '../../../../sim/kernel-arrays.js';
import { jobWork, kernelMap, type Kernel, type KernelArray, type KernelArrayConstructor, type KernelScope, type ShardRunner } from '../../../../sim/shards.js';
import type { Rng } from '../../../../sim/index.js';
import type { Society } from '../../../../models/society/index.js';
import { communityStream } from '../../../../models/society/communities/community.js';
import { KERNELS } from '../../../../models/society/kernels/index.js';

/**
 * A runner on the calling thread that runs the kernels whose names match `reverse` for the
 * communities in reverse order (the others in order), as a thread might take them: a kernel that
 * leaned on the community before it (scratch left over, a count not reset) would give other
 * numbers. `ran` lists the reversed kernels that ran.
 */
export class ReversedRunner implements ShardRunner {
  readonly threads = 1;
  readonly ran = new Set<string>();
  private readonly kernels: Map<string, Kernel> = kernelMap(KERNELS);
  private readonly record = new KernelArrays();
  private readonly scope: KernelScope & { version: number };

  constructor(private readonly society: Society, private readonly reverse: RegExp) {
    this.scope = { arrays: this.record.arrays, params: society.params, rng: (c, stream) => this.rng(c, stream), version: 0 };
  }

  track(prefix: string, source: () => Readonly<Record<string, KernelArray>>, version?: () => number): void {
    this.record.track(prefix, source, version);
  }

  array<T extends KernelArray>(name: string, type: KernelArrayConstructor<T>, length: number, keep = false): T {
    return this.record.scratchArray(name, type, length, keep, (n) => new type(n));
  }

  rng(c: number, stream: string): Rng {
    return communityStream(this.society.streams, this.society.communities[c]!, stream);
  }

  run(name: string, count: number): void {
    const kernel = this.kernels.get(name)!;
    if (this.record.refresh()) this.scope.version++;
    const reversed = this.reverse.test(name);
    if (reversed) this.ran.add(name);
    const work = jobWork(kernel, this.scope);
    for (let i = 0; i < count; i++) work(this.scope, reversed ? count - 1 - i : i);
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
