import { mean, quantile } from '../../sim/stats.js';

/** A mean with its 95% confidence interval (Student's t over replicates). */
export interface Interval {
  mean: number;
  low: number;
  high: number;
  n: number;
}

// Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom.
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** The 97.5% quantile of Student's t (exact table to 30 degrees of freedom, then 1.96 + 2.5/df, within 0.002). */
export function tQuantile975(degrees: number): number {
  if (degrees < 1) return Number.NaN;
  return degrees <= 30 ? T_975[degrees - 1]! : 1.96 + 2.5 / degrees;
}

/** The mean of finite values and its 95% t-interval (NaN bounds with fewer than 2 values). */
export function meanInterval(values: number[]): Interval {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  const average = n ? mean(finite) : Number.NaN;
  if (n < 2) return { mean: average, low: Number.NaN, high: Number.NaN, n };
  const variance = finite.reduce((total, value) => total + (value - average) ** 2, 0) / (n - 1);
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { mean: average, low: average - half, high: average + half, n };
}

/** B − A over pairs run with the same seed: the mean difference and its 95% interval. */
export function pairedDifference(a: number[], b: number[]): Interval {
  return meanInterval(a.map((value, i) => b[i]! - value));
}

/** Per step: the median and the 10% and 90% quantiles over replicates (series of equal length). */
export function band(series: ArrayLike<number>[]): { median: number; low: number; high: number }[] {
  const steps = Math.min(...series.map((values) => values.length));
  return Array.from({ length: Number.isFinite(steps) ? steps : 0 }, (_, step) => {
    const values = series.map((values) => values[step]!).filter(Number.isFinite);
    return { median: quantile(values, 0.5), low: quantile(values, 0.1), high: quantile(values, 0.9) };
  });
}
