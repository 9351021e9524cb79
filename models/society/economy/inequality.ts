import { blockwise, gini } from '../../../sim/index.js';

const BINS = 1024;
const counts = new Float64Array(BINS);
const sums = new Float64Array(BINS);

/**
 * Gini from 1024 equal-width bins between the minimum and the maximum, O(n): members of a
 * bin count as if ranked in one block at their mean. Close to exact for smooth
 * distributions; used between the exact (sorting) computations.
 */
export function binnedGini(values: ArrayLike<number>, n: number): number {
  if (n === 0) return 0;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return binnedGiniWithin(values, n, low, high);
}

/**
 * `binnedGini` given the minimum and maximum of the first n values, found by a caller that
 * already walks them (as `if (v < low) low = v; if (v > high) high = v;` from ±Infinity).
 */
export function binnedGiniWithin(values: ArrayLike<number>, n: number, low: number, high: number): number {
  if (n === 0 || high === low) return 0;
  counts.fill(0);
  sums.fill(0);
  const scale = (BINS - 1) / (high - low);
  blockwise(n, 0, (from, to) => {
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      const bin = Math.floor((v - low) * scale);
      counts[bin]!++;
      sums[bin]! += v;
    }
    return 0;
  });
  let rank = 0;
  let weighted = 0;
  let total = 0;
  for (let b = 0; b < BINS; b++) {
    const c = counts[b]!;
    if (c === 0) continue;
    // Ranks rank+1 … rank+c share the bin's mean: Σ(2i − n − 1) over them, times the mean.
    const meanRank = rank + (c + 1) / 2;
    weighted += (2 * meanRank - n - 1) * sums[b]!;
    total += sums[b]!;
    rank += c;
  }
  return total === 0 ? 0 : weighted / (n * total);
}

/** The exact Gini every `every` steps (and at step 0), the binned one between. */
export function giniAt(step: number, every: number, values: ArrayLike<number>, n: number): number {
  return step % every === 0 ? gini(values, n) : binnedGini(values, n);
}

/** `giniAt` given the minimum and maximum of the first n values (see `binnedGiniWithin`). */
export function giniWithinAt(step: number, every: number, values: ArrayLike<number>, n: number, low: number, high: number): number {
  return step % every === 0 ? gini(values, n) : binnedGiniWithin(values, n, low, high);
}
