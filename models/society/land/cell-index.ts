import { allocateColumn } from '../../../sim/index.js';
import type { Land } from './land.js';

/**
 * Each community's cells in two flat arrays, for kernels: community c's are
 * `cells[start[c]] … cells[start[c+1] − 1]`, in the order of its own list. A community's cells
 * are fixed when it is founded, so `update` only appends the communities founded since. With
 * `shared`, both arrays live on SharedArrayBuffers (for worker threads).
 */
export class CellIndex {
  start: Int32Array;
  cells: Int32Array;
  /** Communities indexed so far. */
  private count = 0;

  constructor(private readonly shared: boolean) {
    this.start = allocateColumn(Int32Array, 1, shared) as Int32Array;
    this.cells = allocateColumn(Int32Array, 0, shared) as Int32Array;
  }

  /** Appends the cells of communities not indexed yet (their `cells` never change after founding). */
  update(communities: readonly { cells: Int32Array }[]): void {
    const n = communities.length;
    if (n === this.count) return;
    let total = this.start[this.count]!;
    for (let c = this.count; c < n; c++) total += communities[c]!.cells.length;
    if (this.start.length < n + 1) this.start = this.grown(this.start, Math.ceil((n + 1) * 1.25));
    if (this.cells.length < total) this.cells = this.grown(this.cells, Math.ceil(total * 1.25));
    for (let c = this.count; c < n; c++) {
      const from = this.start[c]!;
      this.cells.set(communities[c]!.cells, from);
      this.start[c + 1] = from + communities[c]!.cells.length;
    }
    this.count = n;
  }

  private grown(array: Int32Array, size: number): Int32Array {
    const next = allocateColumn(Int32Array, size, this.shared) as Int32Array;
    next.set(array);
    return next;
  }
}

/**
 * The food land of cells [from, to) of a list: Σ fertility × (0.5 + 0.5 water) × (0.5 + 0.5
 * resource / capacity) — a depleted cell keeps half its yield (bare soil still grows something).
 * One function for the calling thread (`Society.landOf`) and the kernels, so both add alike.
 */
export function landInCells(land: Pick<Land, 'fertility' | 'water' | 'resource' | 'capacity'>, cells: ArrayLike<number>, from: number, to: number): number {
  const { fertility, water, resource, capacity } = land;
  let total = 0;
  for (let i = from; i < to; i++) {
    const cell = cells[i]!;
    const cap = capacity[cell]!;
    total += fertility[cell]! * (0.5 + 0.5 * water[cell]!) * (0.5 + 0.5 * (cap > 0 ? resource[cell]! / cap : 0));
  }
  return total;
}

/** The land's arrays that change or are read by kernels, copied onto SharedArrayBuffers (for worker threads). */
export function shareLand(land: Land): void {
  for (const key of ['fertility', 'water', 'resource', 'capacity'] as const) {
    const copy = allocateColumn(Float32Array, land[key].length, true) as Float32Array;
    copy.set(land[key]);
    land[key] = copy;
  }
  const user = allocateColumn(Int32Array, land.user.length, true) as Int32Array;
  user.set(land.user);
  land.user = user;
}
