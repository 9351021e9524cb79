import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';
import { ReversedRunner } from './reversed-runner.js';

describe('the metrics kernels', () => {
  it('give the same metrics, bit for bit, whatever order the communities are taken in', () => {
    const params = small('default', { population: 900, communities: 9, giniEvery: 3 });
    const inOrder = new Society(params as never, 4);
    const reversed = new Society(params as never, 4);
    const runner = new ReversedRunner(reversed, /^metrics\./);
    reversed.sharding.use(runner);
    for (let step = 0; step < 12; step++) {
      inOrder.step();
      reversed.step();
      expect(reversed.collector.last()).toEqual(inOrder.collector.last());
    }
    expect([...runner.ran].sort()).toEqual(['metrics.bins', 'metrics.exact', 'metrics.persons', 'metrics.wealth']);
  });

  it('sum what a pass over every person adds up, and leave floored net worth in member order behind', () => {
    const society = new Society(small('default', { population: 700, communities: 7, giniEvery: 5 }), 9);
    for (let step = 0; step < 9; step++) {
      society.step();
      const row = society.collector.last();
      const { food, manufactures, credit, civicNorm, utility, needsMet } = society.people.cols;
      const order = society.members.inOrder(society.people);
      const n = society.people.length;
      let [wealth, norm, welfare, poor, debtors, owed] = [0, 0, 0, 0, 0, 0];
      for (let m = 0; m < n; m++) {
        const r = order[m]!;
        const c = society.communities[society.people.cols.community[r]!]!;
        const w = c.food.price * food[r]! + c.manufactures.price * manufactures[r]! + credit[r]!;
        wealth += w;
        norm += civicNorm[r]!;
        welfare += utility[r]!;
        poor += needsMet[r]! < 1 - 1e-9 ? 1 : 0;
        debtors += w < 0 ? 1 : 0;
        owed += credit[r]! < 0 ? -credit[r]! : 0;
        // The buffer ends holding each member's floored net worth, at their member place.
        expect(society.wealth[m]).toBe(w > 0 ? w : 0);
      }
      expect(row['mean_wealth']).toBeCloseTo(wealth / n, 9);
      expect(row['civic_norm_mean']).toBeCloseTo(norm / n, 12);
      expect(row['mean_welfare']).toBeCloseTo(welfare / n, 9);
      expect(row['poverty_rate']).toBe(poor / n);
      expect(row['debtor_share']).toBe(debtors / n);
      expect(row['credit_outstanding']).toBeGreaterThanOrEqual(owed * (1 - 1e-12));
    }
  });
});
