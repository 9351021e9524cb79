import { describe, expect, it } from 'vitest';
import { gini } from '../../../sim/index.js';
import { Society } from '../../../models/society/index.js';
import { isWorker } from '../../../models/society/people/people.js';
import { small } from './helpers.js';

/** Mean over communities and the last months of the Gini of workers' incomes. */
function withinCommunityIncomeGini(sharing: number, seed: number): number {
  const society = new Society(small('mutualism', { sharing, skillSpread: 0.6, population: 600, assemblies: false }), seed);
  society.run({ steps: 12 });
  let total = 0;
  let count = 0;
  for (let month = 0; month < 12; month++) {
    society.step();
    const { members, people, params } = society;
    for (const community of society.communities) {
      const incomes: number[] = [];
      for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
        const row = members.rows[k]!;
        if (isWorker(people.cols.age[row]!, params.adultAge, params.retirementAge)) incomes.push(people.cols.income[row]!);
      }
      if (incomes.length < 5) continue;
      total += gini(incomes);
      count++;
    }
  }
  return total / count;
}

describe('sharing and income inequality inside communities', () => {
  const levels = [0, 0.25, 0.5, 0.75, 1];
  const ginis = levels.map((tau) => withinCommunityIncomeGini(tau, 7));

  it('full sharing gives a within-community income Gini near 0', () => {
    expect(ginis[4]!).toBeLessThan(0.02);
  });

  it('no sharing with unequal skills gives a clearly positive one', () => {
    expect(ginis[0]!).toBeGreaterThan(0.2);
  });

  it('hybrids lie between, monotone in sharing', () => {
    for (let k = 1; k < levels.length; k++) expect(ginis[k]!, `τ=${levels[k]}`).toBeLessThan(ginis[k - 1]!);
  });
});
