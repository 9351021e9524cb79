import { describe, expect, it } from 'vitest';
import { gini } from '../../../sim/index.js';
import { Society } from '../../../models/society/index.js';
import { small } from './helpers.js';

describe('the random-exchange check (Drăgulescu & Yakovenko 2000)', () => {
  it('with production, rent, interest and inheritance off, random-pair exchange of continuous amounts settles to Gini 0.5', () => {
    const society = new Society(
      small('mutualism', {
        population: 4000, communities: 4, production: false, consumption: false, markets: false,
        birthRate: 0, mortalityBase: 0, randomExchangeTrades: 5,
      }),
      11,
    );
    const initial = gini(society.people.cols.food, society.people.length);
    society.run({ steps: 40 });
    const settled = gini(society.people.cols.food, society.people.length);
    expect(initial).toBeLessThan(0.35);
    expect(Math.abs(settled - 0.5)).toBeLessThan(0.03);
  });
});
