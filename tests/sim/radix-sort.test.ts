import { describe, expect, it } from 'vitest';
import { Rng, gini } from '../../sim/index.js';
import { sortFloat64, sortScratchLength } from '../../sim/radix-sort.js';

/** Random doubles of every kind the sort must place: wide magnitudes, both signs, ±0, ties, tiny and infinite values. */
function awkward(n: number, seed: number): Float64Array {
  const rng = new Rng(`radix-${seed}`);
  const values = new Float64Array(n);
  const specials = [0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, 1, -1];
  for (let i = 0; i < n; i++) {
    const kind = rng.int(6);
    if (kind === 0) values[i] = specials[rng.int(specials.length)]!;
    else if (kind === 1) values[i] = values[rng.int(i + 1)]!; // a tie with an earlier value
    else values[i] = (rng.next() - 0.3) * 10 ** (rng.int(40) - 20);
  }
  return values;
}

/** Bit patterns, so −0 and +0 (and any payload) count as different. */
const bits = (values: Float64Array) => Array.from(new BigUint64Array(values.buffer, values.byteOffset, values.length));

describe('sortFloat64', () => {
  // First in the file: the scratch is kept between calls, and only ever grows.
  it('keeps a scratch the size of its largest bucket (values sharing their top 16 bits), not of the input', () => {
    const rng = new Rng('radix-spread');
    const n = 120_000;
    // Half of them zero (one value: a bucket that needs no sorting), the rest lognormal.
    const values = Float64Array.from({ length: n }, () => (rng.next() < 0.5 ? 0 : rng.lognormal(0, 1)));
    const expected = Float64Array.from(values).sort();
    expect(bits(sortFloat64(values))).toEqual(bits(expected));
    // A lognormal spreads over hundreds of buckets, the largest a few per cent of the values.
    expect(sortScratchLength()).toBeGreaterThan(0);
    expect(sortScratchLength()).toBeLessThan(0.1 * 2 * n);
  });

  it('gives exactly the built-in sort when every value shares its top bits (one bucket), and with runs of ties', () => {
    const rng = new Rng('radix-narrow');
    const narrow = Float64Array.from({ length: 50_000 }, () => 1 + rng.next() / 64);
    const ties = Float64Array.from({ length: 50_000 }, () => [0, -0, 3, 3.0000000000000004, -2][rng.int(5)]! * (rng.next() < 0.01 ? rng.next() : 1));
    const float32 = Float64Array.from({ length: 50_000 }, () => Math.fround(rng.lognormal(0, 0.5)) / (rng.next() < 0.3 ? 0.5 : 1));
    for (const values of [narrow, ties, float32]) {
      const expected = Float64Array.from(values).sort();
      expect(bits(sortFloat64(values))).toEqual(bits(expected));
    }
    expect(sortScratchLength()).toBeGreaterThanOrEqual(2 * narrow.length);
  });

  it('gives exactly the built-in sort, bit for bit, on awkward inputs of many sizes', () => {
    for (const [n, seed] of [[5000, 1], [20000, 2], [65537, 3], [100, 4]] as const) {
      const values = awkward(n, seed);
      const expected = Float64Array.from(values).sort();
      expect(bits(sortFloat64(values))).toEqual(bits(expected));
    }
  });

  it('sorts a view in place without touching the rest of its buffer', () => {
    const whole = awkward(12000, 5);
    const before = Float64Array.from(whole);
    const view = whole.subarray(1000, 11000);
    const expected = Float64Array.from(view).sort();
    sortFloat64(view);
    expect(bits(view)).toEqual(bits(expected));
    expect(bits(whole.subarray(0, 1000))).toEqual(bits(before.subarray(0, 1000)));
    expect(bits(whole.subarray(11000))).toEqual(bits(before.subarray(11000)));
  });

  it('leaves NaN where the built-in sort does (at the end)', () => {
    const values = awkward(6000, 6);
    values[17] = Number.NaN;
    const expected = Float64Array.from(values).sort();
    expect(bits(sortFloat64(values))).toEqual(bits(expected));
  });
});

describe('gini with the shared sort scratch', () => {
  it('equals the Gini of a freshly sorted copy, bit for bit, call after call', () => {
    for (const seed of [7, 8, 9]) {
      const values = awkward(30000, seed).map((v) => (Number.isFinite(v) ? v : 0));
      const sorted = Float64Array.from(values).sort();
      let weighted = 0;
      let total = 0;
      for (let i = 0; i < sorted.length; i++) {
        weighted += (2 * (i + 1) - sorted.length - 1) * sorted[i]!;
        total += sorted[i]!;
      }
      expect(Object.is(gini(values), weighted / (sorted.length * total))).toBe(true);
      expect(Object.is(gini(values, 20000), gini(Array.from(values.subarray(0, 20000))))).toBe(true);
    }
  });
});
