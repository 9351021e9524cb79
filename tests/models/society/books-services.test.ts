import { describe, expect, it } from 'vitest';
import { GOODS } from '../../../models/society/books/ledger.js';
import { holdings } from '../../../models/society/books/holdings.js';
import { Society } from '../../../models/society/index.js';
import { small } from './helpers.js';

/** Settings that exercise syndicate budgets, the central purse, battles, seizure, tribute, licences and police. */
const SETTINGS: Record<string, Record<string, unknown>> = {
  'separate budgets under attack': { aggressors: 2, aggressorStrength: 60, attackRate: 0.3 },
  'one central budget with a standing army': { aggressors: 2, aggressorStrength: 60, attackRate: 0.3, unitaryBudget: true, defence: 'army', centralBudget: true },
  'patents and armed police': { knowledge: 'patents', crisisResponse: 'armed', researchRate: 0.3, licenceRate: 0.2 },
};

describe('the books with syndicates, defence and knowledge', () => {
  for (const [label, extra] of Object.entries(SETTINGS)) {
    it(`balance every step (${label}): syndicate budgets, seized wealth, tribute and war destruction included`, () => {
      const society = new Society(small('default', { population: 1000, communities: 12, ...extra }), 7);
      let before = holdings(society);
      for (let step = 0; step < 30; step++) {
        society.step();
        const after = holdings(society);
        for (const good of GOODS) {
          const change = after[good] - before[good];
          expect(Math.abs(change - society.ledger.net(good)) / (1 + Math.abs(before[good])), `${good} at step ${society.steps}`).toBeLessThan(1e-6);
        }
        before = after;
      }
      expect(society.ledger.total.get('food:-service')).toBeGreaterThan(0);
    });
  }

  it('tribute and seized wealth leave the society as sinks when communities are annexed', () => {
    const society = new Society(small('default', { population: 1000, communities: 12, aggressors: 1, aggressorStrength: 1e6, attackRate: 1, militiaShare: 0 }), 7);
    society.run({ steps: 8 });
    expect(society.collector.column('annexations').reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect((society.ledger.total.get('food:-tribute') ?? 0) + (society.ledger.total.get('manufactures:-tribute') ?? 0)).toBeGreaterThan(0);
    expect((society.ledger.total.get('food:-war') ?? 0) + (society.ledger.total.get('manufactures:-war') ?? 0)).toBeGreaterThan(0);
  });

  it('the same seed gives identical metrics and events with syndicates, outside States, patents and armed police on', () => {
    const run = () => {
      const s = new Society(small('default', { population: 800, communities: 10, aggressors: 2, aggressorStrength: 60, attackRate: 0.3, knowledge: 'patents', crisisResponse: 'armed', researchRate: 0.3 }), 9);
      s.run({ steps: 30 });
      return { csv: s.collector.toCSV(), events: s.events.toNDJSON() };
    };
    const [a, b] = [run(), run()];
    expect(a.csv).toBe(b.csv);
    expect(a.events).toBe(b.events);
  });
});
