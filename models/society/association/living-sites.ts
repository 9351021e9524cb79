import type { NearestK } from '../communities/place.js';
import { SiteBlocks } from '../communities/site-blocks.js';
import type { SiteXY } from '../communities/site-columns.js';

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
  private readonly blocks: SiteBlocks;

  /** `columns` holds the same sites' x and y, one entry per site (`Society.sites`). */
  constructor(private readonly sites: readonly SiteOf[], columns: SiteXY) {
    this.blocks = new SiteBlocks(columns.xs, columns.ys);
  }

  /** Offers `best` the living sites nearest (x, y), nearest blocks first, until the rest cannot rank. */
  search(x: number, y: number, best: NearestK): void {
    const { sites, blocks } = this;
    const { start, members } = blocks;
    blocks.search(
      x,
      y,
      (block) => {
        for (let m = start[block]!; m < start[block + 1]!; m++) {
          const site = sites[members[m]!]!;
          if (site.population !== 0) best.offer((site.x - x) ** 2 + (site.y - y) ** 2, members[m]!);
        }
      },
      (reach) => best.worst <= reach * reach,
    );
  }
}
