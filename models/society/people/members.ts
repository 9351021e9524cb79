import { allocateColumn, blockwise } from '../../../sim/index.js';
import type { People } from './people.js';

/**
 * The members of each community as a bucket of rows, ordered by person id inside each
 * bucket, so iteration order never depends on other communities. Rebuilt in O(n + ids
 * ever issued) whenever rows are added, removed or move between communities: a walk over
 * ids in ascending order fills the buckets already sorted, with no sort. With `shared`,
 * `start` and `rows` live on SharedArrayBuffers (for worker threads); `version` counts the
 * times either was replaced by a larger one.
 */
export class Members {
  /** start[c] … start[c+1]-1 index `rows` for community c. */
  start: Int32Array;
  rows: Int32Array;
  /** Bumped whenever `start` or `rows` is replaced (a holder of them fetches them again). */
  version = 0;
  /** Whether `start` and `rows` live on SharedArrayBuffers. */
  readonly shared: boolean;
  private cursor = new Int32Array(0);

  constructor(options: { shared?: boolean } = {}) {
    this.shared = options.shared ?? false;
    this.start = this.allocate(1);
    this.rows = this.allocate(0);
  }

  /** Rebuilds the buckets from the people's community column. */
  rebuild(people: People, communityCount: number): void {
    const n = people.length;
    const community = people.cols.community;
    if (this.start.length !== communityCount + 1) this.replaceStart(communityCount + 1);
    else this.start.fill(0);
    if (this.rows.length < n) this.replaceRows(Math.ceil(n * 1.25));
    const start = this.start;
    // In blocks (see ROWS_PER_BLOCK): this runs twice a step, and one long loop per pass would
    // be rebuilt by on-stack replacement each time.
    blockwise(n, 0, (from, to) => {
      for (let row = from; row < to; row++) start[community[row]! + 1]!++;
      return 0;
    });
    blockwise(communityCount, 0, (from, to) => {
      for (let c = from; c < to; c++) start[c + 1]! += start[c]!;
      return 0;
    });
    if (this.cursor.length < communityCount) this.cursor = new Int32Array(Math.ceil(communityCount * 1.25));
    const cursor = this.cursor;
    cursor.set(start.subarray(0, communityCount));
    const rows = this.rows;
    // Every id ever issued, in ascending order (removed ones have no row and are skipped).
    blockwise(people.idsIssued, 0, (from, to) => {
      for (let id = from; id < to; id++) {
        const row = people.rowOf(id);
        if (row >= 0) rows[cursor[community[row]!]!++] = row;
      }
      return 0;
    });
  }

  private replaceStart(size: number): void {
    this.start = this.allocate(size);
    this.version++;
  }

  private replaceRows(size: number): void {
    this.rows = this.allocate(size);
    this.version++;
  }

  private allocate(size: number): Int32Array {
    return allocateColumn(Int32Array, size, this.shared) as Int32Array;
  }

  /**
   * Every live row in member order (communities in index order, each one's members by id), as
   * `rows[0 … length-1]`: an order that does not depend on where rows sit in the table, so a
   * pass over persons in it gives the same numbers however the table's rows were arranged.
   * Throws when persons were added or removed since the last rebuild (the index is stale).
   */
  inOrder(people: People): Int32Array {
    const communities = this.start.length - 1;
    if (this.start[communities] !== people.length) {
      throw new Error(`Members.inOrder: the index holds ${this.start[communities]} rows but the table has ${people.length}; rebuild it first`);
    }
    return this.rows;
  }

  /** Number of members of community c. */
  count(c: number): number {
    return this.start[c + 1]! - this.start[c]!;
  }
}
