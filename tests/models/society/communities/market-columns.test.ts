import { describe, expect, it } from 'vitest';
import { MarketColumns, openMarkets } from '../../../../models/society/communities/market-columns.js';
import { foundCommunity } from '../../../../models/society/association/found.js';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

describe("the communities' markets as columns", () => {
  it('opens each market at its labour cost, in its own slots, and keeps every value as the columns grow', () => {
    const columns = new MarketColumns(2, false);
    const opened = [0, 1, 2, 3, 4, 5, 6].map((id) => openMarkets(columns, id, 10 + id, 20 + id));
    opened.forEach(({ food, manufactures, hours }, id) => {
      expect(food.toJSON()).toEqual({ labourCost: 10 + id, productivity: 0, output: 0, markup: 1, price: 10 + id, unmet: 0, unsold: 0 });
      expect(manufactures.price).toBe(20 + id);
      food.output = id + 0.5;
      manufactures.unsold = -id;
      hours.food = 100 * id;
      hours.manufactures = 100 * id + 1;
    });
    // Opened past its first room: the arrays were replaced, and every view reads the new ones.
    expect(columns.price.length).toBeGreaterThanOrEqual(14);
    opened.forEach(({ food, manufactures, hours }, id) => {
      expect(columns.output[2 * id]).toBe(id + 0.5);
      expect(columns.unsold[2 * id + 1]).toBe(-id);
      expect(columns.price[2 * id + 1]).toBe(20 + id);
      expect([hours.food, hours.manufactures]).toEqual([100 * id, 100 * id + 1]);
      expect(columns.hours[2 * id + 1]).toBe(100 * id + 1);
      expect(food.output).toBe(id + 0.5);
      expect(manufactures.unsold).toBe(-id);
    });
    expect(JSON.parse(JSON.stringify(opened[3]!.hours))).toEqual({ food: 300, manufactures: 301 });
  });

  it('puts the kernels\' markets on shared memory for a threaded run', () => {
    const columns = new MarketColumns(4, true);
    openMarkets(columns, 9, 1, 2);
    for (const array of Object.values(columns.arrays())) expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('gives a founded community its parent\'s prices, with nothing produced or left over', () => {
    const society = new Society(small('default', { population: 1200, communities: 4 }), 3);
    society.run({ steps: 6 });
    const parent = society.communities[0]!;
    const child = foundCommunity(society, parent, 20, 0.5);
    expect(child).not.toBeNull();
    for (const good of ['food', 'manufactures'] as const) {
      const { labourCost, productivity, markup, price } = parent[good];
      expect(parent[good].output).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(child![good]))).toEqual({ labourCost, productivity, markup, price, output: 0, unmet: 0, unsold: 0 });
    }
    // The child's slots are its own: a change there leaves the parent's alone.
    child!.food.price = -1;
    expect(parent.food.price).not.toBe(-1);
    expect(society.markets.price[2 * child!.id]).toBe(-1);
  });
});
