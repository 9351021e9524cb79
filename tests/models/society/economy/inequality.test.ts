import { describe, expect, it } from 'vitest';
import { gini, Rng } from '../../../../sim/index.js';
import { binnedGini, binnedGiniWithin, binScale, binValues, giniAt, giniOfBins, giniWithinAt, GINI_BINS } from '../../../../models/society/economy/inequality.js';

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

describe('the binned Gini by blocks', () => {
  it('adds blocks binned apart to within rounding of one pass, and to the same bits with one block', () => {
    const rng = new Rng('blocks');
    const values = Float64Array.from({ length: 200_000 }, () => rng.lognormal(0, 1));
    let low = Infinity;
    let high = -Infinity;
    for (const v of values) [low, high] = [Math.min(low, v), Math.max(high, v)];
    const scale = binScale(low, high);
    const byBlocks = (block: number) => {
      const counts = new Float64Array(GINI_BINS);
      const sums = new Float64Array(GINI_BINS);
      const part = { counts: new Float64Array(GINI_BINS), sums: new Float64Array(GINI_BINS) };
      for (let from = 0; from < values.length; from += block) {
        part.counts.fill(0);
        part.sums.fill(0);
        binValues(values, from, Math.min(values.length, from + block), low, scale, part.counts, 0, part.sums, 0);
        for (let b = 0; b < GINI_BINS; b++) {
          counts[b]! += part.counts[b]!;
          sums[b]! += part.sums[b]!;
        }
      }
      return giniOfBins(counts, sums, values.length);
    };
    const onePass = binnedGiniWithin(values, values.length, low, high);
    expect(Object.is(byBlocks(values.length), onePass)).toBe(true);
    expect(byBlocks(65_536)).toBeCloseTo(onePass, 12);
    expect(byBlocks(65_536)).toBeCloseTo(gini(values), 2);
  });
});
