/**
 * Row → position for a few rows at a time (the movers of one community): an open-addressing
 * table sized by the rows put in, not by the people table, so a scratch that serves one
 * community at a time stays as small as the largest community.
 */
export class RowPositions {
  private keys = new Int32Array(0);
  private positions = new Int32Array(0);
  private mask = 0;
  private shift = 32;

  /** Empties the table, with room for `count` rows (at most half full, so probes stay short). */
  reset(count: number): void {
    let size = 16;
    let bits = 4;
    while (size < 2 * count) {
      size *= 2;
      bits++;
    }
    if (this.keys.length < size) {
      this.keys = new Int32Array(size);
      this.positions = new Int32Array(size);
    }
    this.mask = size - 1;
    this.shift = 32 - bits;
    this.keys.fill(-1, 0, size);
  }

  /** Records `row` (a row index, ≥ 0, not already in) at `position`. */
  set(row: number, position: number): void {
    let slot = this.slotOf(row);
    while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
    this.keys[slot] = row;
    this.positions[slot] = position;
  }

  /** The position recorded for `row`, or -1. */
  get(row: number): number {
    for (let slot = this.slotOf(row); ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot]!;
      if (key === row) return this.positions[slot]!;
      if (key === -1) return -1;
    }
  }

  /** A multiplicative hash (its top bits): rows close together land far apart, so runs of rows do not cluster. */
  private slotOf(row: number): number {
    return Math.imul(row, 0x9e3779b1) >>> this.shift;
  }
}
