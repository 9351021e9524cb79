import { allocateColumn, blockwise } from '../../../sim/index.js';
import type { People } from './people.js';

/** What `settleMoves` works in, kept from one call to the next (a month allocates nothing). */
const moves = { joiners: new Int32Array(0), joinStart: new Int32Array(0), changed: new Uint8Array(0), oldStart: new Int32Array(0) };

function reserveMoves(movers: number, communities: number): void {
  if (moves.joiners.length < movers) moves.joiners = new Int32Array(Math.ceil(movers * 1.25));
  if (moves.joinStart.length < communities + 1) {
    const size = Math.ceil((communities + 1) * 1.25);
    moves.joinStart = new Int32Array(size);
    moves.changed = new Uint8Array(size);
    moves.oldStart = new Int32Array(size);
  }
}

/**
 * Writes community c's bucket at rows[at…]: its old members still in it (oldRows[from … to),
 * ascending ids) merged by id with its joiners (joiners[j … end), ascending ids).
 */
function mergeBucket(people: People, c: number, oldRows: Int32Array, from: number, to: number, joiners: Int32Array, j: number, end: number, rows: Int32Array, at: number): void {
  const community = people.cols.community;
  let w = at;
  for (let i = from; i < to; i++) {
    const stayer = oldRows[i]!;
    if (community[stayer] !== c) continue;
    const id = people.idOf(stayer);
    while (j < end && people.idOf(joiners[j]!) < id) rows[w++] = joiners[j++]!;
    rows[w++] = stayer;
  }
  while (j < end) rows[w++] = joiners[j++]!;
}

/** Sorts joiners[from … to) by person id (a community's joiners in a month are few). */
function sortById(people: People, joiners: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const row = joiners[i]!;
    const id = people.idOf(row);
    let at = i;
    while (at > from && people.idOf(joiners[at - 1]!) > id) {
      joiners[at] = joiners[at - 1]!;
      at--;
    }
    joiners[at] = row;
  }
}

/**
 * Communities [first, last) of `settleMoves`: an unchanged bucket is copied as it was, a changed
 * one merged with its joiners.
 */
function settleBlock(people: People, first: number, last: number, before: number, oldRows: Int32Array, rows: Int32Array, start: Int32Array): void {
  const { joiners, joinStart, changed, oldStart } = moves;
  // Unchanged buckets keep their sizes, so a run of them lies in one piece in both lists: copied
  // at once (a subarray per community was thousands of small objects a month at a million persons).
  let runFrom = 0, runTo = 0, runAt = 0;
  for (let c = first; c < last; c++) {
    const from = c < before ? oldStart[c]! : 0;
    const to = c < before ? oldStart[c + 1]! : 0;
    const at = start[c]!;
    if (changed[c] === 0) {
      if (runTo === from && runAt + (runTo - runFrom) === at) runTo = to;
      else {
        if (runTo > runFrom) rows.set(oldRows.subarray(runFrom, runTo), runAt);
        runFrom = from;
        runTo = to;
        runAt = at;
      }
    } else {
      sortById(people, joiners, joinStart[c]!, joinStart[c + 1]!);
      mergeBucket(people, c, oldRows, from, to, joiners, joinStart[c]!, joinStart[c + 1]!, rows, at);
    }
  }
  if (runTo > runFrom) rows.set(oldRows.subarray(runFrom, runTo), runAt);
}

/**
 * Communities [first, last) of `settleRemovals`, writing from rows[at]: each bucket's survivors
 * in place (those the removals moved under their new row numbers), then room for its newcomers
 * (`arrivals[c]` becomes the first one's place). Walks only the buckets the note marked, and
 * clears their marks and the dying marks it meets; sets `note.lost` when a moved row is not
 * found. Returns where the next bucket starts.
 */
function keepSurvivors(people: People, note: { dying: Uint8Array; tailIds: Int32Array; touched: Uint8Array; lost: boolean }, first: number, last: number, at: number, kept: number, oldRows: Int32Array, rows: Int32Array, start: Int32Array, arrivals: Int32Array): number {
  const { dying, tailIds, touched } = note;
  let w = at;
  let from = start[first]!;
  for (let c = first; c < last; c++) {
    const to = start[c + 1]!;
    start[c] = w;
    if (c < touched.length && touched[c] === 1) {
      touched[c] = 0;
      for (let k = from; k < to; k++) {
        const row = oldRows[k]!;
        if (dying[row] === 1) {
          dying[row] = 0; // every noted row sits in one bucket: this clears the note
          continue;
        }
        const now = row < kept ? row : people.rowOf(tailIds[row - kept]!);
        if (now < 0) note.lost = true;
        rows[w++] = now;
      }
    } else {
      // No one in it died and none of its rows moved (the note marked each bucket that had): as it was.
      for (let k = from; k < to; k++) rows[w++] = oldRows[k]!;
    }
    const newcomers = arrivals[c]!;
    arrivals[c] = w;
    w += newcomers;
    from = to;
  }
  return w;
}

/**
 * The members of each community as a bucket of rows, ordered by person id inside each
 * bucket, so iteration order never depends on other communities. `rebuild` builds it in
 * O(n + ids ever issued): a walk over ids in ascending order fills the buckets already sorted,
 * with no sort. Cheaper patches keep it current through a month: `settleRemovals` after
 * deaths and births (one copy of `rows`, the dead skipped, the newborn appended), `settleMoves`
 * after persons moved between communities (one copy of `rows` and the movers merged in), and
 * `gathered` after the table was put in member order. With `shared`,
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
  /** What `noteRemovals` recorded for `settleRemovals`; `length` is -1 when nothing is noted. */
  private readonly removal = { length: -1, count: 0, dying: new Uint8Array(0), tailIds: new Int32Array(0), touched: new Uint8Array(0), arrivals: new Int32Array(0), lost: false };

  constructor(options: { shared?: boolean } = {}) {
    this.shared = options.shared ?? false;
    this.start = this.allocate(1);
    this.rows = this.allocate(0);
  }

  /** Rebuilds the buckets from the people's community column. */
  rebuild(people: People, communityCount: number): void {
    this.clearNote();
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
    reserveMoves(this.movedFrom.size, communityCount);
    const { joiners, joinStart, changed, oldStart } = moves;
    oldStart.set(this.start);
    const oldRows = scratch.subarray(0, n);
    oldRows.set(this.rows.subarray(0, n));
    if (this.start.length !== communityCount + 1) this.replaceStart(communityCount + 1);
    const start = this.start;
    // Bucket sizes less leavers plus joiners (in start[c + 1]), joiners counted by community.
    for (let c = 0; c < communityCount; c++) start[c + 1] = c < before ? oldStart[c + 1]! - oldStart[c]! : 0;
    joinStart.fill(0, 0, communityCount + 1);
    changed.fill(0, 0, communityCount);
    for (const [row, from] of this.movedFrom) {
      const to = community[row]!;
      if (to === from) continue;
      start[to + 1]!++;
      start[from + 1]!--;
      joinStart[to + 1]!++;
      changed[to] = changed[from] = 1;
    }
    start[0] = 0;
    for (let c = 0; c < communityCount; c++) {
      start[c + 1]! += start[c]!;
      joinStart[c + 1]! += joinStart[c]!;
    }
    // Joiners placed by community (counting), each community's sorted by id when merged.
    for (const [row, from] of this.movedFrom) {
      const to = community[row]!;
      if (to !== from) joiners[joinStart[to]!++] = row;
    }
    for (let c = communityCount; c > 0; c--) joinStart[c] = joinStart[c - 1]!;
    joinStart[0] = 0;
    this.movedFrom.clear();
    const rows = this.rows;
    // In blocks of communities (see ROWS_PER_BLOCK): this runs twice a step.
    blockwise(communityCount, 0, (first, last) => (settleBlock(people, first, last, before, oldRows, rows, start), 0));
  }

  /**
   * Notes, before they go, the rows about to be removed with `removeRow` (each the last row
   * moving into its place): which rows die, and the ids of the rows that the removals will move.
   * Call it while the index is current (no moves unsettled), then remove exactly these rows, add
   * any, and call `settleRemovals`.
   */
  noteRemovals(people: People, rows: readonly number[]): void {
    const note = this.removal;
    const n = people.length;
    note.length = -1;
    if (!this.holdsRowsOf(people) || this.movedFrom.size > 0) return;
    if (note.dying.length < n) note.dying = new Uint8Array(Math.ceil(n * 1.25));
    const community = people.cols.community;
    for (const row of rows) {
      note.dying[row] = 1;
      this.touch(community[row]!);
    }
    // Swap-removal moves only rows at or past n - k (the last row, while k rows go): their ids find them after.
    const k = rows.length;
    if (note.tailIds.length < k) note.tailIds = new Int32Array(Math.ceil(k * 1.25));
    for (let j = 0; j < k; j++) {
      note.tailIds[j] = people.idOf(n - k + j);
      this.touch(community[n - k + j]!);
    }
    note.length = n;
    note.count = k;
  }

  /** Marks community c's bucket as one `settleRemovals` must walk (someone in it dies, or one of its rows moves). */
  private touch(c: number): void {
    const note = this.removal;
    if (c >= note.touched.length) {
      const grown = new Uint8Array(Math.ceil((c + 1) * 1.25));
      grown.set(note.touched);
      note.touched = grown;
    }
    note.touched[c] = 1;
  }

  /**
   * The buckets after the rows noted by `noteRemovals` were removed and rows were added (new
   * ids, appended): survivors keep their places in their buckets (those the removals moved under
   * their new row numbers), and each community's newcomers follow by id. The same buckets a
   * rebuild makes, for one copy of `rows`. It rebuilds instead when nothing was noted, the table
   * does not hold what the note and the ids issued since say it should, communities were added,
   * or `scratch` (any n Int32s, contents overwritten) is too short.
   */
  settleRemovals(people: People, communityCount: number, scratch: Int32Array): void {
    const note = this.removal;
    const before = note.length;
    const added = people.idsIssued - this.idsAtRebuild;
    const kept = before - note.count;
    const fits = before >= 0 && people.length === kept + added && communityCount === this.start.length - 1 && scratch.length >= before && this.movedFrom.size === 0;
    if (!fits) {
      this.rebuild(people, communityCount);
      return;
    }
    const n = people.length;
    const community = people.cols.community;
    const oldRows = scratch.subarray(0, before);
    oldRows.set(this.rows.subarray(0, before));
    if (note.arrivals.length < communityCount) note.arrivals = new Int32Array(Math.ceil(communityCount * 1.25));
    const arrivals = note.arrivals;
    arrivals.fill(0, 0, communityCount);
    for (let row = kept; row < n; row++) arrivals[community[row]!]!++;
    if (this.rows.length < n) this.replaceRows(Math.ceil(n * 1.25));
    const start = this.start;
    const rows = this.rows;
    // In blocks of communities (see ROWS_PER_BLOCK): this runs once a step.
    note.lost = false;
    start[communityCount] = blockwise(communityCount, 0, (first, last, at) => keepSurvivors(people, note, first, last, at, kept, oldRows, rows, start, arrivals));
    for (let row = kept; row < n; row++) rows[arrivals[community[row]!]!++] = row;
    note.length = -1;
    this.idsAtRebuild = people.idsIssued;
    // A row moved by the removals is gone: other rows were removed than those noted.
    if (note.lost) this.rebuild(people, communityCount);
  }

  /**
   * The buckets after the table's rows were put in this index's member order (`permute` with
   * `inOrder`'s rows): member k of the order now sits at row k.
   */
  gathered(people: People): void {
    const n = people.length;
    if (!this.holdsRowsOf(people) || this.movedFrom.size > 0) throw new Error(`Members.gathered: the index does not hold the table's ${n} rows; rebuild it instead`);
    const rows = this.rows;
    blockwise(n, 0, (from, to) => {
      for (let k = from; k < to; k++) rows[k] = k;
      return 0;
    });
  }

  private clearNote(): void {
    const note = this.removal;
    if (note.length >= 0) note.dying.fill(0, 0, note.length);
    note.touched.fill(0);
    note.length = -1;
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
