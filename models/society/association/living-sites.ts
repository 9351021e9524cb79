import type { NearestK } from '../communities/place.js';

/** A community as `LivingSites` reads it: its site, and whether anyone lives there (read at each search). */
export interface SiteOf {
  x: number;
  y: number;
  population: number;
}

/**
 * Community sites bucketed in square blocks (about two a block), to offer a new community's
 * nearest living neighbours to a `NearestK` ring by ring instead of offering every community.
 * `NearestK` keeps the k smallest (squared distance, id) pairs whatever the order of offers,
 * so the partners are those of a scan over all; populations are read when searched.
 */
export class LivingSites {
  private readonly minX: number;
  private readonly minY: number;
  private readonly side: number;
  private readonly columns: number;
  private readonly rowsOfBlocks: number;
  private readonly start: Int32Array;
  private readonly members: Int32Array;

  constructor(private readonly sites: readonly SiteOf[]) {
    const n = sites.length;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, sites[i]!.x);
      minY = Math.min(minY, sites[i]!.y);
      maxX = Math.max(maxX, sites[i]!.x);
      maxY = Math.max(maxY, sites[i]!.y);
    }
    if (n === 0) minX = minY = maxX = maxY = 0;
    this.minX = minX;
    this.minY = minY;
    this.side = Math.max(1, Math.ceil(Math.sqrt((2 * (maxX - minX + 1) * (maxY - minY + 1)) / Math.max(1, n))));
    this.columns = Math.floor((maxX - minX) / this.side) + 1;
    this.rowsOfBlocks = Math.floor((maxY - minY) / this.side) + 1;
    this.start = new Int32Array(this.columns * this.rowsOfBlocks + 1);
    this.members = new Int32Array(n);
    for (let i = 0; i < n; i++) this.start[this.blockOf(sites[i]!.x, sites[i]!.y) + 1]!++;
    for (let b = 0; b < this.columns * this.rowsOfBlocks; b++) this.start[b + 1]! += this.start[b]!;
    const fill = this.start.slice(0, -1);
    for (let i = 0; i < n; i++) this.members[fill[this.blockOf(sites[i]!.x, sites[i]!.y)]!++] = i;
  }

  /** Offers `best` the living sites nearest (x, y), nearest blocks first, until the rest cannot rank. */
  search(x: number, y: number, best: NearestK): void {
    // Unclamped: a point off the grid still lies in its own (empty) block, so ring r bounds the distance.
    const bx = Math.floor((x - this.minX) / this.side);
    const by = Math.floor((y - this.minY) / this.side);
    const rings = Math.max(Math.abs(bx), Math.abs(bx - this.columns + 1), Math.abs(by), Math.abs(by - this.rowsOfBlocks + 1));
    for (let r = 0; r <= rings; r++) {
      for (let row = by - r; row <= by + r; row++) {
        if (row < 0 || row >= this.rowsOfBlocks) continue;
        const step = row === by - r || row === by + r ? 1 : 2 * r;
        for (let column = bx - r; column <= bx + r; column += step) {
          if (column >= 0 && column < this.columns) this.offerBlock(x, y, row * this.columns + column, best);
        }
      }
      // Sites in unvisited blocks lie more than r block sides away along x or y.
      const reach = r * this.side;
      if (best.worst <= reach * reach) return;
    }
  }

  private offerBlock(x: number, y: number, block: number, best: NearestK): void {
    const { sites, members } = this;
    for (let m = this.start[block]!; m < this.start[block + 1]!; m++) {
      const site = sites[members[m]!]!;
      if (site.population === 0) continue;
      best.offer((site.x - x) ** 2 + (site.y - y) ** 2, members[m]!);
    }
  }

  private blockOf(x: number, y: number): number {
    return Math.floor((y - this.minY) / this.side) * this.columns + Math.floor((x - this.minX) / this.side);
  }
}
