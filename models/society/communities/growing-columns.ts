import { allocateColumn, grown } from '../../../sim/index.js';

/**
 * Per-community numbers in columns of doubles (on shared memory for a threaded run), with room
 * for more communities made a quarter at a time as they are founded. Each subclass names its
 * columns as fields, so phases and views reach them without a lookup by name, and replaces
 * them all in `grow`; views of a community hold the subclass, never an array, so a growth
 * leaves none stale.
 */
export abstract class GrowingColumns {
  /** Communities there is room for. */
  protected room: number;

  constructor(
    communities: number,
    private readonly shared: boolean,
  ) {
    this.room = Math.max(1, communities);
  }

  /** Room for community `id` (every column grown by a quarter or more, contents kept). */
  ensure(id: number): void {
    if (id < this.room) return;
    let room = this.room;
    while (room <= id) room = grown(room);
    this.room = room;
    this.grow(room);
    this.replaced++;
  }

  /** Counts the times every column was replaced (growth): a holder of the arrays fetches them again when it changes. */
  get version(): number {
    return this.replaced;
  }

  private replaced = 0;

  /** Replaces every column by one with room for `room` communities (see `moved`). */
  protected abstract grow(room: number): void;

  /** A zeroed column of `length` doubles. */
  protected column(length: number): Float64Array {
    return allocateColumn(Float64Array, length, this.shared) as Float64Array;
  }

  /** A column of `length` doubles holding `from`'s values first. */
  protected moved(from: Float64Array, length: number): Float64Array {
    const to = this.column(length);
    to.set(from);
    return to;
  }
}
