import type { Rng } from '../../../sim/index.js';
import type { Land } from '../land/land.js';
import { SiteBlocks } from './site-blocks.js';

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

/**
 * Community sites: distinct cells drawn with weight fertility × water (people settle by rivers).
 * Each draw picks exactly the cell `Rng.weightedIndex` would pick from the whole array (see
 * `BlockSampler`), without summing every cell for every site.
 */
export function drawSites(land: Land, count: number, rng: Rng): Int32Array {
  const weights = new Float64Array(land.fertility.length);
  for (let i = 0; i < weights.length; i++) weights[i] = land.fertility[i]! * (0.2 + land.water[i]!) ** 2;
  const sampler = new BlockSampler(weights);
  const sites = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let cell = sampler.draw(rng);
    if (cell < 0) cell = rng.int(weights.length);
    sites[c] = cell;
    sampler.clear(cell);
  }
  return sites;
}

/**
 * Weighted draws without replacement that reproduce `Rng.weightedIndex` bit for bit. That
 * method sums all weights, then subtracts them one by one from `u × total` until the
 * remainder goes negative, rounding at every step. Here block sums locate the cell in
 * O(√n); the rounding of the one-by-one scan moves the answer only when the target lies
 * within `margin` of a cell boundary (a bound on the scan's accumulated rounding), and then
 * the draw is redone exactly as `weightedIndex` does it, with the same uniform number.
 */
export class BlockSampler {
  private readonly size: number;
  private readonly sums: Float64Array;

  constructor(private readonly weights: Float64Array) {
    this.size = Math.max(16, Math.ceil(Math.sqrt(weights.length)));
    this.sums = new Float64Array(Math.ceil(weights.length / this.size));
    for (let b = 0; b < this.sums.length; b++) this.resum(b);
  }

  /** A weighted index, as `rng.weightedIndex(weights)` would draw it; -1 when all are 0. */
  draw(rng: Rng): number {
    let total = 0;
    for (let b = 0; b < this.sums.length; b++) total += this.sums[b]!;
    if (!(total > 0) || !Number.isFinite(total)) return rng.weightedIndex(this.weights);
    const u = rng.next();
    const target = u * total;
    // 4n rounding units of the total bound both scans' error (sequential sums of n terms).
    const margin = 16 * this.weights.length * 2 ** -53 * total;
    const found = this.locate(target, margin);
    return found >= 0 ? found : exactScan(this.weights, u);
  }

  /** Sets a weight to 0 (a drawn cell leaves the pool). */
  clear(index: number): void {
    this.weights[index] = 0;
    this.resum(Math.floor(index / this.size));
  }

  /** The first index whose cumulative weight passes the target, or -1 when too near a boundary. */
  private locate(target: number, margin: number): number {
    let before = 0;
    let b = 0;
    while (b < this.sums.length - 1 && before + this.sums[b]! <= target) before += this.sums[b++]!;
    const end = Math.min(this.weights.length, (b + 1) * this.size);
    for (let i = b * this.size; i < end; i++) {
      const after = before + this.weights[i]!;
      if (after > target) return target - before > margin && after - target > margin ? i : -1;
      before = after;
    }
    return -1;
  }

  private resum(block: number): void {
    let sum = 0;
    const end = Math.min(this.weights.length, (block + 1) * this.size);
    for (let i = block * this.size; i < end; i++) sum += this.weights[i]!;
    this.sums[block] = sum;
  }
}

/** `Rng.weightedIndex`'s arithmetic, given its uniform number (the stream has been drawn). */
function exactScan(weights: Float64Array, u: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  let target = u * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i]!;
    if (target < 0) return i;
  }
  return weights.length - 1;
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
  const grid = new SiteGrid(xs, ys);
  const best = new NearestK(k);
  const out: number[][] = [];
  for (let c = 0; c < xs.length; c++) {
    best.reset();
    grid.search(c, best);
    out.push(best.ids.slice(0, best.count));
  }
  return out;
}

/**
 * The k smallest (distance, id) pairs offered so far, in order — distance first, then id, as a
 * sort by both would give them; independent of the order they are offered in.
 */
export class NearestK {
  readonly ids: number[] = [];
  readonly distances: number[] = [];
  count = 0;

  constructor(readonly k: number) {}

  /** Forgets every pair offered. */
  reset(): void {
    this.count = 0;
  }

  /** The k-th smallest distance so far (Infinity until k pairs are kept). */
  get worst(): number {
    if (this.k <= 0) return -Infinity;
    return this.count < this.k ? Infinity : this.distances[this.k - 1]!;
  }

  /** Offers a pair; it is kept if it ranks among the k best. */
  offer(distance: number, id: number): void {
    let at = this.count;
    while (at > 0 && (this.distances[at - 1]! > distance || (this.distances[at - 1] === distance && this.ids[at - 1]! > id))) at--;
    if (at >= this.k) return;
    if (this.count < this.k) this.count++;
    for (let i = this.count - 1; i > at; i--) {
      this.distances[i] = this.distances[i - 1]!;
      this.ids[i] = this.ids[i - 1]!;
    }
    this.distances[at] = distance;
    this.ids[at] = id;
  }
}

/** Every site's k nearest others, searched ring by ring over blocks of sites. */
class SiteGrid {
  private readonly blocks: SiteBlocks;

  constructor(private readonly xs: ArrayLike<number>, private readonly ys: ArrayLike<number>) {
    this.blocks = new SiteBlocks(xs, ys);
  }

  /** Offers `best` every other site, nearest blocks first, stopping once the rest cannot rank. */
  search(c: number, best: NearestK): void {
    const { xs, ys, blocks } = this;
    const { start, members } = blocks;
    blocks.search(
      xs[c]!,
      ys[c]!,
      (block) => {
        for (let m = start[block]!; m < start[block + 1]!; m++) {
          const d = members[m]!;
          if (d !== c) best.offer((xs[c]! - xs[d]!) ** 2 + (ys[c]! - ys[d]!) ** 2, d);
        }
      },
      (reach) => best.worst < reach * reach,
    );
  }
}
