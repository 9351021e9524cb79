/**
 * Sites bucketed in square blocks (about two sites a block), for searches that go ring by ring
 * outward from a point and stop once no unvisited block can hold a site that matters. The nearest
 * partners at building, a new community's trade partners and its knowledge parent all search this way.
 */
export class SiteBlocks {
  /** Block b holds the sites `members[start[b]] … members[start[b+1]-1]` (site indices, ascending). */
  readonly start: Int32Array;
  readonly members: Int32Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly side: number;
  private readonly columns: number;
  private readonly rowsOfBlocks: number;

  constructor(xs: ArrayLike<number>, ys: ArrayLike<number>) {
    const n = xs.length;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      if (xs[i]! < minX) minX = xs[i]!;
      if (ys[i]! < minY) minY = ys[i]!;
      if (xs[i]! > maxX) maxX = xs[i]!;
      if (ys[i]! > maxY) maxY = ys[i]!;
    }
    if (n === 0) minX = minY = maxX = maxY = 0;
    this.minX = minX;
    this.minY = minY;
    this.side = Math.max(1, Math.ceil(Math.sqrt((2 * (maxX - minX + 1) * (maxY - minY + 1)) / Math.max(1, n))));
    this.columns = Math.floor((maxX - minX) / this.side) + 1;
    this.rowsOfBlocks = Math.floor((maxY - minY) / this.side) + 1;
    this.start = new Int32Array(this.columns * this.rowsOfBlocks + 1);
    this.members = new Int32Array(n);
    for (let i = 0; i < n; i++) this.start[this.blockOf(xs[i]!, ys[i]!) + 1]!++;
    for (let b = 0; b < this.columns * this.rowsOfBlocks; b++) this.start[b + 1]! += this.start[b]!;
    const fill = this.start.slice(0, -1);
    for (let i = 0; i < n; i++) this.members[fill[this.blockOf(xs[i]!, ys[i]!)]!++] = i;
  }

  /**
   * Calls `visit` for each block around (x, y), nearest rings first; after each ring asks `enough`
   * with `reach`, a distance every site in an unvisited block exceeds, and stops when it says so.
   */
  search(x: number, y: number, visit: (block: number) => void, enough: (reach: number) => boolean): void {
    // Unclamped: a point off the grid still lies in its own (empty) block, so ring r bounds the distance.
    const bx = Math.floor((x - this.minX) / this.side);
    const by = Math.floor((y - this.minY) / this.side);
    const rings = Math.max(Math.abs(bx), Math.abs(bx - this.columns + 1), Math.abs(by), Math.abs(by - this.rowsOfBlocks + 1));
    for (let r = 0; r <= rings; r++) {
      for (let row = by - r; row <= by + r; row++) {
        if (row < 0 || row >= this.rowsOfBlocks) continue;
        const step = row === by - r || row === by + r ? 1 : 2 * r;
        for (let column = bx - r; column <= bx + r; column += step) {
          if (column >= 0 && column < this.columns) visit(row * this.columns + column);
        }
      }
      if (enough(r * this.side)) return;
    }
  }

  private blockOf(x: number, y: number): number {
    return Math.floor((y - this.minY) / this.side) * this.columns + Math.floor((x - this.minX) / this.side);
  }
}
