import { describe, expect, it } from 'vitest';
import { gini, giniInPlace, lorenz, mean, quantile, Rng, sum } from '../../sim/index.js';

describe('gini', () => {
  it('is 0 for equal shares and for empty or all-zero input', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });

  it('is (n-1)/n when one holds everything', () => {
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 12);
    expect(gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toBeCloseTo(0.9, 12);
  });

  it('matches the mean absolute difference formula on a known input', () => {
    // Σ|xi - xj| over ordered pairs of [1, 2, 3, 4] is 20; G = 20 / (2 n² mean) = 20 / 80.
    expect(gini([3, 1, 4, 2])).toBeCloseTo(0.25, 12);
    expect(gini(Float64Array.from([3, 1, 4, 2, 99]), 4)).toBeCloseTo(0.25, 12);
  });

  it('does not depend on order or scale', () => {
    expect(gini([7, 1, 3])).toBeCloseTo(gini([3, 7, 1]), 12);
    expect(gini([7, 1, 3])).toBeCloseTo(gini([70, 10, 30]), 12);
  });
});

describe('quantile', () => {
  it('interpolates linearly between order statistics', () => {
    expect(quantile([4, 1, 3, 2], 0)).toBe(1);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([10, 20], 0.25)).toBe(12.5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('lorenz', () => {
  it('is the diagonal for equal shares', () => {
    const curve = lorenz([2, 2, 2, 2], 4);
    expect(curve).toEqual([0, 0.25, 0.5, 0.75, 1].map((x) => ({ x, y: x })));
  });

  it('gives the cumulative share of the poorest', () => {
    const curve = lorenz([6, 1, 3, 0], 4);
    expect(curve.map((point) => point.y)).toEqual([0, 0, 0.1, 0.4, 1]);
  });
});

describe('sum and mean', () => {
  it('use only the first n values when asked', () => {
    expect(sum([1, 2, 3, 100], 3)).toBe(6);
    expect(mean([1, 2, 3, 100], 3)).toBe(2);
    expect(mean([])).toBeNaN();
  });
});

describe('giniInPlace', () => {
  it('gives gini\'s number bit for bit, sorting the first n values where they are and leaving the rest', () => {
    const rng = new Rng('gini-in-place');
    for (const size of [0, 1, 5, 300, 4096, 20_000]) {
      const values = Float64Array.from({ length: size + 3 }, (_, i) => (i % 7 === 0 ? 0 : rng.lognormal(0, 1.5) - 0.2));
      const expected = gini(values, size);
      const tail = Array.from(values.subarray(size));
      const sorted = Array.from(values.subarray(0, size)).sort((a, b) => a - b);
      expect(Object.is(giniInPlace(values, size), expected)).toBe(true);
      expect(Array.from(values.subarray(0, size))).toEqual(sorted);
      expect(Array.from(values.subarray(size))).toEqual(tail);
    }
  });
});
