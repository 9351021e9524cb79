import { Rng } from '../../sim/rng.js';
import { mean, quantile } from '../../sim/stats.js';

/** Model outputs on a Saltelli design: f(A), f(B) and, per parameter j, f(A with column j from B), row by row. */
export interface SaltelliOutputs {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  ab: ArrayLike<number>[];
}

/** An estimate with its bootstrap interval. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** One parameter's Sobol indices: first order (its own share of the variance) and total (with all its interactions). */
export interface SobolIndices {
  first: Estimate;
  total: Estimate;
}

/** Options for the bootstrap intervals. */
export interface BootstrapOptions {
  /** Resamples of the rows (default 500). */
  resamples?: number;
  /** Width of the interval (default 0.95). */
  level?: number;
  /** Seed of the resampling stream (default 1). */
  seed?: number;
}

/**
 * First-order indices by Saltelli et al. (2010), S_j = E[f_B (f_ABj − f_A)] / V, and total indices by
 * Jansen (1999), ST_j = E[(f_A − f_ABj)²] / 2V, with V the variance of f_A and f_B pooled
 * (outputs centred on their pooled mean first).
 * Intervals are bootstrap percentiles over resampled rows.
 */
export function sobolIndices(outputs: SaltelliOutputs, options: BootstrapOptions = {}): SobolIndices[] {
  const rows = outputs.a.length;
  const all = Array.from({ length: rows }, (_, i) => i);
  const point = outputs.ab.map((_, j) => estimateAt(outputs, j, all));
  const draws = bootstrap(rows, options, (sample) => outputs.ab.map((_, j) => estimateAt(outputs, j, sample)));
  return point.map((estimate, j) => ({
    first: interval(estimate.first, draws.map((draw) => draw[j]!.first), options.level),
    total: interval(estimate.total, draws.map((draw) => draw[j]!.total), options.level),
  }));
}

function estimateAt(outputs: SaltelliOutputs, j: number, rows: number[]): { first: number; total: number } {
  const ab = outputs.ab[j]!;
  const pooled = new Float64Array(rows.length * 2);
  rows.forEach((i, k) => {
    pooled[2 * k] = outputs.a[i]!;
    pooled[2 * k + 1] = outputs.b[i]!;
  });
  // Centring on the pooled mean leaves the estimators' expectations as they are and cuts their
  // variance a great deal when the output's mean is large against its spread.
  const centre = mean(pooled);
  let firstSum = 0;
  let totalSum = 0;
  for (const i of rows) {
    const fa = outputs.a[i]! - centre;
    const fb = outputs.b[i]! - centre;
    const fab = ab[i]! - centre;
    firstSum += fb * (fab - fa);
    totalSum += (fa - fab) ** 2;
  }
  const variance = populationVariance(pooled);
  return { first: firstSum / rows.length / variance, total: totalSum / (2 * rows.length) / variance };
}

/** One-at-a-time elasticities from the design's radial pairs (A and A-with-j-from-B differ in j alone). */
export interface ElasticityInput {
  outputs: SaltelliOutputs;
  /** x_A[j][i] and x_B[j][i]: parameter j's value in row i of A and of B. */
  a: ArrayLike<number>[];
  b: ArrayLike<number>[];
}

/**
 * Mean arc elasticity of the output to each parameter: (Δf / mean f) / (Δx / mean x) over rows where
 * both means are non-zero and x moved — the percentage change in the output per percentage change in one input.
 */
export function elasticities(input: ElasticityInput, options: BootstrapOptions = {}): Estimate[] {
  const rows = input.outputs.a.length;
  const perRow = input.outputs.ab.map((ab, j) =>
    Array.from({ length: rows }, (_, i) => arcElasticity(input.outputs.a[i]!, ab[i]!, input.a[j]![i]!, input.b[j]![i]!)),
  );
  const meanOver = (values: number[], sample: number[]) => finiteMean(sample.map((i) => values[i]!));
  const all = Array.from({ length: rows }, (_, i) => i);
  const draws = bootstrap(rows, options, (sample) => perRow.map((values) => meanOver(values, sample)));
  return perRow.map((values, j) => interval(meanOver(values, all), draws.map((draw) => draw[j]!), options.level));
}

function arcElasticity(f0: number, f1: number, x0: number, x1: number): number {
  const meanF = (f0 + f1) / 2;
  const meanX = (x0 + x1) / 2;
  if (meanF === 0 || meanX === 0 || x1 === x0) return Number.NaN;
  return ((f1 - f0) / meanF) / ((x1 - x0) / meanX);
}

function finiteMean(values: number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length ? mean(finite) : Number.NaN;
}

function bootstrap<T>(rows: number, options: BootstrapOptions, estimate: (sample: number[]) => T): T[] {
  const rng = new Rng(`bootstrap/${options.seed ?? 1}`);
  return Array.from({ length: options.resamples ?? 500 }, () => estimate(Array.from({ length: rows }, () => rng.int(rows))));
}

function interval(value: number, draws: number[], level = 0.95): Estimate {
  const finite = draws.filter(Number.isFinite);
  const tail = (1 - level) / 2;
  return { value, low: quantile(finite, tail), high: quantile(finite, 1 - tail) };
}

function populationVariance(values: Float64Array): number {
  const average = mean(values);
  let total = 0;
  for (const value of values) total += (value - average) ** 2;
  return total / values.length;
}
