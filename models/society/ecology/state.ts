/** The land's carrying capacity as it was at the start, which stewardship restores toward. */
export class EcologyState {
  readonly original: Float32Array;

  constructor(capacity: Float32Array) {
    this.original = Float32Array.from(capacity);
  }
}
