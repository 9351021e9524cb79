import { allocateColumn, blockwise } from '../../../sim/index.js';
import type { People } from './people.js';

/**
 * Writes community c's bucket at rows[at…]: its old members still in it (oldRows[from … to),
 * ascending ids) merged by id with its joiners (joiners[j…], those whose community is c,
 * ascending ids). Returns the index of the first joiner of a later community.
 */
function mergeBucket(people: People, c: number, oldRows: Int32Array, from: number, to: number, joiners: readonly number[], j: number, rows: Int32Array, at: number): number {
  const community = people.cols.community;
  let i = from;
  let w = at;
  for (;;) {
    while (i < to && community[oldRows[i]!] !== c) i++;
    const stayer = i < to ? oldRows[i]! : -1;
    const joiner = j < joiners.length && community[joiners[j]!] === c ? joiners[j]! : -1;
    if (stayer < 0 && joiner < 0) return j;
    if (joiner < 0 || (stayer >= 0 && people.idOf(stayer) < people.idOf(joiner))) {
      rows[w++] = stayer;
      i++;
    } else {
      rows[w++] = joiner;
      j++;
    }
  }
}

/**
 * The members of each community as a bucket of rows, ordered by person id inside each
 * bucket, so iteration order never depends on other communities. Rebuilt in O(n + ids
 * ever issued) whenever rows are added or removed: a walk over ids in ascending order fills
 * the buckets already sorted, with no sort. When persons only moved between communities,
 * `settleMoves` patches the buckets instead: one copy of `rows` and the movers merged in. With `shared`,
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
  /** Rows that changed community since the last rebuild, each with the community it was in then. */
  private readonly movedFrom = new Map<number, number>();
  /** Ids issued when the buckets were last rebuilt: more since means rows were added. */
  private idsAtRebuild = 0;

  constructor(options: { shared?: boolean } = {}) {
    this.shared = options.shared ?? false;
    this.start = this.allocate(1);
    this.rows = this.allocate(0);
  }

  /** Rebuilds the buckets from the people's community column. */
  rebuild(people: People, communityCount: number): void {
    this.movedFrom.clear();
    this.idsAtRebuild = people.idsIssued;
    const n = people.length;
    const community = people.cols.community;
    if (this.start.length !== communityCount + 1) this.replaceStart(communityCount + 1);
    else this.start.fill(0);
    if (this.rows.length < n) this.replaceRows(Math.ceil(n * 1.25));
    const start = this.start;
    // In blocks (see ROWS_PER_BLOCK): this runs every step, and one long loop per pass would
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

  /** Notes that `row` is leaving community `from` (call it before or after changing its community column). */
  noteMove(row: number, from: number): void {
    if (!this.movedFrom.has(row)) this.movedFrom.set(row, from);
  }

  /**
   * The buckets after persons moved between communities (each noted with `noteMove`), into
   * communities old or new (`communityCount` may have grown): the same buckets a rebuild makes,
   * for the cost of copying `rows` once and merging the movers in by id. Where rows were added
   * or removed since the last rebuild, or `scratch` (any n Int32s, contents overwritten) is too
   * short, it rebuilds.
   */
  settleMoves(people: People, communityCount: number, scratch: Int32Array): void {
    const before = this.start.length - 1;
    const n = people.length;
    if (!this.holdsRowsOf(people) || communityCount < before || scratch.length < n) {
      this.rebuild(people, communityCount);
      return;
    }
    const community = people.cols.community;
    const oldStart = Int32Array.from(this.start);
    const oldRows = scratch.subarray(0, n);
    oldRows.set(this.rows.subarray(0, n));
    if (this.start.length !== communityCount + 1) this.replaceStart(communityCount + 1);
    const start = this.start;
    start.fill(0);
    for (let c = 0; c < before; c++) start[c + 1] = oldStart[c + 1]! - oldStart[c]!;
    // Bucket sizes less leavers plus joiners; the movers, to be merged in by community and id.
    const changed = new Uint8Array(communityCount);
    const joiners: number[] = [];
    for (const [row, from] of this.movedFrom) {
      const to = community[row]!;
      if (to === from) continue;
      joiners.push(row);
      start[to + 1]!++;
      start[from + 1]!--;
      changed[to] = changed[from] = 1;
    }
    this.movedFrom.clear();
    joiners.sort((a, b) => community[a]! - community[b]! || people.idOf(a) - people.idOf(b));
    for (let c = 0; c < communityCount; c++) start[c + 1]! += start[c]!;
    const rows = this.rows;
    let j = 0;
    // Runs of unchanged communities move as one block (each by the same shift).
    let run = 0;
    for (let c = 0; c <= communityCount; c++) {
      if (c < communityCount && changed[c] === 0) continue;
      if (run < c && run < before) rows.set(oldRows.subarray(oldStart[run]!, oldStart[Math.min(c, before)]!), start[run]!);
      if (c === communityCount) break;
      const from = c < before ? oldStart[c]! : 0;
      const to = c < before ? oldStart[c + 1]! : 0;
      j = mergeBucket(people, c, oldRows, from, to, joiners, j, rows, start[c]!);
      run = c + 1;
    }
  }

  /**
   * Every live row in member order (communities in index order, each one's members by id), as
   * `rows[0 … length-1]`: an order that does not depend on where rows sit in the table, so a
   * pass over persons in it gives the same numbers however the table's rows were arranged.
   * Throws when the index is stale: persons added or removed since the last rebuild, or moves
   * noted and not yet settled.
   */
  inOrder(people: People): Int32Array {
    if (!this.holdsRowsOf(people) || this.movedFrom.size > 0) {
      throw new Error(`Members.inOrder: the index holds ${this.start[this.start.length - 1]} rows of ${this.idsAtRebuild} ids issued, with ${this.movedFrom.size} moves unsettled; the table has ${people.length} rows of ${people.idsIssued}; rebuild it first`);
    }
    return this.rows;
  }

  /** Whether the buckets hold the table's rows as they are: none added or removed since the last rebuild. */
  private holdsRowsOf(people: People): boolean {
    return this.start[this.start.length - 1] === people.length && people.idsIssued === this.idsAtRebuild;
  }

  /** Number of members of community c. */
  count(c: number): number {
    return this.start[c + 1]! - this.start[c]!;
  }
}
