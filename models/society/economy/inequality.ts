import { blockwise, gini } from '../../../sim/index.js';

/** Bins of the binned Gini. */
export const GINI_BINS = 1024;
const BINS = GINI_BINS;
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
  const scale = binScale(low, high);
  blockwise(n, 0, (from, to) => {
    binValues(values, from, to, low, scale, counts, 0, sums, 0);
    return 0;
  });
  return giniOfBins(counts, sums, n);
}

/** What `binValues` multiplies a value's distance from the minimum by to find its bin. */
export function binScale(low: number, high: number): number {
  return (BINS - 1) / (high - low);
}

/**
 * Adds values[from … to−1] into GINI_BINS equal-width bins from `low`: each value's bin gets one
 * more in `counts[countsAt + bin]` and the value in `sums[sumsAt + bin]`. Runs of the list may
 * be binned apart (on several threads) and their bins added up after, run by run.
 */
export function binValues(values: ArrayLike<number>, from: number, to: number, low: number, scale: number, counts: Float64Array, countsAt: number, sums: Float64Array, sumsAt: number): void {
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    const bin = Math.floor((v - low) * scale);
    counts[countsAt + bin]!++;
    sums[sumsAt + bin]! += v;
  }
}

/** The Gini of n values from their bins (GINI_BINS of each): a bin's members ranked in one block at their mean. */
export function giniOfBins(counts: ArrayLike<number>, sums: ArrayLike<number>, n: number): number {
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
