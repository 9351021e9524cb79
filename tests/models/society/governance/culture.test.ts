import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

describe('culture', () => {
  it('no norm moves more than maxNormChange in a month (newborns aside)', () => {
    const society = new Society(small('default', { sharing: 1, civicNormMean: 0.3, civicNormSpread: 0.3 }), 5);
    society.run({ steps: 2 });
    for (let step = 0; step < 6; step++) {
      const before = new Map<number, number>();
      for (let row = 0; row < society.people.length; row++) before.set(society.people.idOf(row), society.people.cols.civicNorm[row]!);
      society.step();
      for (let row = 0; row < society.people.length; row++) {
        const was = before.get(society.people.idOf(row));
        if (was !== undefined) expect(Math.abs(society.people.cols.civicNorm[row]! - was)).toBeLessThanOrEqual(society.params.maxNormChange + 1e-6);
      }
    }
  });

  it('norms erode where free-riding goes unpunished, and hold where it is punished', () => {
    const normAfter = (punishCost: number) => {
      const society = new Society(small('default', { sharing: 1, civicNormMean: 0.45, civicNormSpread: 0.05, punishCost, assemblies: false, migration: false, splits: false }), 5);
      society.run({ steps: 48 });
      let sum = 0;
      for (let row = 0; row < society.people.length; row++) sum += society.people.cols.civicNorm[row]!;
      return sum / society.people.length;
    };
    const unpunished = normAfter(5);
    const punished = normAfter(0);
    expect(unpunished).toBeLessThan(punished - 0.02);
  });

  it('an atomized start gives lower norms, more free-riding and no peer sanctions', () => {
    const run = (civicNormMean: number) => {
      const society = new Society(small('default', { civicNormMean, sharing: 0.5, assemblies: false }), 5);
      let freeRiding = 0, sanctions = 0;
      for (let step = 0; step < 24; step++) {
        society.step();
        freeRiding += society.collector.last()['free_riding_rate'] as number;
        sanctions += society.polity.counters.sanctions;
      }
      return { freeRiding: freeRiding / 24, sanctions };
    };
    const cohesive = run(0.5);
    const atomized = run(0.15);
    expect(atomized.freeRiding).toBeGreaterThan(cohesive.freeRiding + 0.05);
    expect(atomized.sanctions).toBeLessThan(cohesive.sanctions);
  });
});
