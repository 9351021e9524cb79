import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView, closureKernel, giniInPlace } from '../../../sim/index.js';
import { binValues, GINI_BINS } from '../economy/inequality.js';
import type { SocietyParams } from '../params.js';
import { personColumns, personView, type PersonView } from './person-view.js';

/**
 * The metrics' per-person work, one community at a time (metrics.ts adds the communities'
 * results up in community order), and the Ginis' work on the per-person buffers, by block or
 * by distribution. The buffers are indexed by member place: `metrics.income`, `metrics.goods`
 * and `metrics.values` (floored net worth, which society.wealth is); `metrics.prices` holds
 * each community's prices.
 */

/** The buffers of the three distributions the Ginis measure, in the order metrics.ts takes them. */
export const GINI_BUFFERS = ['metrics.income', 'metrics.goods', 'metrics.values'] as const;

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

type MetricsView = PersonView & { incomeValues: Float64Array; goodsValues: Float64Array; values: Float64Array; prices: Float64Array; sums: Float64Array };

/** The columns and the metrics' arrays, typed; rebuilt only when the scope's arrays were replaced. */
const view = cachedView((scope: KernelScope): MetricsView => {
  const a = scope.arrays;
  const [income, goods, values] = GINI_BUFFERS.map((name) => a[name] as Float64Array);
  return Object.assign(personView(scope), { incomeValues: income!, goodsValues: goods!, values: values!, prices: a['metrics.prices'] as Float64Array, sums: a['metrics.personsOut'] as Float64Array });
});

/** The arrays indexed by community (and the members' bucket bounds), replaced as communities are founded: read at each call. */
const communityArrays = cachedView((scope: KernelScope) => ({
  start: scope.arrays['members.start'] as Int32Array,
  prices: scope.arrays['metrics.prices'] as Float64Array,
  out: scope.arrays['metrics.personsOut'] as Float64Array,
}));

/**
 * The pass over a community's members, in member order: its sums for the means and shares, its
 * persons' debts and the extremes of wealth, income and goods (for the binned Ginis); leaves each
 * member's income per adult-equivalent, goods at the community's prices and floored net worth
 * in the three Gini buffers, at their member place.
 */
export const metricsPersons: Kernel = closureKernel('metrics.persons', [], { SUMS: METRIC_SUMS, PRICES: METRIC_PRICES, perCommunity: communityArrays, personColumns }, (arrays, { SUMS, PRICES, perCommunity, personColumns }) => {
  const { rows, food, manufactures, credit, age, income, needsMet, utility, civicNorm, effort: effortOf } = personColumns(arrays);
  const incomeValues = arrays['metrics.income'] as Float64Array;
  const goodsValues = arrays['metrics.goods'] as Float64Array;
  const values = arrays['metrics.values'] as Float64Array;
  return (scope, c) => {
    const { adultAge, retirementAge } = scope.params as unknown as SocietyParams;
    const { start, prices, out } = perCommunity(scope);
    const priceFood = prices[c * PRICES.stride + PRICES.food]!;
    const priceManufactures = prices[c * PRICES.stride + PRICES.manufactures]!;
    let totalWealth = 0, positiveWealth = 0, debtors = 0, maxWealth = -Infinity, poor = 0, welfare = 0;
    let effort = 0, workers = 0, adults = 0, adultIncome = 0, norm = 0, owedSum = 0;
    let wealthLow = Infinity, wealthHigh = -Infinity, incomeLow = Infinity, incomeHigh = -Infinity, goodsLow = Infinity, goodsHigh = -Infinity;
    const end = start[c + 1]!;
    for (let m = start[c]!; m < end; m++) {
      const row = rows[m]!;
      const worth = priceFood * food[row]! + priceManufactures * manufactures[row]!;
      const owed = credit[row]!;
      const w = worth + owed;
      // Net worth floored at zero for the Gini and the max ratio (debts make an unbounded
      // Gini, and would shrink the ratio's denominator); the mean keeps debts.
      const floored = w > 0 ? w : 0;
      values[m] = floored;
      goodsValues[m] = worth;
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
      incomeValues[m] = perAdult;
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
    const o = c * SUMS.stride;
    out[o + SUMS.wealth] = totalWealth;
    out[o + SUMS.positiveWealth] = positiveWealth;
    out[o + SUMS.debtors] = debtors;
    out[o + SUMS.maxWealth] = maxWealth;
    out[o + SUMS.poor] = poor;
    out[o + SUMS.welfare] = welfare;
    out[o + SUMS.effort] = effort;
    out[o + SUMS.workers] = workers;
    out[o + SUMS.adults] = adults;
    out[o + SUMS.adultIncome] = adultIncome;
    out[o + SUMS.norm] = norm;
    out[o + SUMS.owed] = owedSum;
    out[o + SUMS.wealthLow] = wealthLow;
    out[o + SUMS.wealthHigh] = wealthHigh;
    out[o + SUMS.incomeLow] = incomeLow;
    out[o + SUMS.incomeHigh] = incomeHigh;
    out[o + SUMS.goodsLow] = goodsLow;
    out[o + SUMS.goodsHigh] = goodsHigh;
  };
});

/**
 * Each member's net worth floored at zero, into `metrics.values` at their member place (the
 * pass's `floored`): again, after the exact Gini sorted the buffer.
 */
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
 * The Ginis' inputs and outputs. `metrics.ginisIn`: the number of values, the number of blocks,
 * then for each distribution (GINI_BUFFERS' order) its lowest value and its bins' scale.
 * `metrics.binsOut`, per distribution and block (distribution-major): GINI_BINS counts, then
 * GINI_BINS sums. `metrics.exactOut`: each distribution's exact Gini.
 */
export const METRIC_GINIS = { block: 65_536, stride: 2 * GINI_BINS, in: 'metrics.ginisIn', inLength: 2 + 2 * GINI_BUFFERS.length, bins: 'metrics.binsOut', exact: 'metrics.exactOut' } as const;

/**
 * Bins item i: block b = i mod blocks of distribution d = ⌊i / blocks⌋ (see `binValues`). The
 * three distributions' blocks in one run, so the threads share all of them.
 */
export const metricsBins: Kernel = closureKernel('metrics.bins', [], { METRIC_GINIS, GINI_BUFFERS, GINI_BINS }, (arrays, lib) => {
  const { METRIC_GINIS: G, GINI_BINS: BINS } = lib;
  const buffers = lib.GINI_BUFFERS.map((name) => arrays[name] as Float64Array);
  const input = arrays[G.in] as Float64Array;
  const out = arrays[G.bins] as Float64Array;
  return (_scope, i) => {
    const blocks = input[1]!;
    const d = Math.floor(i / blocks);
    const values = buffers[d]!;
    const from = (i - d * blocks) * G.block;
    const to = Math.min(input[0]!, from + G.block);
    const o = i * G.stride;
    out.fill(0, o, o + G.stride);
    // As `binValues` (economy/inequality.ts): each value's bin gets one more count and the value.
    const low = input[2 + 2 * d]!;
    const scale = input[3 + 2 * d]!;
    const sums = o + BINS;
    for (let k = from; k < to; k++) {
      const v = values[k]!;
      const bin = Math.floor((v - low) * scale);
      out[o + bin]!++;
      out[sums + bin]! += v;
    }
  };
});

/** The exact Gini of distribution d, sorting its buffer where it is (three sorts, shared by the threads). */
export const metricsExact: Kernel = {
  name: 'metrics.exact',
  streams: [],
  run(scope, d) {
    const n = (scope.arrays[METRIC_GINIS.in] as Float64Array)[0]!;
    const out = scope.arrays[METRIC_GINIS.exact] as Float64Array;
    out[d] = giniInPlace(scope.arrays[GINI_BUFFERS[d]!] as Float64Array, n);
  },
};

/** The metrics' kernels. */
export const METRICS_KERNELS: readonly Kernel[] = [metricsPersons, metricsWealth, metricsBins, metricsExact];
