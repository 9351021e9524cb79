import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { scenarioParams } from '../helpers.js';

/** Means over months 121–300 of a scenario at 2,000 persons in 20 communities. */
function means(name: string, seed: number): Record<string, number> {
  const society = new Society({ ...scenarioParams(name), population: 2000, communities: 20 }, seed);
  const sums: Record<string, number> = { free_riding_rate: 0, poverty_rate: 0, civic_norm_mean: 0, mean_effort: 0 };
  for (let step = 1; step <= 300; step++) {
    society.step();
    if (step <= 120) continue;
    const row = society.collector.last();
    for (const key of Object.keys(sums)) sums[key]! += (row[key] as number) / 180;
  }
  return sums;
}

describe('Q5: the atomized scenario against the cohesive default', () => {
  it('an atomized start free-rides more, works less and is poorer, on every seed', () => {
    // More seeds behind POLYCENTRIC_LONG; two keep the suite fast.
    for (const seed of process.env['POLYCENTRIC_LONG'] ? [1, 2, 3, 4, 5] : [1, 2]) {
      const cohesive = means('default', seed);
      const atomized = means('atomized', seed);
      expect(atomized.free_riding_rate!, `seed ${seed}`).toBeGreaterThan(cohesive.free_riding_rate! + 0.05);
      expect(atomized.mean_effort!, `seed ${seed}`).toBeLessThan(cohesive.mean_effort!);
      expect(atomized.poverty_rate!, `seed ${seed}`).toBeGreaterThan(cohesive.poverty_rate!);
      expect(atomized.civic_norm_mean!, `seed ${seed}`).toBeLessThan(cohesive.civic_norm_mean!);
    }
  }, 120_000);
});
