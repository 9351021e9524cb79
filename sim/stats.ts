import { sortFloat64 } from './radix-sort.js';
import { blockwise } from './table.js';

/** Sum of an array-like of numbers. */
export function sum(values: ArrayLike<number>, n = values.length): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i]!;
  return total;
}

/** Mean of the first n values (NaN when n is 0). */
export function mean(values: ArrayLike<number>, n = values.length): number {
  return n === 0 ? Number.NaN : sum(values, n) / n;
}

/** Reused by `gini`: sorting a fresh copy every call made garbage the size of the input. */
let sortScratch = new Float64Array(0);

/** The first n values copied into the shared scratch and sorted ascending (a view; valid until the next call). */
function sortedCopy(values: ArrayLike<number>, n: number): Float64Array {
  if (sortScratch.length < n) sortScratch = new Float64Array(Math.ceil(n * 1.25));
  const sorted = sortScratch.subarray(0, n);
  if (values instanceof Float64Array) sorted.set(values.subarray(0, n));
  else for (let i = 0; i < n; i++) sorted[i] = values[i]!;
  return sortFloat64(sorted);
}

/**
 * Exact Gini coefficient of the first n values (sorts a copy: O(n log n)). Negative values
 * are allowed (debts); the result is then not bounded by 1. 0 for empty or all-zero input.
 */
export function gini(values: ArrayLike<number>, n = values.length): number {
  if (n === 0) return 0;
  return giniOfSorted(sortedCopy(values, n), n);
}

/**
 * `gini` of the first n values, sorting them where they are instead of a copy (the same sort,
 * so the same number, bit for bit): for a caller whose values are scratch, it saves a copy
 * the size of the input. The first n values are left in ascending order.
 */
export function giniInPlace(values: Float64Array, n = values.length): number {
  if (n === 0) return 0;
  return giniOfSorted(sortFloat64(values.subarray(0, n)), n);
}

/** Σ(2i − n − 1)·xᵢ / (n Σxᵢ) over ascending values, added in rank order. */
function giniOfSorted(sorted: Float64Array, n: number): number {
  // In blocks (see `blockwise`), both sums carried from block to block in `ranked`.
  ranked[0] = 0;
  ranked[1] = 0;
  blockwise(n, 0, (from, to) => {
    let weighted = ranked[0]!;
    let total = ranked[1]!;
    for (let i = from; i < to; i++) {
      weighted += (2 * (i + 1) - n - 1) * sorted[i]!;
      total += sorted[i]!;
    }
    ranked[0] = weighted;
    ranked[1] = total;
    return 0;
  });
  const total = ranked[1]!;
  return total === 0 ? 0 : ranked[0]! / (n * total);
}

/** Σ(2i − n − 1)·xᵢ and Σxᵢ, carried between `giniOfSorted`'s blocks. */
const ranked = new Float64Array(2);

/** The q-quantile (0..1) of the first n values, by linear interpolation. */
export function quantile(values: ArrayLike<number>, q: number, n = values.length): number {
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from({ length: n }, (_, i) => values[i]!).sort();
  const position = q * (n - 1);
  const low = Math.floor(position);
  const high = Math.min(n - 1, low + 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** Points of the Lorenz curve (population share, value share), `points` + 1 of them. */
export function lorenz(values: ArrayLike<number>, points = 100): { x: number; y: number }[] {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const total = sum(sorted);
  const curve = [{ x: 0, y: 0 }];
  let cumulative = 0;
  let index = 0;
  for (let p = 1; p <= points; p++) {
    const upTo = Math.round((p / points) * n);
    while (index < upTo) cumulative += sorted[index++]!;
    curve.push({ x: p / points, y: total === 0 ? p / points : cumulative / total });
  }
  return curve;
}
