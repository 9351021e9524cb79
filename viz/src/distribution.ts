import { gini, lorenz } from '../../sim/stats.js';
import type { FrameArray } from './frames.js';

/** Equal-width bins: `edges` has one more entry than `counts`. */
export interface Histogram {
  edges: Float64Array;
  counts: Float64Array;
}

/**
 * Counts values into `binCount` equal-width bins from the smallest to the largest value;
 * the largest value falls in the last bin. All-equal input gives one full bin of width 1.
 */
export function histogram(values: ArrayLike<number>, binCount = 20): Histogram {
  const n = values.length;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (n === 0) return { edges: new Float64Array([0, 1]), counts: new Float64Array(1) };
  if (high === low) return { edges: new Float64Array([low, low + 1]), counts: new Float64Array([n]) };
  const width = (high - low) / binCount;
  const edges = Float64Array.from({ length: binCount + 1 }, (_, b) => low + b * width);
  edges[binCount] = high;
  const counts = new Float64Array(binCount);
  for (let i = 0; i < n; i++) counts[Math.min(binCount - 1, Math.floor((values[i]! - low) / width))]!++;
  return { edges, counts };
}

/** What the inequality charts need from one distribution: its Lorenz curve, Gini and histogram. */
export interface DistributionSummary {
  lorenzX: Float64Array;
  lorenzY: Float64Array;
  gini: number;
  histogram: Histogram;
}

/** Summarises a distribution (e.g. wealth per person) in a few hundred numbers, whatever its size. */
export function summariseDistribution(values: ArrayLike<number>, points = 50, bins = 20): DistributionSummary {
  const curve = lorenz(values, points);
  return {
    lorenzX: Float64Array.from(curve, (p) => p.x),
    lorenzY: Float64Array.from(curve, (p) => p.y),
    gini: gini(values),
    histogram: histogram(values, bins),
  };
}

/** The Lorenz curve and histogram a frame carries, if the model has a wealth distribution. */
export function distributionOf(state: Record<string, FrameArray> | undefined) {
  if (!state?.['lorenz.x'] || !state['lorenz.y'] || !state['hist.edges'] || !state['hist.counts']) return undefined;
  const gini = state['lorenz.gini']?.[0] ?? giniOfCurve(state['lorenz.x'], state['lorenz.y']);
  return { lorenzX: state['lorenz.x'], lorenzY: state['lorenz.y'], edges: state['hist.edges'], counts: state['hist.counts'], gini };
}

/** The gini of a Lorenz curve by the trapezoid rule (close to the exact one when the curve is fine). */
export function giniOfCurve(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return 1 - 2 * area;
}

