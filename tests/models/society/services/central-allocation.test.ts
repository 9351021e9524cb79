import { describe, expect, it } from 'vitest';
import { allocateCentralBudget, electedSurvivalWeight, type CentralBudgetCase } from '../../../../models/society/services/central-allocation.js';

const calm: CentralBudgetCase = {
  total: 100, threat: 0, attackChance: 1 / 36, baseDefence: 1, strengthPerUnit: 10, contestExponent: 0.4,
  serviceScale: 50, survivalWeight: 0.5, horizonMonths: 120,
};

describe('one central budget', () => {
  it('with no threat everything goes to services', () => {
    expect(allocateCentralBudget(calm)).toEqual({ defence: 0, services: 100 });
  });

  it('a threat moves money away from services, more as it grows', () => {
    const services = [0, 10, 100, 1000].map((threat) => allocateCentralBudget({ ...calm, threat }).services);
    expect(services[1]!).toBeLessThan(services[0]!);
    for (let i = 1; i < services.length; i++) expect(services[i]!).toBeLessThanOrEqual(services[i - 1]!);
    expect(services[3]!).toBeLessThan(services[1]!);
  });

  it('against a hopeless threat it spends less on defence again (a decision, not a fixed rule)', () => {
    const strong = allocateCentralBudget({ ...calm, threat: 1000 }).defence;
    const hopeless = allocateCentralBudget({ ...calm, threat: 100_000 }).defence;
    expect(hopeless).toBeLessThan(strong);
  });

  it('a government that weighs its survival more spends more on defence', () => {
    const threatened = { ...calm, threat: 1000 };
    const loose = allocateCentralBudget({ ...threatened, survivalWeight: 0.2 });
    const anxious = allocateCentralBudget({ ...threatened, survivalWeight: 0.8 });
    expect(anxious.defence).toBeGreaterThan(loose.defence);
  });

  it('elections pull the weight toward the voters’', () => {
    expect(electedSurvivalWeight(0.8, 0.2, 0)).toBe(0.8);
    expect(electedSurvivalWeight(0.8, 0.2, 1)).toBe(0.2);
    expect(electedSurvivalWeight(0.8, 0.2, 0.5)).toBeCloseTo(0.5, 12);
  });
});
