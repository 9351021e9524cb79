/** A community's site, as `OlderSites` reads it. */
export interface Site {
  x: number;
  y: number;
}

/**
 * Community sites bucketed in square blocks (about two a block) to find, for a new community,
 * the nearest older one (lower index) without a pass over all of them. Returns what
 * `nearestOlder` returns: among the older sites at the least squared distance, the first
 * by index whose `Math.hypot` distance is least (distinct squared distances of cell
 * coordinates differ far more than hypot's rounding, so only exact ties need hypot).
 */
export class OlderSites {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly side: number;
  private readonly columns: number;
  private readonly rowsOfBlocks: number;
  private readonly start: Int32Array;
  private readonly members: Int32Array;
  private readonly ties: number[] = [];

  constructor(sites: readonly Site[]) {
    const n = sites.length;
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = sites[i]!.x, y = sites[i]!.y;
      this.xs[i] = x;
      this.ys[i] = y;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
    if (n === 0) minX = minY = maxX = maxY = 0;
    this.minX = minX;
    this.minY = minY;
    this.side = Math.max(1, Math.ceil(Math.sqrt((2 * (maxX - minX + 1) * (maxY - minY + 1)) / Math.max(1, n))));
    this.columns = Math.floor((maxX - minX) / this.side) + 1;
    this.rowsOfBlocks = Math.floor((maxY - minY) / this.side) + 1;
    this.start = new Int32Array(this.columns * this.rowsOfBlocks + 1);
    this.members = new Int32Array(n);
    for (let i = 0; i < n; i++) this.start[this.blockOf(i) + 1]!++;
    for (let b = 0; b < this.columns * this.rowsOfBlocks; b++) this.start[b + 1]! += this.start[b]!;
    const fill = this.start.slice(0, -1);
    for (let i = 0; i < n; i++) this.members[fill[this.blockOf(i)]!++] = i;
  }

  /** The nearest site older than `id` (0 when there is none). */
  nearest(id: number): number {
    if (id <= 0) return 0;
    const ties = this.ties;
    ties.length = 0;
    let bestSquared = Infinity;
    const bx = this.column(id), by = this.row(id);
    const rings = Math.max(this.columns, this.rowsOfBlocks);
    for (let r = 0; r <= rings; r++) {
      for (let y = by - r; y <= by + r; y++) {
        if (y < 0 || y >= this.rowsOfBlocks) continue;
        const step = y === by - r || y === by + r ? 1 : 2 * r;
        for (let x = bx - r; x <= bx + r; x += step) {
          if (x >= 0 && x < this.columns) bestSquared = this.scanBlock(id, y * this.columns + x, bestSquared);
        }
      }
      // Sites in unvisited blocks lie more than r block sides away along x or y.
      const reach = r * this.side;
      if (bestSquared <= reach * reach) break;
    }
    return this.firstByHypot(id);
  }

  /** Offers the block's older sites; keeps those at the least squared distance so far. */
  private scanBlock(id: number, block: number, bestSquared: number): number {
    const { xs, ys, members, ties } = this;
    const x = xs[id]!, y = ys[id]!;
    for (let m = this.start[block]!; m < this.start[block + 1]!; m++) {
      const other = members[m]!;
      if (other >= id) continue;
      const squared = (xs[other]! - x) ** 2 + (ys[other]! - y) ** 2;
      if (squared > bestSquared) continue;
      if (squared < bestSquared) {
        ties.length = 0;
        bestSquared = squared;
      }
      ties.push(other);
    }
    return bestSquared;
  }

  /** Among the tied sites, in index order, the first with the least `Math.hypot` distance. */
  private firstByHypot(id: number): number {
    const { xs, ys, ties } = this;
    if (ties.length > 1) ties.sort((a, b) => a - b);
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < ties.length; i++) {
      const d = Math.hypot(xs[ties[i]!]! - xs[id]!, ys[ties[i]!]! - ys[id]!);
      if (d < bestDistance) {
        best = ties[i]!;
        bestDistance = d;
      }
    }
    return best;
  }

  private blockOf(i: number): number {
    return this.row(i) * this.columns + this.column(i);
  }

  private column(i: number): number {
    return Math.min(this.columns - 1, Math.floor((this.xs[i]! - this.minX) / this.side));
  }

  private row(i: number): number {
    return Math.min(this.rowsOfBlocks - 1, Math.floor((this.ys[i]! - this.minY) / this.side));
  }
}
