import { describe, expect, it } from 'vitest';
import { gini } from '../../../sim/index.js';
import { Society } from '../../../models/society/index.js';
import { binnedGini } from '../../../models/society/economy/inequality.js';
import { small } from './helpers.js';

/**
 * Each person's income per adult-equivalent, goods at their community's prices, and net worth
 * floored at zero, in member order (communities in turn, each one's members by id).
 */
function distributions(society: Society): { income: Float64Array; goods: Float64Array; wealth: Float64Array } {
  const n = society.people.length;
  const { community, food, manufactures, credit, income: incomeOf, age } = society.people.cols;
  const order = society.members.rows;
  const income = new Float64Array(n);
  const goods = new Float64Array(n);
  const wealth = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    const row = order[m]!;
    const c = society.communities[community[row]!]!;
    income[m] = incomeOf[row]! / (age[row]! < society.params.adultAge ? 0.5 : 1);
    goods[m] = c.food.price * food[row]! + c.manufactures.price * manufactures[row]!;
    const w = goods[m]! + credit[row]!;
    wealth[m] = w > 0 ? w : 0;
  }
  return { income, goods, wealth };
}

describe('the three Ginis from one shared buffer', () => {
  it('are the Ginis of each distribution, bit for bit, on exact and binned steps alike, and leave wealth in member order behind', () => {
    // More persons than the radix sort's threshold, so the exact Gini sorts by radix.
    const society = new Society(small('default', { population: 6000, communities: 24, giniEvery: 3 }) as never, 4);
    let exactSteps = 0;
    for (let step = 1; step <= 7; step++) {
      society.step();
      const row = society.collector.last();
      const expected = distributions(society);
      const n = society.people.length;
      const exact = society.steps % 3 === 0;
      exactSteps += exact ? 1 : 0;
      const giniOf = (values: Float64Array) => (exact ? gini(values) : binnedGini(values, n));
      expect(Object.is(row['gini_income'], giniOf(expected.income))).toBe(true);
      expect(Object.is(row['gini_goods'], giniOf(expected.goods))).toBe(true);
      expect(Object.is(row['gini_wealth'], giniOf(expected.wealth))).toBe(true);
      expect(Array.from(society.wealth.subarray(0, n))).toEqual(Array.from(expected.wealth));
    }
    expect(exactSteps).toBe(2);
  });
});
