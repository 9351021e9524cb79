import { describe, expect, it } from 'vitest';
import { Society } from '../../../models/society/index.js';
import { small } from './helpers.js';

function run(landTenure: string) {
  const society = new Society(small('mutualism', { landTenure }), 9);
  let rent = 0;
  society.run({ steps: 24, onStep: (s) => (rent += s.counters.rentPaid) });
  const cols = society.people.cols;
  let owners = 0;
  let others = 0;
  let nOwners = 0;
  let nOthers = 0;
  for (let row = 0; row < society.people.length; row++) {
    if (cols.age[row]! < 15) continue;
    if (cols.proprietor[row]) (owners += cols.lifetimeIncome[row]!), nOwners++;
    else (others += cols.lifetimeIncome[row]!), nOthers++;
  }
  return { rent, ownerIncomeRatio: owners / nOwners / (others / nOthers) };
}

describe('rent', () => {
  const usufruct = run('usufruct');
  const landlords = run('landlords');

  it('is paid only where land tenure is landlords', () => {
    expect(usufruct.rent).toBe(0);
    expect(landlords.rent).toBeGreaterThan(0);
  });

  it('flows to the landlords (proprietors earn more with it than without)', () => {
    expect(landlords.ownerIncomeRatio).toBeGreaterThan(usufruct.ownerIncomeRatio * 1.5);
  });
});
