import type { Rng } from '../../../sim/index.js';
import type { Land } from '../land/land.js';

/**
 * Community sizes: lognormal draws scaled to the population by largest remainders, each
 * at least 2. Deterministic given the stream.
 */
export function drawSizes(population: number, count: number, spread: number, rng: Rng): Int32Array {
  const raw = Float64Array.from({ length: count }, () => rng.lognormal(0, spread));
  let total = 0;
  for (const r of raw) total += r;
  const sizes = new Int32Array(count);
  const spare = population - 2 * count;
  if (spare < 0) throw new Error(`population ${population} is too small for ${count} communities (2 each at least)`);
  const remainders: [number, number][] = [];
  let assigned = 0;
  for (let c = 0; c < count; c++) {
    const exact = (raw[c]! / total) * spare;
    sizes[c] = 2 + Math.floor(exact);
    assigned += Math.floor(exact);
    remainders.push([exact - Math.floor(exact), c]);
  }
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < spare - assigned; k++) sizes[remainders[k]![1]]!++;
  return sizes;
}

/** Community sites: distinct cells drawn with weight fertility × water (people settle by rivers). */
export function drawSites(land: Land, count: number, rng: Rng): Int32Array {
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

/**
 * Gives each community the free cells nearest its site, in proportion to its size
 * (usufruct: a cell has one user). Larger sizes first so big towns are not starved by
 * the order of the list; ties by index.
 */
export function claimCells(land: Land, sites: Int32Array, sizes: Int32Array, cellsPerCommunity: number): Int32Array[] {
  const count = sites.length;
  let mean = 0;
  for (const s of sizes) mean += s / count;
  const order = Array.from({ length: count }, (_, c) => c).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const claimed: Int32Array[] = new Array(count);
  for (const c of order) {
    const want = Math.max(1, Math.round((cellsPerCommunity * sizes[c]!) / mean));
    claimed[c] = nearestFree(land, sites[c]!, want, c);
  }
  return claimed;
}

/** Claims up to `want` free cells nearest a site for `user` (usufruct: one user per cell). */
export function nearestFree(land: Land, site: number, want: number, user: number): Int32Array {
  const { width, height } = land;
  const sx = site % width;
  const sy = Math.floor(site / width);
  const picked: number[] = [];
  for (let radius = 0; picked.length < want && radius <= Math.max(width, height); radius++) {
    const ring: [number, number][] = [];
    for (let y = sy - radius; y <= sy + radius; y++) {
      for (let x = sx - radius; x <= sx + radius; x++) {
        if (Math.max(Math.abs(x - sx), Math.abs(y - sy)) !== radius || x < 0 || y < 0 || x >= width || y >= height) continue;
        const cell = y * width + x;
        if (land.user[cell] === -1) ring.push([(x - sx) ** 2 + (y - sy) ** 2, cell]);
      }
    }
    ring.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [, cell] of ring) {
      if (picked.length >= want) break;
      land.user[cell] = user;
      picked.push(cell);
    }
  }
  return Int32Array.from(picked);
}

/** Each community's nearest k others by distance (ties by index): its trade partners. */
export function nearestPartners(xs: ArrayLike<number>, ys: ArrayLike<number>, k: number): number[][] {
  const n = xs.length;
  const out: number[][] = [];
  for (let c = 0; c < n; c++) {
    const others: [number, number][] = [];
    for (let d = 0; d < n; d++) if (d !== c) others.push([(xs[c]! - xs[d]!) ** 2 + (ys[c]! - ys[d]!) ** 2, d]);
    others.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    out.push(others.slice(0, k).map(([, d]) => d));
  }
  return out;
}
