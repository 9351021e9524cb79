import { describe, expect, it } from 'vitest';
import { GOODS } from '../../../models/society/books/ledger.js';
import { holdings } from '../../../models/society/books/holdings.js';
import { Society } from '../../../models/society/index.js';
import { REGIMES, small } from './helpers.js';

const SINGLE_SWITCHES: Record<string, unknown>[] = [
  { landTenure: 'landlords' }, { labour: 'wage' }, { capital: 'interest' }, { inheritance: 'heirs' }, { centralBudget: true },
];

/** Steps a society, checking the books after every step. */
function checkBooks(society: Society, steps: number): void {
  let before = holdings(society);
  for (let step = 0; step < steps; step++) {
    society.step();
    const after = holdings(society);
    for (const good of GOODS) {
      const change = after[good] - before[good];
      const scale = 1 + Math.abs(before[good]);
      expect(Math.abs(change - society.ledger.net(good)) / scale, `${good} at step ${society.steps}`).toBeLessThan(1e-6);
    }
    expect(after.creditImbalance).toBeLessThan(1e-6 * (1 + society.people.length));
    expect(Math.abs(after.clearing)).toBeLessThan(1e-6 * (1 + society.people.length));
    before = after;
  }
}

describe('the books', () => {
  for (const regime of REGIMES) {
    it(`balance every step in ${regime}: sources − sinks = change in holdings, and every union's credit sums to zero`, () => {
      const society = new Society(small(regime), 3);
      checkBooks(society, 36);
      expect(society.ledger.total.get('food:+production')).toBeGreaterThan(0);
    });
  }

  for (const flipped of SINGLE_SWITCHES) {
    it(`balance with one institution switched alone: ${JSON.stringify(flipped)}`, () => {
      checkBooks(new Society(small('mutualism', flipped), 8), 12);
    });
  }

  it('balance with people moving, expelled, splitting off, and federations pooling aid', () => {
    const society = new Society(small('default', {
      migrationRate: 0.05, movingCost: 0, expulsionStrikes: 1, sharing: 0.8, idealPointWeight: 1, foundingCost: 0, minFaction: 5, federationSolidarity: 0.2,
    }), 6);
    checkBooks(society, 40);
    expect(society.polity.counters.migrations + society.events.count('split') + society.events.count('expulsion')).toBeGreaterThan(0);
    expect(society.events.count('federation_formed')).toBeGreaterThan(0);
  });

  it('balance under hierarchical accountability: wages, fines and bribes are transfers', () => {
    checkBooks(new Society(small('default', { accountability: 'hierarchical', sharing: 1, civicNormMean: 0.2 }), 8), 12);
  });

  it('would notice a good created out of nothing', () => {
    const society = new Society(small('mutualism'), 3);
    const before = holdings(society);
    society.step();
    society.people.cols.food[0]! += 5;
    const after = holdings(society);
    expect(Math.abs(after.food - before.food - society.ledger.net('food'))).toBeGreaterThan(4.9);
  });
});
