import type { Society } from '../society.js';
import { manufacturesInFood, worth } from './goods.js';
import { sumPersons } from './person-sums.js';
import type { Funder } from './funding.js';
import type { ServedPlace } from './place.js';

/** The yardstick for goods: food-equivalents of one manufactures unit. */
export function goodsRatio(society: Society): number {
  return manufacturesInFood(society.params.foodProductivity, society.params.manufacturesProductivity);
}

/** The communities as places on the map (for drawing service regions). */
export function placesOf(society: Society): ServedPlace[] {
  return society.communities
    .filter((c) => c.population > 0)
    .map((c) => ({ id: c.id, x: c.x, y: c.y, population: c.population, area: c.cells.length }));
}

/** Members' goods per community, in food-equivalents (holdings only, not the fund): the `people.sums` kernel's. */
export function memberGoods(society: Society): Float64Array {
  return sumPersons(society).goods;
}

/**
 * Goods per head in each community (members' holdings and the fund), in food-equivalents;
 * `goodsSums` (from `memberGoods` or a pass that sums the same way) spares the pass over persons.
 */
export function wealthPerHead(society: Society, goodsSums?: Float64Array): Float64Array {
  return wealthAndFunds(society, goodsSums).wealth;
}

/**
 * The communities' funds for a month's fees: `food` and `manufactures` are the accounts' columns
 * themselves (community c's fund in slot 2c: communities/account-columns.ts), so a fee paid from
 * them is paid from the fund; `value`, by community id, is each fund's worth in food-equivalents
 * at the start of the month (so earmarks do not depend on payment order). A class, not an object
 * literal: a literal whose first keys were `food` and `manufactures` would share its hidden
 * class's fields with plain goods (`{ food, manufactures }`: budgets), and an array stored under
 * `food` would make V8 box every budget's numbers from then on.
 */
export class FundColumns {
  constructor(
    readonly food: Float64Array,
    readonly manufactures: Float64Array,
    readonly value: Float64Array,
  ) {}
}

/**
 * Goods per head (what `wealthPerHead` returns) and the funds' columns with their worth, in one
 * pass over the communities: the month's collection needs both, and both read every fund.
 */
export function wealthAndFunds(society: Society, goodsSums?: Float64Array): { wealth: Float64Array; funds: FundColumns } {
  const ratio = goodsRatio(society);
  const wealth = goodsSums ? Float64Array.from(goodsSums) : memberGoods(society);
  const communities = society.communities;
  const n = communities.length;
  const { food, manufactures } = society.accounts;
  const funds = new FundColumns(food, manufactures, new Float64Array(n));
  for (let c = 0; c < n; c++) {
    // worth(), from the columns.
    const value = Math.max(0, food[2 * c]!) + ratio * Math.max(0, manufactures[2 * c]!);
    funds.value[c] = value;
    const population = communities[c]!.population;
    wealth[c] = population > 0 ? (wealth[c]! + value) / population : 0;
  }
  return { wealth, funds };
}

/** Communities as payers of a fee (their fund as given, or as it stands now). */
export function fundersOf(society: Society, ids: readonly number[], wealth: Float64Array, funds?: Float64Array): Funder[] {
  const ratio = goodsRatio(society);
  return ids.map((id) => {
    const c = society.communities[id]!;
    return { id, population: c.population, wealthPerHead: wealth[id]!, fund: funds ? funds[id]! : worth(c.fund, ratio) };
  });
}
