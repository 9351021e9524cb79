import type { CollectorSpec } from '../../sim/index.js';
import { giniAt } from './economy/inequality.js';
import { governanceMetrics } from './metrics-governance.js';
import type { Society } from './society.js';
import { servicesMetrics } from './metrics-services.js';

/** One pass over persons and communities; every metric reads from it. */
interface Snapshot {
  step: number;
  values: Record<string, number>;
}

let cache: { society: Society | null; snapshot: Snapshot | null } = { society: null, snapshot: null };
let income = new Float64Array(0);
let goods = new Float64Array(0);

function snapshot(society: Society): Record<string, number> {
  if (cache.society === society && cache.snapshot?.step === society.steps) return cache.snapshot.values;
  const values = summarise(society);
  cache = { society, snapshot: { step: society.steps, values } };
  return values;
}

function summarise(society: Society): Record<string, number> {
  const { people, params: p, communities } = society;
  const n = people.length;
  const { community, food, manufactures, credit, age, income: incomeOf, needsMet, utility, civicNorm, effort: effortOf } = people.cols;
  const { adultAge, retirementAge } = p;
  if (society.wealth.length < n) society.wealth = new Float64Array(Math.ceil(n * 1.25));
  if (income.length < n) income = new Float64Array(Math.ceil(n * 1.25));
  if (goods.length < n) goods = new Float64Array(Math.ceil(n * 1.25));
  const wealth = society.wealth;
  const priceFood = Float64Array.from(communities, (c) => c.food.price);
  const priceManufactures = Float64Array.from(communities, (c) => c.manufactures.price);
  let totalWealth = 0, positiveWealth = 0, debtors = 0, maxWealth = -Infinity, poor = 0, welfare = 0, effort = 0, workers = 0, adults = 0, adultIncome = 0, norm = 0;
  for (let row = 0; row < n; row++) {
    const c = community[row]!;
    goods[row] = priceFood[c]! * food[row]! + priceManufactures[c]! * manufactures[row]!;
    const w = goods[row]! + credit[row]!;
    // Net worth floored at zero for the Gini and the max ratio (debts make an unbounded
    // Gini, and would shrink the ratio's denominator); the mean keeps debts.
    wealth[row] = w > 0 ? w : 0;
    totalWealth += w;
    positiveWealth += wealth[row]!;
    if (w < 0) debtors++;
    if (w > maxWealth) maxWealth = w;
    const years = age[row]!;
    const ae = years < adultAge ? 0.5 : 1;
    income[row] = incomeOf[row]! / ae;
    if (needsMet[row]! < 1 - 1e-9) poor++;
    welfare += utility[row]!;
    norm += civicNorm[row]!;
    if (years >= adultAge && years < retirementAge) {
      workers++;
      effort += effortOf[row]!;
    }
    if (ae === 1) {
      adults++;
      adultIncome += incomeOf[row]!;
    }
  }
  const mean = n > 0 ? totalWealth / n : 0;
  const lifetimeProduct = (adults > 0 ? adultIncome / adults : 0) * 12 * 40;
  return {
    ...policyShares(society),
    ...marketTotals(society),
    mean_wealth: mean,
    gini_wealth: giniAt(society.steps, p.giniEvery, wealth, n),
    gini_income: giniAt(society.steps, p.giniEvery, income, n),
    gini_goods: giniAt(society.steps, p.giniEvery, goods, n),
    debtor_share: n > 0 ? debtors / n : 0,
    max_wealth_ratio: positiveWealth > 0 ? (maxWealth * n) / positiveWealth : 0,
    max_wealth_lifetime_ratio: lifetimeProduct > 0 ? maxWealth / lifetimeProduct : 0,
    poverty_rate: n > 0 ? poor / n : 0,
    mean_welfare: n > 0 ? welfare / n : 0,
    mean_effort: workers > 0 ? effort / workers : 0,
    civic_norm_mean: n > 0 ? norm / n : 0,
  };
}

function policyShares(society: Society): Record<string, number> {
  let sharing = 0, communist = 0, mutualist = 0, total = 0, alive = 0;
  for (const community of society.communities) {
    const size = community.population;
    if (size > 0) alive++;
    total += size;
    sharing += community.policy.sharing * size;
    if (community.policy.sharing >= 0.9) communist += size;
    if (community.policy.sharing <= 0.1) mutualist += size;
  }
  return {
    population: total,
    communities: alive,
    sharing_mean: total > 0 ? sharing / total : 0,
    share_communist: total > 0 ? communist / total : 0,
    share_mutualist: total > 0 ? mutualist / total : 0,
  };
}

function marketTotals(society: Society): Record<string, number> {
  let priceFood = 0, priceManufactures = 0, size = 0, outstanding = 0, fund = 0, capital = 0, foodOut = 0, manufacturesOut = 0;
  for (const community of society.communities) {
    priceFood += community.food.price * community.population;
    priceManufactures += community.manufactures.price * community.population;
    size += community.population;
    outstanding += Math.max(0, -community.collective.credit);
    fund += community.fund.food + community.fund.manufactures;
    capital += community.collective.capital;
    foodOut += community.food.output;
    manufacturesOut += community.manufactures.output;
  }
  const credit = society.people.cols.credit;
  for (let row = 0; row < society.people.length; row++) if (credit[row]! < 0) outstanding -= credit[row]!;
  let resource = 0;
  for (const r of society.land.resource) resource += r;
  return {
    price_food: size > 0 ? priceFood / size : 0,
    price_manufactures: size > 0 ? priceManufactures / size : 0,
    credit_outstanding: outstanding,
    fund_goods: fund,
    capital_stock: capital,
    food_output: foodOut,
    manufactures_output: manufacturesOut,
    resource_stock: resource,
  };
}

const NAMES = [
  'population', 'communities', 'mean_wealth', 'gini_wealth', 'gini_income', 'gini_goods', 'debtor_share', 'max_wealth_ratio', 'max_wealth_lifetime_ratio',
  'poverty_rate', 'mean_welfare', 'sharing_mean', 'share_communist', 'share_mutualist', 'resource_stock',
  'mean_effort', 'civic_norm_mean', 'price_food', 'price_manufactures', 'credit_outstanding', 'fund_goods', 'capital_stock',
  'food_output', 'manufactures_output',
] as const;

/** Persons' main columns for agent snapshots (views of the live rows; the collector copies them). */
function personColumns(society: Society): Record<string, ArrayLike<number>> {
  const { people } = society;
  const n = people.length;
  const view = <T extends { subarray(a: number, b: number): T }>(column: T) => column.subarray(0, n);
  const cols = people.cols;
  return {
    id: Int32Array.from({ length: n }, (_, row) => people.idOf(row)),
    community: view(cols.community), age: view(cols.age), sector: view(cols.sector), effort: view(cols.effort),
    civic_norm: view(cols.civicNorm), ideal_sharing: view(cols.idealSharing), food: view(cols.food),
    manufactures: view(cols.manufactures), credit: view(cols.credit), income: view(cols.income),
    needs_met: view(cols.needsMet), proprietor: view(cols.proprietor),
  };
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
  return { model, agents: personColumns, agentEvery: snapshotEvery };
}
