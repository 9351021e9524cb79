import { describe, expect, it } from 'vitest';
import { Society } from '../../../models/society/index.js';
import { small } from './helpers.js';

function outputs(seed: number) {
  const society = new Society(small('state'), seed);
  society.run({ steps: 30 });
  return { csv: society.collector.toCSV(), events: society.events.toNDJSON() };
}

describe('determinism', () => {
  it('the same seed gives identical metrics and events', () => {
    const a = outputs(4);
    const b = outputs(4);
    expect(a.csv).toBe(b.csv);
    expect(a.events).toBe(b.events);
  });

  it('another seed gives other metrics', () => {
    expect(outputs(5).csv).not.toBe(outputs(4).csv);
  });

  it('collects MODEL.md economic columns every step', () => {
    const society = new Society(small('mutualism'), 1);
    society.run({ steps: 3 });
    const header = society.collector.csvHeader().trim().split(',');
    for (const column of ['step', 'population', 'communities', 'mean_wealth', 'gini_wealth', 'gini_income', 'max_wealth_ratio', 'max_wealth_lifetime_ratio', 'poverty_rate', 'mean_welfare', 'sharing_mean', 'share_communist', 'share_mutualist', 'free_riding_rate', 'resource_stock', 'mean_effort', 'price_food', 'price_manufactures', 'trade_volume', 'births', 'deaths', 'credit_outstanding', 'rent_paid']) {
      expect(header).toContain(column);
    }
    expect(society.collector.rows).toBe(4);
  });
});
