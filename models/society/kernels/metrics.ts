import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { binValues, GINI_BINS } from '../economy/inequality.js';
import type { SocietyParams } from '../params.js';
import { personView, type PersonView } from './person-view.js';

/**
 * The metrics' per-person work, one community at a time (metrics.ts adds the communities'
 * results up in community order). `metrics.values` is the metrics' per-person buffer, indexed by
 * member place; `metrics.prices` holds each community's prices.
 */

/** metrics.prices, per community: what a unit of food and of manufactures is worth there. */
export const METRIC_PRICES = { stride: 2, food: 0, manufactures: 1 } as const;

/** metrics.personsOut, per community: its members' sums, counts and extremes. */
export const METRIC_SUMS = {
  stride: 18,
  /** Net worth (goods at the community's prices plus credit), debts included. */
  wealth: 0,
  /** Net worth floored at zero. */
  positiveWealth: 1,
  debtors: 2,
  maxWealth: 3,
  /** Members whose needs were not all met. */
  poor: 4,
  welfare: 5,
  /** Effort of the working-age, and their number. */
  effort: 6,
  workers: 7,
  adults: 8,
  adultIncome: 9,
  norm: 10,
  /** Persons' debts (credit below zero, as a positive sum). */
  owed: 11,
  wealthLow: 12,
  wealthHigh: 13,
  incomeLow: 14,
  incomeHigh: 15,
  goodsLow: 16,
  goodsHigh: 17,
} as const;

type MetricsView = PersonView & { values: Float64Array; prices: Float64Array; sums: Float64Array };

/** The columns and the metrics' arrays, typed; rebuilt only when the scope's arrays were replaced. */
const view = cachedView((scope: KernelScope): MetricsView => {
  const a = scope.arrays;
  return Object.assign(personView(scope), { values: a['metrics.values'] as Float64Array, prices: a['metrics.prices'] as Float64Array, sums: a['metrics.personsOut'] as Float64Array });
});

/**
 * The pass over a community's members, in member order: its sums for the means and shares, its
 * persons' debts and the extremes of wealth, income and goods (for the binned Ginis); leaves each
 * member's income per adult-equivalent in `metrics.values` at their member place.
 */
export const metricsPersons: Kernel = {
  name: 'metrics.persons',
  streams: [],
  run(scope, c) {
    const v = view(scope);
    const { adultAge, retirementAge } = scope.params as unknown as SocietyParams;
    const { rows, food, manufactures, credit, age, income, needsMet, utility, civicNorm, effort: effortOf, values } = v;
    const priceFood = v.prices[c * METRIC_PRICES.stride + METRIC_PRICES.food]!;
    const priceManufactures = v.prices[c * METRIC_PRICES.stride + METRIC_PRICES.manufactures]!;
    let totalWealth = 0, positiveWealth = 0, debtors = 0, maxWealth = -Infinity, poor = 0, welfare = 0;
    let effort = 0, workers = 0, adults = 0, adultIncome = 0, norm = 0, owedSum = 0;
    let wealthLow = Infinity, wealthHigh = -Infinity, incomeLow = Infinity, incomeHigh = -Infinity, goodsLow = Infinity, goodsHigh = -Infinity;
    const end = v.start[c + 1]!;
    for (let m = v.start[c]!; m < end; m++) {
      const row = rows[m]!;
      const worth = priceFood * food[row]! + priceManufactures * manufactures[row]!;
      const owed = credit[row]!;
      const w = worth + owed;
      // Net worth floored at zero for the Gini and the max ratio (debts make an unbounded
      // Gini, and would shrink the ratio's denominator); the mean keeps debts.
      const floored = w > 0 ? w : 0;
      totalWealth += w;
      positiveWealth += floored;
      // Conditional additions, not `if (…) x++`: a branch rarely taken has no type feedback
      // when V8 optimises the loop, and taking it later would throw the optimised code away.
      debtors += w < 0 ? 1 : 0;
      if (w > maxWealth) maxWealth = w;
      owedSum -= owed < 0 ? owed : 0;
      const years = age[row]!;
      const ae = years < adultAge ? 0.5 : 1;
      const perAdult = income[row]! / ae;
      values[m] = perAdult;
      poor += needsMet[row]! < 1 - 1e-9 ? 1 : 0;
      welfare += utility[row]!;
      norm += civicNorm[row]!;
      if (years >= adultAge && years < retirementAge) {
        workers++;
        effort += effortOf[row]!;
      }
      if (ae === 1) {
        adults++;
        adultIncome += income[row]!;
      }
      if (floored < wealthLow) wealthLow = floored;
      if (floored > wealthHigh) wealthHigh = floored;
      if (perAdult < incomeLow) incomeLow = perAdult;
      if (perAdult > incomeHigh) incomeHigh = perAdult;
      if (worth < goodsLow) goodsLow = worth;
      if (worth > goodsHigh) goodsHigh = worth;
    }
    const o = c * METRIC_SUMS.stride;
    const out = v.sums;
    out[o + METRIC_SUMS.wealth] = totalWealth;
    out[o + METRIC_SUMS.positiveWealth] = positiveWealth;
    out[o + METRIC_SUMS.debtors] = debtors;
    out[o + METRIC_SUMS.maxWealth] = maxWealth;
    out[o + METRIC_SUMS.poor] = poor;
    out[o + METRIC_SUMS.welfare] = welfare;
    out[o + METRIC_SUMS.effort] = effort;
    out[o + METRIC_SUMS.workers] = workers;
    out[o + METRIC_SUMS.adults] = adults;
    out[o + METRIC_SUMS.adultIncome] = adultIncome;
    out[o + METRIC_SUMS.norm] = norm;
    out[o + METRIC_SUMS.owed] = owedSum;
    out[o + METRIC_SUMS.wealthLow] = wealthLow;
    out[o + METRIC_SUMS.wealthHigh] = wealthHigh;
    out[o + METRIC_SUMS.incomeLow] = incomeLow;
    out[o + METRIC_SUMS.incomeHigh] = incomeHigh;
    out[o + METRIC_SUMS.goodsLow] = goodsLow;
    out[o + METRIC_SUMS.goodsHigh] = goodsHigh;
  },
};

/** Each member's goods at the community's prices, into `metrics.values` at their member place (the pass's `worth`). */
export const metricsGoods: Kernel = {
  name: 'metrics.goods',
  streams: [],
  run(scope, c) {
    const { start, rows, food, manufactures, prices, values } = view(scope);
    const priceFood = prices[c * METRIC_PRICES.stride + METRIC_PRICES.food]!;
    const priceManufactures = prices[c * METRIC_PRICES.stride + METRIC_PRICES.manufactures]!;
    const end = start[c + 1]!;
    for (let m = start[c]!; m < end; m++) {
      const row = rows[m]!;
      values[m] = priceFood * food[row]! + priceManufactures * manufactures[row]!;
    }
  },
};

/** Each member's net worth floored at zero, into `metrics.values` at their member place (the pass's `floored`). */
export const metricsWealth: Kernel = {
  name: 'metrics.wealth',
  streams: [],
  run(scope, c) {
    const { start, rows, food, manufactures, credit, prices, values } = view(scope);
    const priceFood = prices[c * METRIC_PRICES.stride + METRIC_PRICES.food]!;
    const priceManufactures = prices[c * METRIC_PRICES.stride + METRIC_PRICES.manufactures]!;
    const end = start[c + 1]!;
    for (let m = start[c]!; m < end; m++) {
      const row = rows[m]!;
      const w = priceFood * food[row]! + priceManufactures * manufactures[row]! + credit[row]!;
      values[m] = w > 0 ? w : 0;
    }
  },
};

/**
 * The binned Ginis' bins, by fixed blocks of member places (metrics.ts adds the blocks' bins up
 * in block order). `metrics.binsIn`: the number of values, the lowest, the bins' scale;
 * `metrics.binsOut`, per block: GINI_BINS counts, then GINI_BINS sums.
 */
export const METRIC_BINS = { block: 65_536, stride: 2 * GINI_BINS, in: 'metrics.binsIn', out: 'metrics.binsOut' } as const;

/** Bins block b of `metrics.values` (see `binValues`). */
export const metricsBins: Kernel = {
  name: 'metrics.bins',
  streams: [],
  run(scope, b) {
    const input = scope.arrays[METRIC_BINS.in] as Float64Array;
    const out = scope.arrays[METRIC_BINS.out] as Float64Array;
    const values = scope.arrays['metrics.values'] as Float64Array;
    const from = b * METRIC_BINS.block;
    const to = Math.min(input[0]!, from + METRIC_BINS.block);
    const o = b * METRIC_BINS.stride;
    out.fill(0, o, o + METRIC_BINS.stride);
    binValues(values, from, to, input[1]!, input[2]!, out, o, out, o + GINI_BINS);
  },
};

/** The metrics' kernels. */
export const METRICS_KERNELS: readonly Kernel[] = [metricsPersons, metricsGoods, metricsWealth, metricsBins];
