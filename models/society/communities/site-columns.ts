/** A community's site as the columns read it. */
export interface Site {
  x: number;
  y: number;
}

/** Two columns of sites, as long as the communities they were read from. */
export interface SiteXY {
  xs: Float64Array;
  ys: Float64Array;
}

/**
 * Every community's site as two columns, kept by the society for the searches that bucket sites
 * in blocks (a new community's knowledge parent, a split's nearest living neighbours). A site
 * never moves and communities are only ever appended, so each call reads only the communities
 * founded since the last: a month no longer walks every community object (some 12,000 at a
 * million persons) to build the columns again.
 */
export class SiteColumns {
  private x = new Float64Array(0);
  private y = new Float64Array(0);
  private read = 0;

  /** The sites of communities [0, communities.length), from the same growing list on every call. */
  of(communities: readonly Site[]): SiteXY {
    const n = communities.length;
    if (n > this.x.length) {
      const size = Math.ceil(n * 1.25);
      const x = new Float64Array(size), y = new Float64Array(size);
      x.set(this.x.subarray(0, this.read));
      y.set(this.y.subarray(0, this.read));
      this.x = x;
      this.y = y;
    }
    for (let c = this.read; c < n; c++) {
      this.x[c] = communities[c]!.x;
      this.y[c] = communities[c]!.y;
    }
    if (n > this.read) this.read = n;
    return { xs: this.x.subarray(0, n), ys: this.y.subarray(0, n) };
  }
}

/** Columns read afresh from a list of sites (for a list the society does not keep, e.g. in tests). */
export function siteXY(sites: readonly Site[]): SiteXY {
  return new SiteColumns().of(sites);
}
