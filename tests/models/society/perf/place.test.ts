import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { BlockSampler, drawSites, nearestPartners, NearestK } from '../../../../models/society/communities/place.js';
import type { Land } from '../../../../models/society/land/land.js';

/** The partners as first written: every other site as a tuple, all sorted (distance, then index). */
function referencePartners(xs: ArrayLike<number>, ys: ArrayLike<number>, k: number): number[][] {
  const out: number[][] = [];
  for (let c = 0; c < xs.length; c++) {
    const others: [number, number][] = [];
    for (let d = 0; d < xs.length; d++) if (d !== c) others.push([(xs[c]! - xs[d]!) ** 2 + (ys[c]! - ys[d]!) ** 2, d]);
    others.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    out.push(others.slice(0, k).map(([, d]) => d));
  }
  return out;
}

/** The sites as first written: `Rng.weightedIndex` over every cell for every site. */
function referenceSites(land: Land, count: number, rng: Rng): Int32Array {
  const weights = new Float64Array(land.fertility.length);
  for (let i = 0; i < weights.length; i++) weights[i] = land.fertility[i]! * (0.2 + land.water[i]!) ** 2;
  const sites = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let cell = rng.weightedIndex(weights);
    if (cell < 0) cell = rng.int(weights.length);
    sites[c] = cell;
    weights[cell] = 0;
  }
  return sites;
}

/** `Rng.weightedIndex`'s arithmetic for a given uniform number. */
function referenceIndex(weights: Float64Array, u: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  let target = u * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i]!;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

/** Random sites on a small map, so that equal distances (ties) are common; some share a cell. */
function randomSites(rng: Rng, n: number, side: number): { xs: Int32Array; ys: Int32Array } {
  const xs = Int32Array.from({ length: n }, () => rng.int(side));
  const ys = Int32Array.from({ length: n }, () => rng.int(side));
  return { xs, ys };
}

/** A land whose weights mix zeros, tiny and ordinary values (only fertility and water are read). */
function randomLand(rng: Rng, cells: number): Land {
  const kind = () => rng.next();
  const fertility = Float32Array.from({ length: cells }, () => {
    const r = kind();
    return r < 0.2 ? 0 : r < 0.3 ? 1e-30 * rng.next() : r < 0.4 ? 1 : rng.next();
  });
  const water = Float32Array.from({ length: cells }, () => (rng.next() < 0.3 ? 0 : rng.next()));
  return { fertility, water } as unknown as Land;
}

describe('nearestPartners on a grid of sites', () => {
  it('gives the same partners, in the same order, as sorting every pair', () => {
    const rng = new Rng('partners');
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.int(trial < 150 ? 60 : 400);
      const side = 1 + rng.int(trial % 3 === 0 ? 6 : 200);
      const k = rng.int(8);
      const { xs, ys } = randomSites(rng, n, side);
      expect(nearestPartners(xs, ys, k), `trial ${trial}`).toEqual(referencePartners(xs, ys, k));
    }
  });

  it('handles sites strung along a line and far-flung outliers', () => {
    const xs = [0, 1, 2, 3, 1000, 1001, 5000, 0, 0];
    const ys = [0, 0, 0, 0, 0, 0, 4000, 3000, 1];
    for (const k of [0, 1, 3, 8, 20]) expect(nearestPartners(xs, ys, k)).toEqual(referencePartners(xs, ys, k));
  });
});

describe('NearestK', () => {
  it('keeps the k best pairs by distance then id, whatever order they are offered in', () => {
    const rng = new Rng('nearest-k');
    for (let trial = 0; trial < 300; trial++) {
      const k = rng.int(6);
      const pairs = Array.from({ length: rng.int(40) }, (_, id) => [rng.int(10), id] as [number, number]);
      const best = new NearestK(k);
      for (const [d, id] of rng.shuffle([...pairs])) best.offer(d, id);
      const expected = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, k).map(([, id]) => id);
      expect(best.ids.slice(0, best.count)).toEqual(expected);
    }
  });
});

describe('drawSites with block sums', () => {
  it('draws the same sites from the same stream as scanning every cell', () => {
    const rng = new Rng('sites');
    for (let trial = 0; trial < 40; trial++) {
      const cells = 1 + rng.int(trial < 30 ? 400 : 5000);
      const land = randomLand(rng, cells);
      const count = Math.min(cells, 1 + rng.int(60));
      const [a, b] = [new Rng(`draw-${trial}`), new Rng(`draw-${trial}`)];
      expect(Array.from(drawSites(land, count, a)), `trial ${trial}`).toEqual(Array.from(referenceSites(land, count, b)));
      expect(a.next()).toBe(b.next());
    }
  });

  it('falls back to the exact scan for a target on or next to a cell boundary', () => {
    const rng = new Rng('boundaries');
    for (let trial = 0; trial < 20; trial++) {
      const weights = Float64Array.from({ length: 50 + rng.int(500) }, () => (rng.next() < 0.3 ? 0 : rng.next() < 0.2 ? 1e-17 : rng.next()));
      let total = 0;
      for (const w of weights) total += w;
      let prefix = 0;
      for (let i = 0; i < weights.length; i += 1 + rng.int(7)) {
        prefix += weights[i]!;
        for (const u of [prefix / total, (prefix / total) * (1 - 2 ** -52), (prefix / total) * (1 + 2 ** -52)]) {
          if (!(u < 1)) continue;
          const fixed = { next: () => u } as unknown as Rng;
          expect(new BlockSampler(Float64Array.from(weights)).draw(fixed), `u ${u}`).toBe(referenceIndex(weights, u));
        }
      }
    }
  });
});
