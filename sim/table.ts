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
 * survives other rows' removal and is never reused; `rowOf(id)` finds it. Arrays grow by doubling, so hold a
 * column in a local variable within a loop but fetch it again after adding rows.
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

  constructor(schema: S, initialCapacity = 1024) {
    this.types = schema;
    this.fields = Object.keys(schema) as (keyof S & string)[];
    this.capacity = Math.max(1, initialCapacity);
    const cols = {} as Columns<S>;
    for (const key of Object.keys(schema) as (keyof S)[]) {
      cols[key] = new schema[key](this.capacity) as ColumnOf<S[typeof key]>;
    }
    this.cols = cols;
    this.rowToId = new Int32Array(this.capacity);
    this.idToRow = new Int32Array(this.capacity).fill(-1);
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
    if (this.rowCount === this.capacity) this.grow(this.capacity * 2);
    const row = this.rowCount++;
    const id = this.nextId++;
    if (id >= this.idToRow.length) this.growIds(Math.max(id + 1, this.idToRow.length * 2));
    this.rowToId[row] = id;
    this.idToRow[id] = row;
    for (const key of this.fields) (this.cols[key] as ColumnOf<ColumnType>)[row] = values?.[key] ?? 0;
    return id;
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
    this.idToRow[id] = -1;
    this.rowCount--;
    this.removals++;
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

  private grow(capacity: number): void {
    for (const key of Object.keys(this.types) as (keyof S)[]) {
      const next = new this.types[key](capacity) as ColumnOf<ColumnType>;
      next.set(this.cols[key] as ColumnOf<ColumnType>);
      this.cols[key] = next as ColumnOf<S[typeof key]>;
    }
    const rowToId = new Int32Array(capacity);
    rowToId.set(this.rowToId);
    this.rowToId = rowToId;
    this.capacity = capacity;
  }

  private growIds(size: number): void {
    const idToRow = new Int32Array(size).fill(-1);
    idToRow.set(this.idToRow);
    this.idToRow = idToRow;
  }
}
