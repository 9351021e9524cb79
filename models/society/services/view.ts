import type { Society } from '../society.js';
import { manufacturesInFood, worth } from './goods.js';
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

/** Goods per head in each community (members' holdings and the fund), in food-equivalents: one pass over persons. */
export function wealthPerHead(society: Society): Float64Array {
  const ratio = goodsRatio(society);
  const { food, manufactures, community } = society.people.cols;
  const total = new Float64Array(society.communities.length);
  for (let row = 0; row < society.people.length; row++) {
    total[community[row]!]! += Math.max(0, food[row]!) + ratio * Math.max(0, manufactures[row]!);
  }
  for (const c of society.communities) {
    total[c.id] = c.population > 0 ? (total[c.id]! + worth(c.fund, ratio)) / c.population : 0;
  }
  return total;
}

/** Each community's fund in food-equivalents (taken at the start of the month, so earmarks do not depend on payment order). */
export function fundValues(society: Society): Float64Array {
  const ratio = goodsRatio(society);
  return Float64Array.from(society.communities, (c) => worth(c.fund, ratio));
}

/** Communities as payers of a fee (their fund as given, or as it stands now). */
export function fundersOf(society: Society, ids: readonly number[], wealth: Float64Array, funds?: Float64Array): Funder[] {
  const ratio = goodsRatio(society);
  return ids.map((id) => {
    const c = society.communities[id]!;
    return { id, population: c.population, wealthPerHead: wealth[id]!, fund: funds ? funds[id]! : worth(c.fund, ratio) };
  });
}
