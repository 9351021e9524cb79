import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView, closureKernel } from '../../../sim/index.js';
import { utility } from '../economy/effort.js';
import type { SocietyParams } from '../params.js';
import { personColumns } from './person-view.js';
import { CARERS } from './distribute.js';
import { heldInFood, writePersonSums } from './person-sums.js';

/**
 * Consumption's per-person work, one community at a time (phases/consume.ts books what it
 * destroyed and wears down the community's own stocks): dependants are fed by their carers,
 * then members eat, use and lose goods; utility, needs met and satisfaction follow. No randomness.
 */

/** consume.out, per community: food eaten and spoiled, manufactures used and worn, in its members' holdings. */
export const CONSUME_OUT = { stride: 5, eaten: 0, spoiled: 1, used: 2, worn: 3, depreciation: 4 } as const;

/** The arrays indexed by community (and the members' bucket bounds), replaced as communities are founded. */
const communityArrays = cachedView((scope: KernelScope) => {
  const a = scope.arrays;
  return {
    start: a['members.start'] as Int32Array,
    out: a['consume.out'] as Float64Array,
    /** `people.sumsIn` and `people.sumsOut` (kernels/person-sums.ts): the meals write the sums that kernel would. */
    sumsIn: a['people.sumsIn'] as Float64Array,
    sumsOut: a['people.sumsOut'] as Float64Array,
    fundFood: a['accounts.food'] as Float64Array,
    fundManufactures: a['accounts.manufactures'] as Float64Array,
    stock: a['accounts.stock'] as Float64Array,
    capital: a['accounts.capital'] as Float64Array,
  };
});

/** Dependants fed, then each member's consumption, spoilage and wear. */
export const consumeMeals: Kernel = closureKernel('consume.meals', [], { CONSUME_OUT, CARERS, utility, heldInFood, writePersonSums, perCommunity: communityArrays, personColumns }, (arrays, lib) => {
  const OUT = lib.CONSUME_OUT;
  const { rows, age, food, manufactures, needsMet, utility: utilityOf, satisfaction, effort, civicNorm } = lib.personColumns(arrays);
  const carers = arrays[lib.CARERS] as Int32Array;
  /** The arrays indexed by community, replaced as communities are founded: set at each call. */
  let community = undefined as unknown as ReturnType<typeof lib.perCommunity>;

  /**
   * Dependants short of food take it from their carer's holding, beyond the carer's own need.
   * The carer's row was found by `distribute` this month. A pass of its own: a carer may come
   * before or after their dependants in the members' order.
   */
  function feedDependants(p: SocietyParams, start: Int32Array, c: number): void {
    const { adultAge, foodNeed } = p;
    const end = start[c + 1]!;
    for (let k = start[c]!; k < end; k++) {
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
  function eat(p: SocietyParams, start: Int32Array, c: number): void {
    const { adultAge, foodNeed, manufacturesUse, foodSpoilage, manufacturesWear, foodPreference, effortCost } = p;
    const { out, sumsIn, sumsOut } = community;
    const ratio = sumsIn[0]!;
    let eaten = 0;
    let used = 0;
    let spoiled = 0;
    let worn = 0;
    let goods = 0;
    let norms = 0;
    const from = start[c]!;
    const end = start[c + 1]!;
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
      goods += lib.heldInFood(foodLeft, manufacturesLeft, ratio);
      norms += civicNorm[row]!;
      eaten += eat;
      used += use;
      spoiled += spoil;
      worn += wear;
      needsMet[row] = eat / (foodNeed * ae);
      const u = lib.utility(eat / ae, use / ae, effort[row]!, foodPreference, effortCost);
      utilityOf[row] = u;
      satisfaction[row] = 0.9 * satisfaction[row]! + 0.1 * u;
    }
    const o = c * OUT.stride;
    out[o + OUT.eaten] = eaten;
    out[o + OUT.spoiled] = spoiled;
    out[o + OUT.used] = used;
    out[o + OUT.worn] = worn;
    lib.writePersonSums(sumsOut, c, goods, norms, end - from);
  }

  /** Spoilage and wear of the community's fund and collective (in the accounts' columns), added to what its members lost. */
  function wearStocks(p: SocietyParams, c: number): void {
    const { out, fundFood, fundManufactures, stock, capital } = community;
    const o = c * OUT.stride;
    const fundSpoil = fundFood[2 * c]! * p.foodSpoilage;
    const fundWear = fundManufactures[2 * c]! * p.manufacturesWear;
    const stockWear = stock[c]! * p.manufacturesWear;
    const depreciation = capital[c]! * p.capitalDepreciation;
    fundFood[2 * c]! -= fundSpoil;
    fundManufactures[2 * c]! -= fundWear;
    stock[c]! -= stockWear;
    capital[c]! -= depreciation;
    out[o + OUT.spoiled] = out[o + OUT.spoiled]! + fundSpoil;
    out[o + OUT.worn] = out[o + OUT.worn]! + fundWear + stockWear;
    out[o + OUT.depreciation] = depreciation;
  }

  return (scope, c) => {
    const p = scope.params as unknown as SocietyParams;
    community = lib.perCommunity(scope);
    const start = community.start;
    feedDependants(p, start, c);
    eat(p, start, c);
    wearStocks(p, c);
  };
});
