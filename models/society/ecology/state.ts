import { allocateColumn } from '../../../sim/index.js';

/** The land's carrying capacity as it was at the start, which stewardship restores toward. */
export class EcologyState {
  readonly original: Float32Array;

  /** With `shared`, on a SharedArrayBuffer (kernels on worker threads read it). */
  constructor(capacity: Float32Array, shared = false) {
    this.original = allocateColumn(Float32Array, capacity.length, shared) as Float32Array;
    this.original.set(capacity);
  }
}
