import { describe, expect, it } from 'vitest';
import { fundingVerdict, shouldFound, shouldSplit, splitRegion, workersFunded } from '../../../../models/society/services/lifecycle.js';

const base = { incumbentQuality: 0.1, expectedQuality: 0.5, rivalBelow: 0.25, valuePerHead: 0.1, foundingCostPerHead: 2, horizonMonths: 120 };

describe('the life of a syndicate', () => {
  it('clients found a rival when the incumbent serves badly and the gain repays the founding cost', () => {
    expect(shouldFound(base)).toBe(true);
    expect(shouldFound({ ...base, incumbentQuality: 0.3 })).toBe(false);
    expect(shouldFound({ ...base, foundingCostPerHead: 10 })).toBe(false);
  });

  it('where no syndicate serves, communities found one', () => {
    expect(shouldFound({ ...base, incumbentQuality: 0 })).toBe(true);
  });

  it('an underfunded syndicate shrinks, then dissolves after months in a row', () => {
    expect(fundingVerdict(80, 100, 0.5, 0, 24)).toBe('keep');
    expect(fundingVerdict(30, 100, 0.5, 0, 24)).toBe('shrink');
    expect(fundingVerdict(30, 100, 0.5, 23, 24)).toBe('dissolve');
  });

  it('keeps the workers its funding pays for', () => {
    expect(workersFunded(1000, 0.01, 50, 100)).toBeCloseTo(5, 12);
    expect(workersFunded(1000, 0.01, 150, 100)).toBeCloseTo(10, 12);
  });

  it('an oversized syndicate splits in two halves along its longer axis', () => {
    expect(shouldSplit(41, 40)).toBe(true);
    expect(shouldSplit(40, 40)).toBe(false);
    const places = [0, 1, 2, 3, 4].map((i) => ({ id: 10 - i, x: i * 10, y: i % 2, population: 1, area: 1 }));
    expect(splitRegion(places)).toEqual([[8, 9, 10], [6, 7]]);
  });
});
