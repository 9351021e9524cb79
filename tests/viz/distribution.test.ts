import { describe, expect, it } from 'vitest';
import { giniOfCurve, histogram, summariseDistribution } from '../../viz/src/distribution.js';

describe('histogram', () => {
  it('counts every value once, the largest in the last bin', () => {
    const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const { edges, counts } = histogram(values, 5);
    expect(Array.from(edges)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(Array.from(counts)).toEqual([2, 2, 2, 2, 3]);
  });

  it('puts all-equal values in one bin of width one', () => {
    const { edges, counts } = histogram([3, 3, 3], 10);
    expect(Array.from(edges)).toEqual([3, 4]);
    expect(Array.from(counts)).toEqual([3]);
  });

  it('gives one empty bin for no values', () => {
    expect(Array.from(histogram([], 4).counts)).toEqual([0]);
  });

  it('handles negative values (debts)', () => {
    const { edges, counts } = histogram([-4, -2, 0, 2, 4], 4);
    expect(edges[0]).toBe(-4);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('Lorenz summary', () => {
  it('is the diagonal with Gini 0 when everyone has the same', () => {
    const summary = summariseDistribution(new Float64Array(100).fill(5), 10);
    expect(summary.gini).toBeCloseTo(0, 12);
    summary.lorenzX.forEach((x, i) => expect(summary.lorenzY[i]).toBeCloseTo(x, 12));
  });

  it('stays at zero until the last person when one person has everything', () => {
    const values = new Float64Array(100);
    values[37] = 50;
    const summary = summariseDistribution(values, 100);
    expect(summary.gini).toBeCloseTo(0.99, 10);
    expect(summary.lorenzY[99]).toBe(0);
    expect(summary.lorenzY[100]).toBe(1);
  });

  it('starts at (0, 0), ends at (1, 1) and never falls', () => {
    const values = Float64Array.from({ length: 500 }, (_, i) => (i * 7919) % 101);
    const { lorenzX, lorenzY } = summariseDistribution(values, 50);
    expect([lorenzX[0], lorenzY[0], lorenzX[50], lorenzY[50]]).toEqual([0, 0, 1, 1]);
    for (let i = 1; i < lorenzY.length; i++) expect(lorenzY[i]!).toBeGreaterThanOrEqual(lorenzY[i - 1]!);
  });

  it('a fine curve gives nearly the exact Gini by the trapezoid rule', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    const summary = summariseDistribution(values, 1000);
    expect(giniOfCurve(summary.lorenzX, summary.lorenzY)).toBeCloseTo(summary.gini, 2);
  });
});
