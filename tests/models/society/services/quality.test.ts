import { describe, expect, it } from 'vitest';
import { serviceQuality, spendingFor } from '../../../../models/society/services/quality.js';

describe('service quality', () => {
  it('follows q = (1−s)·B / ((1−s)·B + c0·N^(1−η))', () => {
    const q = serviceQuality(40, 0.2, 0.5, 1000, 0.2);
    const cost = 0.5 * Math.pow(1000, 0.8);
    expect(q).toBeCloseTo(32 / (32 + cost), 12);
  });

  it('is zero with no spending or no one served, and rises with spending', () => {
    expect(serviceQuality(0, 0, 1, 100, 0.2)).toBe(0);
    expect(serviceQuality(10, 0, 1, 0, 0.2)).toBe(0);
    expect(serviceQuality(20, 0, 1, 100, 0.2)).toBeGreaterThan(serviceQuality(10, 0, 1, 100, 0.2));
  });

  it('skimming lowers it; economies of scale make the same spending per person buy more in a larger region', () => {
    expect(serviceQuality(10, 0.3, 1, 100, 0.2)).toBeLessThan(serviceQuality(10, 0, 1, 100, 0.2));
    expect(serviceQuality(1000, 0, 1, 10_000, 0.2)).toBeGreaterThan(serviceQuality(10, 0, 1, 100, 0.2));
    expect(serviceQuality(1000, 0, 1, 10_000, 0)).toBeCloseTo(serviceQuality(10, 0, 1, 100, 0), 12);
  });

  it('gives, to the bit, the formula with Math.pow, for head counts kept and not, as the exponent changes', () => {
    const direct = (spending: number, skim: number, cost: number, served: number, scale: number) => {
      const delivered = (1 - skim) * spending;
      return delivered / (delivered + cost * Math.pow(served, 1 - scale));
    };
    for (const scale of [0.15, 0.3, 0.15, 0]) {
      for (const served of [1, 2, 37, 250, 250, 999, 65_535, 65_536, 1_000_000, 12.5, 0.25]) {
        expect(Object.is(serviceQuality(80, 0.1, 3, served, scale), direct(80, 0.1, 3, served, scale))).toBe(true);
      }
    }
  });

  it('spendingFor inverts it', () => {
    const spending = spendingFor(0.6, 0.1, 0.05, 500, 0.2);
    expect(serviceQuality(spending, 0.1, 0.05, 500, 0.2)).toBeCloseTo(0.6, 12);
  });
});
