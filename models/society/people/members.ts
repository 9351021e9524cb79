import type { People } from './people.js';

/**
 * The members of each community as a bucket of rows, ordered by person id inside each
 * bucket, so iteration order never depends on other communities. Rebuilt in O(n) plus
 * a native sort of each bucket whenever rows are added or removed.
 */
export class Members {
  /** start[c] … start[c+1]-1 index `rows` for community c. */
  start = new Int32Array(1);
  rows = new Int32Array(0);
  private ids = new Int32Array(0);

  /** Rebuilds the buckets from the people's community column. */
  rebuild(people: People, communityCount: number): void {
    const n = people.length;
    const community = people.cols.community;
    if (this.start.length !== communityCount + 1) this.start = new Int32Array(communityCount + 1);
    else this.start.fill(0);
    if (this.rows.length < n) {
      this.rows = new Int32Array(Math.ceil(n * 1.25));
      this.ids = new Int32Array(this.rows.length);
    }
    const start = this.start;
    for (let row = 0; row < n; row++) start[community[row]! + 1]!++;
    for (let c = 0; c < communityCount; c++) start[c + 1]! += start[c]!;
    const cursor = start.slice(0, communityCount);
    for (let row = 0; row < n; row++) this.ids[cursor[community[row]!]!++] = people.idOf(row);
    for (let c = 0; c < communityCount; c++) {
      const bucket = this.ids.subarray(start[c]!, start[c + 1]!);
      bucket.sort();
      for (let k = 0; k < bucket.length; k++) this.rows[start[c]! + k] = people.rowOf(bucket[k]!);
    }
  }

  /** Number of members of community c. */
  count(c: number): number {
    return this.start[c + 1]! - this.start[c]!;
  }
}
