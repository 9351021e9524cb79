import { describe, expect, it } from 'vitest';
import { gini, Rng } from '../../../../sim/index.js';
import { binnedGini, binnedGiniWithin, giniAt, giniWithinAt } from '../../../../models/society/economy/inequality.js';

function extremes(values: Float64Array): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return [low, high];
}

describe('the binned Gini given the extremes a caller found', () => {
  const rng = new Rng('inequality');
  const samples = [
    Float64Array.from({ length: 5000 }, () => -Math.log(1 - rng.next()) * 40),
    Float64Array.from({ length: 777 }, () => (rng.next() < 0.3 ? 0 : rng.next() ** 3 * 1e4)),
    Float64Array.from({ length: 10 }, () => 5),
  ];

  it('is bit for bit the binned Gini that finds them itself', () => {
    for (const values of samples) {
      const [low, high] = extremes(values);
      expect(Object.is(binnedGiniWithin(values, values.length, low, high), binnedGini(values, values.length))).toBe(true);
    }
  });

  it('switches to the exact Gini on the same steps as giniAt', () => {
    const values = samples[0]!;
    const [low, high] = extremes(values);
    for (const step of [0, 5, 12, 13]) {
      expect(Object.is(giniWithinAt(step, 12, values, values.length, low, high), giniAt(step, 12, values, values.length))).toBe(true);
    }
    expect(giniWithinAt(24, 12, values, values.length, low, high)).toBe(gini(values));
  });
});
