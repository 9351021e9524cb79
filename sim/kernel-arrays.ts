import type { KernelArray, KernelArrayConstructor } from './shards.js';

// The name → array record a runner's kernels read, and how its scratch arrays grow: shared by
// the one-thread runner, the threaded runner and the tests' runners (sim/shards.ts).

/**
 * The scratch array `name` if long enough, else a new one (from `allocate`) stored under the
 * name, holding the old contents when `keep` is set.
 */
export function resizedArray<T extends KernelArray>(
  scratch: Record<string, KernelArray>,
  name: string,
  type: KernelArrayConstructor<T>,
  length: number,
  keep: boolean,
  allocate: (length: number) => T,
): T {
  const current = scratch[name] as T | undefined;
  if (current && current.length >= length && current.constructor === type) return current;
  const next = allocate(grownLength(current?.length ?? 0, length));
  if (keep && current && current.constructor === type) (next as unknown as { set(a: ArrayLike<number>): void }).set(current);
  scratch[name] = next;
  return next;
}

/** Room for `needed`, with a quarter to spare so a slowly growing count does not reallocate every time. */
function grownLength(current: number, needed: number): number {
  return Math.max(needed, Math.ceil(current * 1.25), 16);
}

/** A tracked source of arrays: how to read it, and its version if it has one, with the version last read (NaN: none yet). */
interface TrackedSource {
  read: () => Readonly<Record<string, KernelArray>>;
  version: (() => number) | undefined;
  at: number;
}

/**
 * The name → array record a runner's kernels read (`KernelScope.arrays`): the tracked sources'
 * arrays as `prefix.key`, and the runner's scratch arrays under their own names. `refresh`,
 * before each run, brings it up to date and tells whether any entry was added or replaced. It
 * runs some twenty-five times a step, and a source with a version (the person table's columns,
 * the member buckets, the communities' columns) or the scratch arrays, unchanged since, are not
 * read again: reading a hundred names and more each time cost about 1% of a step at 100,000 persons.
 */
export class KernelArrays {
  readonly arrays: Record<string, KernelArray> = {};
  private readonly sources = new Map<string, TrackedSource>();
  private readonly scratch: Record<string, KernelArray> = {};
  /** Whether a scratch array was added or replaced since the last refresh. */
  private scratchChanged = false;

  track(prefix: string, read: () => Readonly<Record<string, KernelArray>>, version?: () => number): void {
    this.sources.set(prefix, { read, version, at: Number.NaN });
  }

  /** `resizedArray` over the scratch arrays. */
  scratchArray<T extends KernelArray>(name: string, type: KernelArrayConstructor<T>, length: number, keep: boolean, allocate: (length: number) => T): T {
    const before = this.scratch[name];
    const array = resizedArray(this.scratch, name, type, length, keep, allocate);
    if (array !== before) this.scratchChanged = true;
    return array;
  }

  /** Copies the sources' current arrays and the scratch arrays into the record; true if any entry was added or replaced. */
  refresh(): boolean {
    let changed = false;
    for (const [prefix, source] of this.sources) {
      if (source.version) {
        const at = source.version();
        if (at === source.at) continue;
        source.at = at;
      }
      const current = source.read();
      for (const key of Object.keys(current)) changed = put(this.arrays, qualified(prefix, key), current[key]!) || changed;
    }
    if (this.scratchChanged) {
      this.scratchChanged = false;
      for (const key of Object.keys(this.scratch)) changed = put(this.arrays, key, this.scratch[key]!) || changed;
    }
    return changed;
  }
}

function put(arrays: Record<string, KernelArray>, name: string, array: KernelArray): boolean {
  if (arrays[name] === array) return false;
  arrays[name] = array;
  return true;
}

/** `prefix.key`, built once per pair (runs ask for the same names every time). */
const qualifiedNames = new Map<string, Map<string, string>>();
function qualified(prefix: string, key: string): string {
  let names = qualifiedNames.get(prefix);
  if (!names) qualifiedNames.set(prefix, (names = new Map()));
  let name = names.get(key);
  if (name === undefined) names.set(key, (name = `${prefix}.${key}`));
  return name;
}
