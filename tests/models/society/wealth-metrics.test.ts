import { describe, expect, it } from 'vitest';
import { gini } from '../../../sim/index.js';
import { Society } from '../../../models/society/index.js';
import { small } from './helpers.js';

/** Each person's goods at their community's prices, and net worth with their credit balance. */
function worths(society: Society): { goods: number[]; net: number[] } {
  const { food, manufactures, credit, community } = society.people.cols;
  const goods: number[] = [];
  const net: number[] = [];
  for (let row = 0; row < society.people.length; row++) {
    const c = society.communities[community[row]!]!;
    goods.push(c.food.price * food[row]! + c.manufactures.price * manufactures[row]!);
    net.push(goods[row]! + credit[row]!);
  }
  return { goods, net };
}

describe('wealth metrics with mutual-credit balances', () => {
  const society = new Society(small('default', { population: 800, communities: 8, giniEvery: 1 }), 3);
  society.run({ steps: 40 });
  const row = society.collector.last();
  const { goods, net } = worths(society);
  const floored = net.map((w) => Math.max(0, w));

  it('debtors exist after a few years of trade on credit, and debtor_share counts them', () => {
    const debtors = net.filter((w) => w < 0).length;
    expect(debtors).toBeGreaterThan(0);
    expect(row['debtor_share']).toBeCloseTo(debtors / net.length, 12);
  });

  it('max_wealth_ratio compares the richest with the mean of the same floored net worth the Gini uses', () => {
    const flooredMean = floored.reduce((a, b) => a + b, 0) / floored.length;
    expect(row['max_wealth_ratio']).toBeCloseTo(Math.max(...net) / flooredMean, 9);
    expect(row['gini_wealth']).toBeCloseTo(gini(floored), 9);
    expect(row['mean_wealth']).toBeCloseTo(net.reduce((a, b) => a + b, 0) / net.length, 6);
  });

  it('gini_goods leaves credit balances out', () => {
    expect(row['gini_goods']).toBeCloseTo(gini(goods), 9);
    expect(row['gini_goods']).toBeLessThan(row['gini_wealth']!);
  });
});
