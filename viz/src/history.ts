import type { FrameArray } from './frames.js';
import type { MetricsTable } from './run-folder.js';

/** The metric rows seen so far in a live run, kept in growable columns (amortised O(1) append). */
export class MetricsHistory {
  private data: Record<string, Float64Array> = {};
  private count = 0;

  constructor(readonly names: string[]) {
    for (const name of names) this.data[name] = new Float64Array(256);
  }

  /** Appends the `metric.*` rows of one frame. */
  append(columns: Record<string, FrameArray>): void {
    const added = columns['metric.step']?.length ?? 0;
    if (added === 0) return;
    if (this.count + added > this.data.step!.length) this.grow(this.count + added);
    for (const name of this.names) {
      const incoming = columns[`metric.${name}`];
      if (incoming) this.data[name]!.set(incoming, this.count);
    }
    this.count += added;
  }

  /** Rows so far. */
  get rows(): number {
    return this.count;
  }

  /** The rows so far as a table of views (valid until the next append). */
  table(): MetricsTable {
    const columns: Record<string, Float64Array> = {};
    for (const name of this.names) columns[name] = this.data[name]!.subarray(0, this.count);
    return { names: this.names, columns, rows: this.count };
  }

  private grow(needed: number): void {
    let size = this.data.step!.length;
    while (size < needed) size *= 2;
    for (const name of this.names) {
      const next = new Float64Array(size);
      next.set(this.data[name]!.subarray(0, this.count));
      this.data[name] = next;
    }
  }
}
