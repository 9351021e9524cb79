import { blockwise, type CollectorSpec } from '../../sim/index.js';
import { GINI_BUFFERS, METRIC_GINIS, METRIC_PRICES, METRIC_SUMS } from './kernels/metrics.js';
import { binScale, giniOfBins, GINI_BINS } from './economy/inequality.js';
import { blockBounds } from './kernels/blocks.js';
import { PERSON_SUMS } from './kernels/person-sums.js';
import { governanceMetrics } from './metrics-governance.js';
import type { Society } from './society.js';
import { servicesMetrics } from './metrics-services.js';

/** One pass over persons and communities; every metric reads from it. */
interface Snapshot {
  step: number;
  values: Record<string, number>;
}

let cache: { society: Society | null; snapshot: Snapshot | null } = { society: null, snapshot: null };

function snapshot(society: Society): Record<string, number> {
  if (cache.society === society && cache.snapshot?.step === society.steps) return cache.snapshot.values;
  const values = summarise(society);
  cache = { society, snapshot: { step: society.steps, values } };
  return values;
}

/** What the pass over persons adds up (`totalPersons`). */
interface Totals {
  totalWealth: number; positiveWealth: number; debtors: number; maxWealth: number; poor: number; welfare: number;
  effort: number; workers: number; adults: number; adultIncome: number; norm: number;
  /** The collectives' debts and then each community's persons' debts, in community order. */
  outstanding: number;
  // The extremes of the three distributions, for their binned Gini.
  wealthLow: number; wealthHigh: number; incomeLow: number; incomeHigh: number; goodsLow: number; goodsHigh: number;
}

function summarise(society: Society): Record<string, number> {
  const { people, params: p } = society;
  const n = people.length;
  const market = marketTotals(society);
  const t = totalPersons(society, market.outstanding);
  const mean = n > 0 ? t.totalWealth / n : 0;
  const lifetimeProduct = (t.adults > 0 ? t.adultIncome / t.adults : 0) * 12 * 40;
  const ginis = distributionGinis(society, t, n, society.steps % p.giniEvery === 0);
  return {
    ...policyShares(society),
    ...market.values,
    credit_outstanding: t.outstanding,
    mean_wealth: mean,
    gini_wealth: ginis.wealth,
    gini_income: ginis.income,
    gini_goods: ginis.goods,
    debtor_share: n > 0 ? t.debtors / n : 0,
    max_wealth_ratio: t.positiveWealth > 0 ? (t.maxWealth * n) / t.positiveWealth : 0,
    max_wealth_lifetime_ratio: lifetimeProduct > 0 ? t.maxWealth / lifetimeProduct : 0,
    poverty_rate: n > 0 ? t.poor / n : 0,
    mean_welfare: n > 0 ? t.welfare / n : 0,
    mean_effort: t.workers > 0 ? t.effort / t.workers : 0,
    civic_norm_mean: n > 0 ? t.norm / n : 0,
  };
}

const ginis = { income: 0, goods: 0, wealth: 0 };

/**
 * The three Ginis, of the buffers the pass over persons filled (kernels/metrics.ts'
 * GINI_BUFFERS: income, goods, floored net worth): exact ones by sorting the three buffers where
 * they are, one a thread at a time, then net worth again into society.wealth, which keeps it by
 * member place for whoever reads it; binned ones by the `metrics.bins` kernel over fixed blocks
 * of each buffer, the blocks' bins added up in block order — the same on any number of threads,
 * and with one block (up to 65,536 persons) the very numbers of a single pass.
 */
function distributionGinis(society: Society, t: Totals, n: number, exact: boolean): typeof ginis {
  const { shards } = society;
  const input = shards.array(METRIC_GINIS.in, Float64Array, METRIC_GINIS.inLength);
  input[0] = n;
  if (exact) {
    shards.array(METRIC_GINIS.exact, Float64Array, GINI_BUFFERS.length);
    shards.run('metrics.exact', GINI_BUFFERS.length, blockBounds(GINI_BUFFERS.length, 1));
    const out = shards.array(METRIC_GINIS.exact, Float64Array, GINI_BUFFERS.length);
    [ginis.income, ginis.goods, ginis.wealth] = [out[0]!, out[1]!, out[2]!];
    shards.run('metrics.wealth', society.communities.length, society.members.start);
    return ginis;
  }
  const ranges = [t.incomeLow, t.incomeHigh, t.goodsLow, t.goodsHigh, t.wealthLow, t.wealthHigh];
  const blocks = Math.ceil(n / METRIC_GINIS.block);
  input[1] = blocks;
  for (let d = 0; d < GINI_BUFFERS.length; d++) {
    const [low, high] = [ranges[2 * d]!, ranges[2 * d + 1]!];
    input[2 + 2 * d] = low;
    // A distribution with one value has a Gini of 0 and no bins to read: its values all go to bin 0.
    input[3 + 2 * d] = high === low ? 0 : binScale(low, high);
  }
  const items = GINI_BUFFERS.length * blocks;
  shards.array(METRIC_GINIS.bins, Float64Array, items * METRIC_GINIS.stride);
  if (items > 0) shards.run('metrics.bins', items, blockBounds(items, METRIC_GINIS.block));
  const out = shards.array(METRIC_GINIS.bins, Float64Array, items * METRIC_GINIS.stride);
  ginis.income = giniOfBlocks(out, 0, blocks, n, ranges[0]!, ranges[1]!);
  ginis.goods = giniOfBlocks(out, 1, blocks, n, ranges[2]!, ranges[3]!);
  ginis.wealth = giniOfBlocks(out, 2, blocks, n, ranges[4]!, ranges[5]!);
  return ginis;
}

/** Distribution d's binned Gini from its blocks' bins in `out`, added up in block order. */
function giniOfBlocks(out: Float64Array, d: number, blocks: number, n: number, low: number, high: number): number {
  if (n === 0 || high === low) return 0;
  const first = d * blocks * METRIC_GINIS.stride;
  binCounts.set(out.subarray(first, first + GINI_BINS));
  binSums.set(out.subarray(first + GINI_BINS, first + 2 * GINI_BINS));
  for (let b = 1; b < blocks; b++) {
    const o = first + b * METRIC_GINIS.stride;
    for (let bin = 0; bin < GINI_BINS; bin++) {
      binCounts[bin]! += out[o + bin]!;
      binSums[bin]! += out[o + GINI_BINS + bin]!;
    }
  }
  return giniOfBins(binCounts, binSums, n);
}

/** The blocks' bins added up. */
const binCounts = new Float64Array(GINI_BINS);
const binSums = new Float64Array(GINI_BINS);

/**
 * Begins the pass over persons (`metrics.persons`) on the worker threads, ahead of the
 * collection, so that it runs while the calling thread goes on with the step's last phases:
 * after `splits`, no phase before the collection moves persons between communities, gathers
 * rows, uses the per-person buffers as scratch, or changes a market's prices or any column the
 * pass reads (goods, credit, age, income, needs met, welfare, civic norm, effort), except the
 * goods an attack destroys or seizes (`takeShare`), which calls the pass off
 * (`Society.callOffPersonsPass`): the collection then runs it again, as it does when nothing
 * was begun. Kernels of those phases run on the calling thread while the workers are at the
 * pass (see `ShardRunner.begin`), so they too keep off its data. So the figures are the same either
 * way (the tests compare runs on one thread, where nothing is begun ahead, with runs on two and
 * three). On one thread the pass would gain nothing by running early, and is not begun.
 */
export function beginPersonsPass(society: Society): void {
  if (society.shards.threads < 2) return;
  society.members.inOrder(society.people); // throws if the index is stale
  prepare(society);
  society.shards.begin('metrics.persons', society.communities.length, society.members.start);
  society.personsPassAhead.step = society.steps + 1; // the step the collection will be at
  society.personsPassAhead.begun++;
}

/**
 * Each community's sum of civic norms and head count into `people.sumsOut` (what ecology's
 * kernel reads there) from the pass over persons begun ahead, joined here, when it holds for
 * this step; false, writing nothing, when it does not (then the `people.norms` kernel runs). The
 * pass adds each community's civic norms in member order from zero, as that kernel does, so the
 * sums are the same numbers; nothing between `splits` and ecology changes a civic norm or a
 * member. The goods, which neither sums, are left NaN: only the syndicates read them, and they
 * sum them again next month.
 */
export function civicNormsFromPassAhead(society: Society): boolean {
  if (society.personsPassAhead.step !== society.steps + 1) return false;
  const { shards, members } = society;
  shards.join();
  const count = society.communities.length;
  const sums = shards.array('metrics.personsOut', Float64Array, count * METRIC_SUMS.stride);
  const out = shards.array('people.sumsOut', Float64Array, count * PERSON_SUMS.stride);
  for (let c = 0; c < count; c++) {
    const o = c * PERSON_SUMS.stride;
    out[o + PERSON_SUMS.goods] = Number.NaN;
    out[o + PERSON_SUMS.norms] = sums[c * METRIC_SUMS.stride + METRIC_SUMS.norm]!;
    out[o + PERSON_SUMS.heads] = members.start[c + 1]! - members.start[c]!;
  }
  return true;
}

/**
 * Each community's prices into `metrics.prices`, and the Ginis' three per-person buffers, sized
 * for every member place, the last as society.wealth (the kernels write them: see kernels/metrics.ts).
 */
function prepare(society: Society): void {
  const { communities, shards } = society;
  const prices = shards.array('metrics.prices', Float64Array, communities.length * METRIC_PRICES.stride);
  const price = society.markets.price;
  for (let c = 0; c < communities.length; c++) {
    prices[c * METRIC_PRICES.stride + METRIC_PRICES.food] = price[2 * c]!;
    prices[c * METRIC_PRICES.stride + METRIC_PRICES.manufactures] = price[2 * c + 1]!;
  }
  shards.array('metrics.personsOut', Float64Array, communities.length * METRIC_SUMS.stride);
  shards.array(GINI_BUFFERS[0], Float64Array, society.people.length);
  shards.array(GINI_BUFFERS[1], Float64Array, society.people.length);
  society.wealth = shards.array(GINI_BUFFERS[2], Float64Array, society.people.length);
}

/**
 * The pass over persons: the `metrics.persons` kernel sums each community's members in member
 * order (`Members.inOrder`), on as many threads as the run has; the communities' results are
 * then added up in community order, so the totals do not depend on the threads or on where
 * rows sit in the table. It leaves each person's income (per adult-equivalent), goods and floored
 * net worth in the Ginis' buffers, at their member place.
 */
function totalPersons(society: Society, outstandingBefore: number): Totals {
  const count = society.communities.length;
  const ahead = society.personsPassAhead;
  const begunAhead = ahead.step !== 0 && ahead.step === society.steps;
  ahead.step = 0;
  society.shards.join();
  if (!begunAhead) {
    society.members.inOrder(society.people); // throws if the index is stale
    prepare(society);
    society.shards.run('metrics.persons', count, society.members.start);
  }
  const sums = society.shards.array('metrics.personsOut', Float64Array, count * METRIC_SUMS.stride);
  const t: Totals = {
    totalWealth: 0, positiveWealth: 0, debtors: 0, maxWealth: -Infinity, poor: 0, welfare: 0, effort: 0, workers: 0, adults: 0, adultIncome: 0, norm: 0,
    outstanding: outstandingBefore,
    wealthLow: Infinity, wealthHigh: -Infinity, incomeLow: Infinity, incomeHigh: -Infinity, goodsLow: Infinity, goodsHigh: -Infinity,
  };
  const S = METRIC_SUMS;
  for (let c = 0; c < count; c++) {
    const o = c * S.stride;
    t.totalWealth += sums[o + S.wealth]!;
    t.positiveWealth += sums[o + S.positiveWealth]!;
    t.debtors += sums[o + S.debtors]!;
    if (sums[o + S.maxWealth]! > t.maxWealth) t.maxWealth = sums[o + S.maxWealth]!;
    t.poor += sums[o + S.poor]!;
    t.welfare += sums[o + S.welfare]!;
    t.effort += sums[o + S.effort]!;
    t.workers += sums[o + S.workers]!;
    t.adults += sums[o + S.adults]!;
    t.adultIncome += sums[o + S.adultIncome]!;
    t.norm += sums[o + S.norm]!;
    t.outstanding += sums[o + S.owed]!;
    if (sums[o + S.wealthLow]! < t.wealthLow) t.wealthLow = sums[o + S.wealthLow]!;
    if (sums[o + S.wealthHigh]! > t.wealthHigh) t.wealthHigh = sums[o + S.wealthHigh]!;
    if (sums[o + S.incomeLow]! < t.incomeLow) t.incomeLow = sums[o + S.incomeLow]!;
    if (sums[o + S.incomeHigh]! > t.incomeHigh) t.incomeHigh = sums[o + S.incomeHigh]!;
    if (sums[o + S.goodsLow]! < t.goodsLow) t.goodsLow = sums[o + S.goodsLow]!;
    if (sums[o + S.goodsHigh]! > t.goodsHigh) t.goodsHigh = sums[o + S.goodsHigh]!;
  }
  return t;
}

function policyShares(society: Society): Record<string, number> {
  let sharing = 0, communist = 0, mutualist = 0, total = 0, alive = 0;
  const policies = society.civic.sharing;
  for (const community of society.communities) {
    const size = community.population;
    const tau = policies[community.id]!;
    if (size > 0) alive++;
    total += size;
    sharing += tau * size;
    if (tau >= 0.9) communist += size;
    if (tau <= 0.1) mutualist += size;
  }
  return {
    population: total,
    communities: alive,
    sharing_mean: total > 0 ? sharing / total : 0,
    share_communist: total > 0 ? communist / total : 0,
    share_mutualist: total > 0 ? mutualist / total : 0,
  };
}

/** The communities' market totals, and their collectives' debts (persons' debts are added by the pass over persons). */
function marketTotals(society: Society): { values: Record<string, number>; outstanding: number } {
  let priceFood = 0, priceManufactures = 0, size = 0, outstanding = 0, fund = 0, capital = 0, foodOut = 0, manufacturesOut = 0;
  // From the communities' columns (communities/market-columns.ts, account-columns.ts), in community order.
  const { price, output } = society.markets;
  const accounts = society.accounts;
  for (const community of society.communities) {
    const c = community.id;
    const population = community.population;
    priceFood += price[2 * c]! * population;
    priceManufactures += price[2 * c + 1]! * population;
    size += population;
    outstanding += Math.max(0, -accounts.loan[c]!);
    fund += accounts.food[2 * c]! + accounts.manufactures[2 * c]!;
    capital += accounts.capital[c]!;
    foodOut += output[2 * c]!;
    manufacturesOut += output[2 * c + 1]!;
  }
  const stock = society.land.resource;
  const resource = blockwise(stock.length, 0, (from, to, sum) => {
    for (let cell = from; cell < to; cell++) sum += stock[cell]!;
    return sum;
  });
  const values = {
    price_food: size > 0 ? priceFood / size : 0,
    price_manufactures: size > 0 ? priceManufactures / size : 0,
    fund_goods: fund,
    capital_stock: capital,
    food_output: foodOut,
    manufactures_output: manufacturesOut,
    resource_stock: resource,
  };
  return { values, outstanding };
}

const NAMES = [
  'population', 'communities', 'mean_wealth', 'gini_wealth', 'gini_income', 'gini_goods', 'debtor_share', 'max_wealth_ratio', 'max_wealth_lifetime_ratio',
  'poverty_rate', 'mean_welfare', 'sharing_mean', 'share_communist', 'share_mutualist', 'resource_stock',
  'mean_effort', 'civic_norm_mean', 'price_food', 'price_manufactures', 'credit_outstanding', 'fund_goods', 'capital_stock',
  'food_output', 'manufactures_output',
] as const;

/** Each row's person id, rows 0 … n−1. */
function idsOf(people: Society['people'], n: number): Int32Array {
  const ids = new Int32Array(n);
  for (let row = 0; row < n; row++) ids[row] = people.idOf(row);
  return ids;
}

/**
 * Persons' main columns for agent snapshots (views of the live rows; the collector copies them
 * in `personOrder`).
 */
function personColumns(society: Society): Record<string, ArrayLike<number>> {
  const { people } = society;
  const n = people.length;
  const view = <T extends { subarray(a: number, b: number): T }>(column: T) => column.subarray(0, n);
  const cols = people.cols;
  return {
    id: idsOf(people, n),
    community: view(cols.community), age: view(cols.age), sector: view(cols.sector), effort: view(cols.effort),
    civic_norm: view(cols.civicNorm), ideal_sharing: view(cols.idealSharing), food: view(cols.food),
    manufactures: view(cols.manufactures), credit: view(cols.credit), income: view(cols.income),
    needs_met: view(cols.needsMet), proprietor: view(cols.proprietor),
  };
}

/**
 * The order persons are written in: member order (communities in index order, each one's
 * members by id), which does not depend on where their rows sit in the table.
 */
function personOrder(society: Society): Int32Array {
  return society.members.inOrder(society.people).subarray(0, society.people.length);
}

/** The metrics: MODEL.md's economic columns and the economy's own, snake_case and stable. */
export function metricsSpec(snapshotEvery = 0): CollectorSpec<Society> {
  const model: CollectorSpec<Society>['model'] = {};
  for (const name of NAMES) model[name] = (s) => snapshot(s)[name]!;
  Object.assign(model, {
    free_riding_rate: (s: Society) => (s.counters.workers > 0 ? s.counters.freeRiders / s.counters.workers : 0),
    detection_rate: (s: Society) => (s.counters.workers > 0 ? s.counters.detection / s.counters.workers : 0),
    trade_volume: (s: Society) => s.counters.tradeVolume,
    births: (s: Society) => s.counters.births,
    deaths: (s: Society) => s.counters.deaths,
    rent_paid: (s: Society) => s.counters.rentPaid,
    interest_paid: (s: Society) => s.counters.interestPaid,
    profits_taken: (s: Society) => s.counters.profitsTaken,
    tax_collected: (s: Society) => s.counters.taxCollected,
    loan_defaults: (s: Society) => s.counters.loanDefaults,
  });
  Object.assign(model, servicesMetrics());
  Object.assign(model, governanceMetrics());
  return { model, agents: personColumns, agentOrder: personOrder, agentEvery: snapshotEvery };
}
