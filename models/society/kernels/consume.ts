import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { accountView, type AccountArrays } from './account-view.js';
import { personView } from './person-view.js';
import { utility } from '../economy/effort.js';
import type { SocietyParams } from '../params.js';
import { CARERS } from './distribute.js';
import { heldInFood, writePersonSums } from './person-sums.js';

/**
 * Consumption's per-person work, one community at a time (phases/consume.ts books what it
 * destroyed and wears down the community's own stocks): dependants are fed by their carers,
 * then members eat, use and lose goods; utility, needs met and satisfaction follow. No randomness.
 */

/** consume.out, per community: food eaten and spoiled, manufactures used and worn, in its members' holdings. */
export const CONSUME_OUT = { stride: 5, eaten: 0, spoiled: 1, used: 2, worn: 3, depreciation: 4 } as const;

/** The columns and arrays the kernel reads and writes, typed. */
function buildView(scope: KernelScope) {
  const a = scope.arrays;
  return Object.assign(personView(scope), {
    carers: a[CARERS] as Int32Array,
    /** `people.sumsIn` and `people.sumsOut` (kernels/person-sums.ts): the meals write the sums that kernel would. */
    sumsIn: a['people.sumsIn'] as Float64Array,
    sumsOut: a['people.sumsOut'] as Float64Array,
  });
}

/** The view, rebuilt only when the scope's arrays were replaced. */
const view = cachedView(buildView);

type ConsumeView = ReturnType<typeof view>;

/** Dependants fed, then each member's consumption, spoilage and wear. */
export const consumeMeals: Kernel = {
  name: 'consume.meals',
  streams: [],
  run(scope, c) {
    const p = scope.params as unknown as SocietyParams;
    const v = view(scope);
    const out = scope.arrays['consume.out'] as Float64Array;
    feedDependants(v, p, c);
    eat(v, p, c, out);
    wearStocks(accountView(scope), p, c, out);
  },
};

/** Spoilage and wear of the community's fund and collective (in the accounts' columns), added to what its members lost. */
function wearStocks(accounts: AccountArrays, p: SocietyParams, c: number, out: Float64Array): void {
  const o = c * CONSUME_OUT.stride;
  const fundSpoil = accounts.food[2 * c]! * p.foodSpoilage;
  const fundWear = accounts.manufactures[2 * c]! * p.manufacturesWear;
  const stockWear = accounts.stock[c]! * p.manufacturesWear;
  const depreciation = accounts.capital[c]! * p.capitalDepreciation;
  accounts.food[2 * c]! -= fundSpoil;
  accounts.manufactures[2 * c]! -= fundWear;
  accounts.stock[c]! -= stockWear;
  accounts.capital[c]! -= depreciation;
  out[o + CONSUME_OUT.spoiled] = out[o + CONSUME_OUT.spoiled]! + fundSpoil;
  out[o + CONSUME_OUT.worn] = out[o + CONSUME_OUT.worn]! + fundWear + stockWear;
  out[o + CONSUME_OUT.depreciation] = depreciation;
}

/**
 * Dependants short of food take it from their carer's holding, beyond the carer's own need.
 * The carer's row was found by `distribute` this month. A pass of its own: a carer may come
 * before or after their dependants in the members' order.
 */
function feedDependants(v: ConsumeView, p: SocietyParams, c: number): void {
  const { age, food, rows, carers } = v;
  const { adultAge, foodNeed } = p;
  const end = v.start[c + 1]!;
  for (let k = v.start[c]!; k < end; k++) {
    // Workers, and dependants no one feeds, have no carer (−1): nothing to give.
    const carer = carers[k]!;
    if (carer < 0) continue;
    const row = rows[k]!;
    const short = foodNeed * (age[row]! < adultAge ? 0.5 : 1) - food[row]!;
    if (short <= 0) continue;
    const given = Math.min(short, food[carer]! - foodNeed);
    if (given <= 0) continue;
    food[carer]! -= given;
    food[row]! += given;
  }
}

/**
 * Members eat up to their need and use a share of their manufactures; the rest spoils and wears.
 * What each is left with is final for the month's syndicates, so the pass also adds up what the
 * `people.sums` kernel would (goods in food-equivalents, civic norms, heads), in member order.
 */
function eat(v: ConsumeView, p: SocietyParams, c: number, out: Float64Array): void {
  const { age, food, manufactures, needsMet, utility: utilityOf, satisfaction, effort, civicNorm, rows } = v;
  const { adultAge, foodNeed, manufacturesUse, foodSpoilage, manufacturesWear, foodPreference, effortCost } = p;
  const ratio = v.sumsIn[0]!;
  let eaten = 0;
  let used = 0;
  let spoiled = 0;
  let worn = 0;
  let goods = 0;
  let norms = 0;
  const from = v.start[c]!;
  const end = v.start[c + 1]!;
  for (let k = from; k < end; k++) {
    const row = rows[k]!;
    const ae = age[row]! < adultAge ? 0.5 : 1;
    const held = food[row]!;
    const owned = manufactures[row]!;
    const eat = Math.max(0, Math.min(held, foodNeed * ae));
    const use = Math.max(0, owned * manufacturesUse);
    const spoil = Math.max(0, (held - eat) * foodSpoilage);
    const wear = Math.max(0, (owned - use) * manufacturesWear);
    const foodLeft = held - eat - spoil;
    const manufacturesLeft = owned - use - wear;
    food[row] = foodLeft;
    manufactures[row] = manufacturesLeft;
    goods += heldInFood(foodLeft, manufacturesLeft, ratio);
    norms += civicNorm[row]!;
    eaten += eat;
    used += use;
    spoiled += spoil;
    worn += wear;
    needsMet[row] = eat / (foodNeed * ae);
    const u = utility(eat / ae, use / ae, effort[row]!, foodPreference, effortCost);
    utilityOf[row] = u;
    satisfaction[row] = 0.9 * satisfaction[row]! + 0.1 * u;
  }
  const o = c * CONSUME_OUT.stride;
  out[o + CONSUME_OUT.eaten] = eaten;
  out[o + CONSUME_OUT.spoiled] = spoiled;
  out[o + CONSUME_OUT.used] = used;
  out[o + CONSUME_OUT.worn] = worn;
  writePersonSums(v.sumsOut, c, goods, norms, end - from);
}
