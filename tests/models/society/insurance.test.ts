import { describe, expect, it } from 'vitest';
import { Society } from '../../../models/society/index.js';
import { small } from './helpers.js';

/** Mean welfare and effort over the last half of a run with policies and membership held fixed. */
function outcome(sharing: number, shockSpread: number, seed: number): { welfare: number; effort: number } {
  const society = new Society(small('mutualism', {
    sharing, shockSpread, population: 900, communities: 9, assemblies: false, migration: false, splits: false, expulsionStrikes: 0,
  }), seed);
  society.run({ steps: 36 });
  const late = (name: string) => society.collector.column(name).slice(19).reduce((a, b) => a + b, 0) / 18;
  return { welfare: late('mean_welfare'), effort: late('mean_effort') };
}

describe('sharing insures as well as weakening incentives (shocks on)', () => {
  const seeds = [1, 2];
  const loss = (sharing: number) => seeds.reduce((sum, seed) => sum + outcome(sharing, 0, seed).welfare - outcome(sharing, 1, seed).welfare, 0) / seeds.length;

  it('bad luck costs welfare, and sharing absorbs most of that cost', () => {
    const unshared = loss(0);
    expect(unshared).toBeGreaterThan(0);
    expect(loss(0.5)).toBeLessThan(0.5 * unshared);
  });

  it('and sharing costs effort: members keep less of their marginal product', () => {
    expect(outcome(0.5, 1, 1).effort).toBeLessThan(outcome(0, 1, 1).effort);
  });
});
