import { describe, expect, it } from 'vitest';
import { assessFees, collectFees, earmark, optsOut, type Funder } from '../../../../models/society/services/funding.js';

const funders: Funder[] = [
  { id: 0, population: 200, wealthPerHead: 2, fund: 30 },
  { id: 1, population: 800, wealthPerHead: 5, fund: 1000 },
  { id: 2, population: 50, wealthPerHead: 0.5, fund: 1 },
];

/** What every syndicate of a set receives this month when each asks its own budget. */
function budgets(asked: number[]): number[] {
  return asked.map((a) => collectFees(assessFees(a, funders, 0.5), funders, 0.3).reduce((s, x) => s + x, 0));
}

describe('funding syndicates', () => {
  it('cutting one syndicate’s funding leaves every other syndicate’s budget unchanged', () => {
    const before = budgets([40, 25, 60, 10, 5]);
    const after = budgets([40, 0, 60, 10, 5]);
    expect(after[1]).toBe(0);
    for (const i of [0, 2, 3, 4]) expect(after[i]).toBe(before[i]);
  });

  it('a community pays its sliding-scale fee, up to its earmarked slice of the fund', () => {
    const assessed = assessFees(60, funders, 0.5);
    const paid = collectFees(assessed, funders, 0.3);
    expect(paid[1]).toBeCloseTo(assessed[1]!, 12);
    expect(paid[2]).toBeCloseTo(earmark(1, 0.3), 12);
    expect(paid[2]!).toBeLessThan(assessed[2]!);
  });

  it('an empty or indebted fund pays nothing', () => {
    expect(earmark(0, 0.3)).toBe(0);
    expect(earmark(-5, 0.3)).toBe(0);
  });

  it('a community opts out when the fee outweighs what the service is worth to it', () => {
    expect(optsOut(0.05, 0.8, 0.1, 1)).toBe(false);
    expect(optsOut(0.05, 0.2, 0.1, 1)).toBe(true);
  });
});
