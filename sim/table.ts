/** Typed-array constructors a column may use. */
export type ColumnType =
  | Float64ArrayConstructor
  | Float32ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int8ArrayConstructor
  | Uint8ArrayConstructor;

/** A table's schema: one typed-array type per field. */
export type Schema = Record<string, ColumnType>;

/** The typed array a column of the given constructor holds. */
export type ColumnOf<C extends ColumnType> = InstanceType<C>;

/** The columns of a table, field by field. */
export type Columns<S extends Schema> = { [K in keyof S]: ColumnOf<S[K]> };

/**
 * Columnar storage for many small agents: one typed array per field, rows packed at the
 * front (0 … length-1), removal by swap-with-last in O(1). Every row has a stable id that
 * survives other rows' removal and is never reused; `rowOf(id)` finds it. Columns grow by a quarter
 * (a million rows grow by a quarter million, not a million), so hold a column in a local variable
 * within a loop but fetch it again after adding rows; `version` tells when they moved. With
 * `shared`, every column lives on a SharedArrayBuffer that worker threads can read and write.
 */
export class Table<S extends Schema> {
  /** The columns; indexed by row, not by id. */
  readonly cols: Columns<S>;
  private rowCount = 0;
  private capacity: number;
  private rowToId: Int32Array;
  private idToRow: Int32Array;
  private nextId = 0;
  private readonly types: S;
  /** The field names, fetched once: add and removeRow run per row and must not allocate. */
  private readonly fields: (keyof S & string)[];
  /** Bumped on every removal, so iterators can notice structural change. */
  private removals = 0;
  private columnVersion = 0;
  /** Whether the columns live on SharedArrayBuffers. */
  readonly shared: boolean;

  constructor(schema: S, initialCapacity = 1024, options: TableOptions = {}) {
    this.types = schema;
    this.shared = options.shared ?? false;
    this.fields = Object.keys(schema) as (keyof S & string)[];
    this.capacity = Math.max(1, initialCapacity);
    const cols = {} as Columns<S>;
    for (const key of this.fields) cols[key] = allocateColumn(schema[key], this.capacity, this.shared) as ColumnOf<S[typeof key]>;
    this.cols = cols;
    this.rowToId = this.idArray(this.capacity).fill(-1);
    this.idToRow = this.idArray(this.capacity).fill(-1);
  }

  /**
   * The id maps as they stand (each array is replaced when it grows, so fetch them again after
   * adding rows): `rowOfId[id]` is the id's row or −1, `idOfRow[row]` the row's id or −1 for a
   * row past the last, so `idOfRow[row] === id` tells whether a row remembered from before still
   * holds that id. For kernels that look ids up on worker threads; on SharedArrayBuffers when the
   * table is shared.
   */
  idColumns(): { rowOfId: Int32Array; idOfRow: Int32Array } {
    return { rowOfId: this.idToRow, idOfRow: this.rowToId };
  }

  private idArray(size: number): Int32Array {
    return allocateColumn(Int32Array, size, this.shared) as Int32Array;
  }

  /** Counts column replacements (growth): a holder of column arrays fetches them again when it changes. */
  get version(): number {
    return this.columnVersion;
  }

  /** Number of live rows. */
  get length(): number {
    return this.rowCount;
  }

  /** Allocated rows (memory footprint is capacity × bytes per row). */
  get allocated(): number {
    return this.capacity;
  }

  /** Bytes held by the columns and the id maps. */
  get bytes(): number {
    let total = this.rowToId.byteLength + this.idToRow.byteLength;
    for (const key of Object.keys(this.cols)) total += (this.cols[key] as ColumnOf<ColumnType>).byteLength;
    return total;
  }

  /** Adds a row with the given values (others zero) and returns its stable id. */
  add(values?: Partial<{ [K in keyof S]: number }>): number {
    if (this.rowCount === this.capacity) this.grow(grown(this.capacity));
    const row = this.rowCount++;
    const id = this.nextId++;
    if (id >= this.idToRow.length) this.growIds(grown(this.idToRow.length));
    this.rowToId[row] = id;
    this.idToRow[id] = row;
    for (const key of this.fields) (this.cols[key] as ColumnOf<ColumnType>)[row] = values?.[key] ?? 0;
    return id;
  }

  /**
   * Adds `count` rows of zeros at once and returns the first one's position; their ids follow
   * one another in row order. For bulk building: fill the columns directly (fetched after this
   * call), with no object per row and one pass per column instead of one per row.
   */
  addRows(count: number): number {
    const first = this.rowCount;
    const end = first + count;
    if (end > this.capacity) this.grow(Math.max(end, grown(this.capacity)));
    const lastId = this.nextId + count - 1;
    if (lastId >= this.idToRow.length) this.growIds(Math.max(lastId + 1, grown(this.idToRow.length)));
    for (let row = first; row < end; row++) {
      const id = this.nextId++;
      this.rowToId[row] = id;
      this.idToRow[id] = row;
    }
    for (const key of this.fields) (this.cols[key] as ColumnOf<ColumnType>).fill(0, first, end);
    this.rowCount = end;
    return first;
  }

  /** Removes the row with this id (the last row moves into its place). */
  remove(id: number): void {
    const row = this.rowOf(id);
    if (row < 0) throw new Error(`Table.remove: no row with id ${id}`);
    this.removeRow(row);
  }

  /** Removes the row at this position; the last row moves into it. */
  removeRow(row: number): void {
    const last = this.rowCount - 1;
    const id = this.rowToId[row]!;
    if (row !== last) {
      for (const key of this.fields) {
        const column = this.cols[key] as ColumnOf<ColumnType>;
        column[row] = column[last]!;
      }
      const movedId = this.rowToId[last]!;
      this.rowToId[row] = movedId;
      this.idToRow[movedId] = row;
    }
    // The last row is now past the end: it holds no id (see `idColumns`).
    this.rowToId[last] = -1;
    this.idToRow[id] = -1;
    this.rowCount--;
    this.removals++;
  }

  /**
   * Rearranges the rows: row k takes what row order[k] held, for k < length (`order` must list
   * every row once). Ids stay with their rows' values, so `rowOf` finds each where it went;
   * row numbers held from before are stale, as after a removal. The columns keep their arrays
   * (views of them and threads that share them see the new order). For locality: a model that
   * reads its agents group by group runs faster with each group's rows side by side. It works in
   * `scratch` when given one of at least 8 × length bytes (whatever it held is overwritten), else
   * in a buffer of its own. Each column is copied into the scratch and gathered back by `gather`
   * (see `ColumnGather`; by default on the calling thread).
   */
  permute(order: ArrayLike<number>, scratch: ArrayBufferLike = new ArrayBuffer(this.rowCount * 8), gather: ColumnGather = gatherHere): void {
    const n = this.rowCount;
    if (order.length < n) throw new Error(`Table.permute: order lists ${order.length} rows, the table has ${n}`);
    if (scratch.byteLength < n * 8) throw new Error(`Table.permute: scratch holds ${scratch.byteLength} bytes, ${n * 8} needed`);
    // One scratch buffer: first the check's marks, then each column's copy, in its own type.
    const seen = new Uint8Array(scratch, 0, n).fill(0);
    const bad = blockwise(n, -1, (start, end, found) => (found >= 0 ? found : firstRepeat(order, seen, n, start, end)));
    if (bad >= 0) throw new Error(`Table.permute: order[${bad}] = ${order[bad]} is not a row, or is listed twice`);
    for (const key of this.fields) permuteColumn(this.cols[key] as ColumnOf<ColumnType>, order, n, scratch, gather);
    const ids = new Int32Array(scratch, 0, n);
    ids.set(this.rowToId.subarray(0, n));
    const { rowToId, idToRow } = this;
    blockwise(n, 0, (start, end) => (moveIds(rowToId, idToRow, ids, order, start, end), 0));
    this.removals++;
  }

  /** How many ids were ever issued: every id, live or removed, is below this. */
  get idsIssued(): number {
    return this.nextId;
  }

  /** The row of a live id, or -1. */
  rowOf(id: number): number {
    return id >= 0 && id < this.idToRow.length ? this.idToRow[id]! : -1;
  }

  /** The id of the row at this position. */
  idOf(row: number): number {
    return this.rowToId[row]!;
  }

  /** Whether the id is live. */
  has(id: number): boolean {
    return this.rowOf(id) >= 0;
  }

  /** One field of a row, by id. */
  get<K extends keyof S>(id: number, field: K): number {
    return this.cols[field][this.rowOf(id)] as number;
  }

  /** Sets one field of a row, by id. */
  set<K extends keyof S>(id: number, field: K, value: number): void {
    this.cols[field][this.rowOf(id)] = value;
  }

  /**
   * Calls fn for every row present when the loop starts. Rows removed during the loop are
   * skipped; rows added during it are not visited. Safe for add and remove of any row.
   */
  forEach(fn: (row: number, id: number) => void): void {
    const ids = this.rowToId.slice(0, this.rowCount);
    const removalsAtStart = this.removals;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const row = this.removals === removalsAtStart ? k : this.rowOf(id);
      if (row >= 0 && this.rowToId[row] === id) fn(row, id);
    }
  }

  /** Sum of fn over all rows. */
  sum(fn: (row: number) => number): number {
    let total = 0;
    for (let row = 0; row < this.rowCount; row++) total += fn(row);
    return total;
  }

  /** A copy of one column's live rows. */
  column<K extends keyof S>(field: K): ColumnOf<S[K]> {
    return this.cols[field].slice(0, this.rowCount) as ColumnOf<S[K]>;
  }

  /** Ensures room for n rows without reallocating. */
  reserve(n: number): void {
    if (n > this.capacity) this.grow(n);
  }

  /**
   * Replaces the columns one at a time, so at most one old column and its copy are both
   * needed at once (the others are free to collect as soon as they are replaced).
   */
  private grow(capacity: number): void {
    for (const key of this.fields) {
      const next = allocateColumn(this.types[key], capacity, this.shared);
      next.set(this.cols[key] as ColumnOf<ColumnType>);
      this.cols[key] = next as ColumnOf<S[typeof key]>;
    }
    const rowToId = this.idArray(capacity).fill(-1);
    rowToId.set(this.rowToId);
    this.rowToId = rowToId;
    this.capacity = capacity;
    this.columnVersion++;
  }

  private growIds(size: number): void {
    const idToRow = this.idArray(size).fill(-1);
    idToRow.set(this.idToRow);
    this.idToRow = idToRow;
  }
}

/**
 * column[k] = the column's old value at row order[k], for k < n, through `scratch` (≥ 8n bytes).
 * The bytes move as integers of the element's width — an 8-byte element as two 32-bit halves —
 * so every column type goes through one of three loops, each seeing one array type (a loop that
 * met eight would be slow everywhere), and every value, NaNs included, keeps its bits.
 */
function permuteColumn(column: ColumnOf<ColumnType>, order: ArrayLike<number>, n: number, scratch: ArrayBufferLike, gather: ColumnGather): void {
  const width = column.BYTES_PER_ELEMENT;
  const { buffer, byteOffset } = column;
  if (width === 1) {
    const to = new Uint8Array(buffer, byteOffset, n);
    const from = new Uint8Array(scratch, 0, n);
    from.set(to);
    gather(to, from, order, n, 1);
  } else if (width === 2) {
    const to = new Uint16Array(buffer, byteOffset, n);
    const from = new Uint16Array(scratch, 0, n);
    from.set(to);
    gather(to, from, order, n, 1);
  } else {
    const words = width / 4;
    const to = new Int32Array(buffer, byteOffset, n * words);
    const from = new Int32Array(scratch, 0, n * words);
    from.set(to);
    gather(to, from, order, n, words === 1 ? 1 : 2);
  }
}

/**
 * The second half of moving one column in `Table.permute`: element k of `to` (the column) takes
 * element order[k] of `from` (its copy), for k < n. An element is one entry of a Uint8Array or
 * Uint16Array, or `words` entries of an Int32Array (2 for 8-byte columns), so every value, NaNs
 * included, keeps its bits. Each k is written once, from a copy, so any split of [0, n) may run
 * on its own thread; `gatherHere` runs it on the calling thread.
 */
export type ColumnGather = (to: Uint8Array | Uint16Array | Int32Array, from: Uint8Array | Uint16Array | Int32Array, order: ArrayLike<number>, n: number, words: 1 | 2) => void;

/** `ColumnGather` on the calling thread, in blocks (see `blockwise`). */
export function gatherHere(to: Uint8Array | Uint16Array | Int32Array, from: Uint8Array | Uint16Array | Int32Array, order: ArrayLike<number>, n: number, words: 1 | 2): void {
  if (to instanceof Uint8Array) blockwise(n, 0, (start, end) => (gatherBytes(to, from as Uint8Array, order, start, end), 0));
  else if (to instanceof Uint16Array) blockwise(n, 0, (start, end) => (gatherHalves(to, from as Uint16Array, order, start, end), 0));
  else if (words === 1) blockwise(n, 0, (start, end) => (gatherWords(to, from as Int32Array, order, start, end), 0));
  else blockwise(n, 0, (start, end) => (gatherWordPairs(to, from as Int32Array, order, start, end), 0));
}

/** The first k in [start, end) whose order[k] is not a row below n or was marked in `seen` before (marking each); -1 if none. */
function firstRepeat(order: ArrayLike<number>, seen: Uint8Array, n: number, start: number, end: number): number {
  for (let k = start; k < end; k++) {
    const from = order[k]!;
    if (!(from >= 0 && from < n) || seen[from] === 1) return k;
    seen[from] = 1;
  }
  return -1;
}

/** Row k takes the id that row order[k] held (`ids`, a copy of the old map), for k in [start, end). */
function moveIds(rowToId: Int32Array, idToRow: Int32Array, ids: Int32Array, order: ArrayLike<number>, start: number, end: number): void {
  for (let k = start; k < end; k++) {
    const id = ids[order[k]!]!;
    rowToId[k] = id;
    idToRow[id] = k;
  }
}

/** to[k] = from[order[k]] for k in [start, end): one `ColumnGather` range of a byte column. */
export function gatherBytes(to: Uint8Array, from: Uint8Array, order: ArrayLike<number>, start: number, end: number): void {
  for (let k = start; k < end; k++) to[k] = from[order[k]!]!;
}

/** As `gatherBytes`, for a column of 2-byte elements. */
export function gatherHalves(to: Uint16Array, from: Uint16Array, order: ArrayLike<number>, start: number, end: number): void {
  for (let k = start; k < end; k++) to[k] = from[order[k]!]!;
}

/** As `gatherBytes`, for a column of 4-byte elements. */
export function gatherWords(to: Int32Array, from: Int32Array, order: ArrayLike<number>, start: number, end: number): void {
  for (let k = start; k < end; k++) to[k] = from[order[k]!]!;
}

/** As `gatherBytes`, for a column of 8-byte elements, each two 32-bit words. */
export function gatherWordPairs(to: Int32Array, from: Int32Array, order: ArrayLike<number>, start: number, end: number): void {
  for (let k = start; k < end; k++) {
    const o = 2 * order[k]!;
    to[2 * k] = from[o]!;
    to[2 * k + 1] = from[o + 1]!;
  }
}

/** Options of a table: `shared` puts every column on a SharedArrayBuffer (for worker threads). */
export interface TableOptions {
  shared?: boolean;
}

/** A column of n zeroed elements, on a SharedArrayBuffer when shared. */
export function allocateColumn(type: ColumnType, n: number, shared: boolean): ColumnOf<ColumnType> {
  if (!shared) return new type(n);
  // Every column type takes a buffer; TypeScript cannot pick one overload across the union.
  const onBuffer = type as unknown as new (buffer: ArrayBufferLike) => ColumnOf<ColumnType>;
  return new onBuffer(new SharedArrayBuffer(n * type.BYTES_PER_ELEMENT));
}

/** The next size of a growing array: a quarter more (at least one), not double, to bound the waste and the copy. */
export function grown(size: number): number {
  return Math.max(size + 1, Math.ceil(size * 1.25));
}

/**
 * Rows per call for a pass over a whole table that runs once a step: loop over blocks of this
 * many rows in a function called per block, not over every row in one call. V8 optimises a
 * single long loop by on-stack replacement while it runs; that code has no type feedback for
 * what follows the loop and is thrown away there, and the next step starts again in the
 * interpreter (whose arithmetic allocates). A function called hundreds of times a step is
 * optimised whole and stays optimised. Block by block, sums carried across blocks are the same
 * additions in the same order as one loop.
 */
export const ROWS_PER_BLOCK = 512;

/**
 * Runs `body` over [0, count) in blocks of ROWS_PER_BLOCK, threading one running number through
 * (a sum carried from block to block adds the same numbers in the same order as one loop).
 * Returns the last block's result (`start` when count is 0).
 */
export function blockwise(count: number, start: number, body: (from: number, to: number, carried: number) => number): number {
  let carried = start;
  for (let from = 0; from < count; from += ROWS_PER_BLOCK) carried = body(from, Math.min(count, from + ROWS_PER_BLOCK), carried);
  return carried;
}
