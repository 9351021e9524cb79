import { SiteBlocks } from '../communities/site-blocks.js';
import type { SiteXY } from '../communities/site-columns.js';

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
  private readonly blocks: SiteBlocks;
  private readonly ties: number[] = [];

  /** Over the sites' columns (`Society.sites`), one entry per community. */
  constructor({ xs, ys }: SiteXY) {
    this.xs = xs;
    this.ys = ys;
    this.blocks = new SiteBlocks(xs, ys);
  }

  /** The nearest site older than `id` (0 when there is none). */
  nearest(id: number): number {
    if (id <= 0) return 0;
    const { xs, ys, ties, blocks } = this;
    const { start, members } = blocks;
    const x = xs[id]!, y = ys[id]!;
    ties.length = 0;
    let bestSquared = Infinity;
    // Keeps the older sites at the least squared distance so far.
    const visit = (block: number): void => {
      for (let m = start[block]!; m < start[block + 1]!; m++) {
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
    };
    blocks.search(x, y, visit, (reach) => bestSquared <= reach * reach);
    return this.firstByHypot(id);
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
}
