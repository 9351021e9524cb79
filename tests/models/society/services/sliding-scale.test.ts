import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { slidingShares } from '../../../../models/society/services/sliding-scale.js';

describe('the sliding scale', () => {
  it('is monotone: per head, a poorer community never pays more than a richer one', () => {
    const rng = new Rng('sliding');
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + rng.int(20);
      const populations = Array.from({ length: n }, () => 10 + rng.int(2000));
      const wealth = Array.from({ length: n }, () => rng.lognormal(0, 1.5));
      const elasticity = rng.next();
      const shares = slidingShares(populations, wealth, elasticity);
      const perHead = populations.map((p, i) => shares[i]! / p);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) if (wealth[i]! < wealth[j]!) expect(perHead[i]!).toBeLessThanOrEqual(perHead[j]! * (1 + 1e-12));
      }
    }
  });

  it('shares add up to the whole fee', () => {
    const shares = slidingShares([100, 300, 50], [1, 2, 0.5], 0.7);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('with elasticity 0 everyone pays the same per head; with 1, in proportion to wealth', () => {
    const flat = slidingShares([100, 300], [1, 3], 0);
    expect(flat[0]! / 100).toBeCloseTo(flat[1]! / 300, 12);
    const proportional = slidingShares([100, 100], [1, 3], 1);
    expect(proportional[1]! / proportional[0]!).toBeCloseTo(3, 12);
  });

  it('a poorer community pays a smaller share per head than under a flat fee', () => {
    const flat = slidingShares([100, 100], [1, 4], 0);
    const sliding = slidingShares([100, 100], [1, 4], 0.5);
    expect(sliding[0]!).toBeLessThan(flat[0]!);
  });

  it('when nobody owns anything, everyone pays per head', () => {
    const shares = slidingShares([100, 300], [0, 0], 0.8);
    expect(Array.from(shares)).toEqual([0.25, 0.75]);
  });
});
