import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Rng, Streams } from '../../sim/index.js';
import seedrandom from 'seedrandom';

const DRAWS = 200_000;

function draws(rng: Rng, count: number, draw: (rng: Rng) => number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = draw(rng);
  return out;
}

const lowest = (values: Float64Array) => values.reduce((a, b) => Math.min(a, b), Infinity);
const highest = (values: Float64Array) => values.reduce((a, b) => Math.max(a, b), -Infinity);

function moments(values: ArrayLike<number>): { mean: number; variance: number } {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  const mean = total / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return { mean, variance: squares / (values.length - 1) };
}

/** Expects the sample mean within 5 standard errors of the true mean, and the variance within 3%. */
function expectMoments(values: ArrayLike<number>, mean: number, variance: number): void {
  const sample = moments(values);
  expect(Math.abs(sample.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / values.length));
  expect(sample.variance / variance).toBeGreaterThan(0.97);
  expect(sample.variance / variance).toBeLessThan(1.03);
}

describe('Streams', () => {
  it('gives a stream the same numbers whatever other streams were derived before it', () => {
    const first = new Streams(42);
    const a1 = first.derive('community', 1);
    const b1 = first.derive('community', 2);
    const second = new Streams(42);
    const b2 = second.derive('community', 2);
    second.derive('noise').next();
    const a2 = second.derive('community', 1);
    const fromA1 = draws(a1, 20, (r) => r.next());
    const fromB1 = draws(b1, 20, (r) => r.next());
    expect(draws(a2, 20, (r) => r.next())).toEqual(fromA1);
    expect(draws(b2, 20, (r) => r.next())).toEqual(fromB1);
  });

  it('gives different keys, seeds and key types different numbers', () => {
    const streams = new Streams(7);
    const head = (rng: Rng) => Array.from(draws(rng, 5, (r) => r.next()));
    expect(head(streams.derive('a'))).not.toEqual(head(streams.derive('b')));
    expect(head(streams.derive(1))).not.toEqual(head(streams.derive('1')));
    expect(head(streams.derive('a'))).not.toEqual(head(new Streams(8).derive('a')));
    expect(head(streams.derive('a', 1))).not.toEqual(head(streams.derive('a', 2)));
    // A key part holding the separator is not two parts.
    expect(head(streams.derive('a/sb'))).not.toEqual(head(streams.derive('a', 'b')));
    expect(head(streams.derive('a/n1'))).not.toEqual(head(streams.derive('a', 1)));
    expect(head(streams.derive('a%2Fsb'))).not.toEqual(head(streams.derive('a/sb')));
  });

  it('reproduces child families of streams', () => {
    const one = new Streams(3).child('community', 5).derive('births');
    const two = new Streams(3).child('community', 5).derive('births');
    expect(draws(one, 10, (r) => r.next())).toEqual(draws(two, 10, (r) => r.next()));
    const other = new Streams(3).child('community', 6).derive('births');
    expect(other.next()).not.toEqual(new Streams(3).child('community', 5).derive('births').next());
  });

  it('keeps streams of neighbouring keys uncorrelated', () => {
    const streams = new Streams(1);
    const x = draws(streams.derive('k', 1), 50_000, (r) => r.next());
    const y = draws(streams.derive('k', 2), 50_000, (r) => r.next());
    let covariance = 0;
    for (let i = 0; i < x.length; i++) covariance += (x[i]! - 0.5) * (y[i]! - 0.5);
    const correlation = covariance / x.length / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(0.02);
  });
});

describe('Rng distributions', () => {
  const streams = new Streams(2024);

  it('draws uniforms in [0, 1) and [min, max) with the right moments', () => {
    const unit = draws(streams.derive('uniform'), DRAWS, (r) => r.next());
    expect(lowest(unit)).toBeGreaterThanOrEqual(0);
    expect(highest(unit)).toBeLessThan(1);
    expectMoments(unit, 0.5, 1 / 12);
    const ranged = draws(streams.derive('ranged'), DRAWS, (r) => r.uniform(-2, 4));
    expect(lowest(ranged)).toBeGreaterThanOrEqual(-2);
    expect(highest(ranged)).toBeLessThan(4);
    expectMoments(ranged, 1, 36 / 12);
  });

  it('draws integers uniformly, ends included, none outside', () => {
    const rng = streams.derive('integer');
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const k = rng.integer(3, 8);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([3, 4, 5, 6, 7, 8]);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(400);
    const ints = draws(streams.derive('int'), DRAWS, (r) => r.int(10));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expectMoments(ints, 4.5, (100 - 1) / 12);
  });

  it('draws normals and lognormals with the right moments', () => {
    expectMoments(draws(streams.derive('normal'), DRAWS, (r) => r.normal(3, 2)), 3, 4);
    const [mu, sigma] = [0.5, 0.4];
    const lognormal = draws(streams.derive('lognormal'), DRAWS, (r) => r.lognormal(mu, sigma));
    const mean = Math.exp(mu + sigma ** 2 / 2);
    expectMoments(lognormal, mean, (Math.exp(sigma ** 2) - 1) * mean ** 2);
    expect(lowest(lognormal)).toBeGreaterThan(0);
  });

  it('fills normals in a batch with the very numbers one call at a time gives, leaving the stream where those calls leave it', () => {
    const batched = streams.derive('batched normals');
    const single = streams.derive('batched normals');
    const out = new Float64Array(40);
    // Odd and even counts, zero included, so the kept second value of a pair crosses batches and single calls.
    for (const count of [0, 1, 2, 3, 7, 40, 0, 5, 1, 1, 12]) {
      batched.fillNormals(out, count);
      for (let i = 0; i < count; i++) expect(Object.is(out[i], single.normal())).toBe(true);
      expect(batched.normal()).toBe(single.normal());
      expect(batched.next()).toBe(single.next());
    }
    const state = [new Float64Array(Rng.STATE_SIZE), new Float64Array(Rng.STATE_SIZE)];
    batched.saveState(state[0]!, 0);
    single.saveState(state[1]!, 0);
    expect(state[0]).toEqual(state[1]);
  });

  it('draws exponentials with mean 1/rate and variance 1/rate²', () => {
    const values = draws(streams.derive('exponential'), DRAWS, (r) => r.exponential(4));
    expect(lowest(values)).toBeGreaterThanOrEqual(0);
    expectMoments(values, 0.25, 1 / 16);
  });

  it('draws Bernoulli trials with probability p', () => {
    const values = draws(streams.derive('bernoulli'), DRAWS, (r) => (r.bernoulli(0.3) ? 1 : 0));
    expectMoments(values, 0.3, 0.3 * 0.7);
    expect(draws(streams.derive('never'), 1000, (r) => (r.bernoulli(0) ? 1 : 0)).every((v) => v === 0)).toBe(true);
  });

  it('draws Poisson counts whose mean equals their variance, small and large means', () => {
    for (const mean of [0.7, 3, 25, 200]) {
      const values = draws(streams.derive('poisson', mean), DRAWS, (r) => r.poisson(mean));
      expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
      expectMoments(values, mean, mean);
    }
    expect(streams.derive('poisson', 0).poisson(0)).toBe(0);
  });

  it('chooses elements uniformly and throws on an empty array', () => {
    const rng = streams.derive('choice');
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    for (let i = 0; i < 40_000; i++) counts[rng.choice(['a', 'b', 'c', 'd'])]!++;
    for (const count of Object.values(counts)) expect(Math.abs(count - 10_000)).toBeLessThan(400);
    expect(() => rng.choice([])).toThrow(/empty/);
  });

  it('chooses by weight in proportion, never a zero weight', () => {
    const rng = streams.derive('weighted');
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 60_000; i++) counts[rng.weightedChoice(['a', 'b', 'c'], [1, 0, 3])]!++;
    expect(counts['b']).toBe(0);
    expect(Math.abs(counts['a']! - 15_000)).toBeLessThan(500);
    expect(Math.abs(counts['c']! - 45_000)).toBeLessThan(500);
    expect(rng.weightedIndex([0, 0])).toBe(-1);
    expect(() => rng.weightedChoice(['a'], [0])).toThrow(/zero/);
    expect(() => rng.weightedChoice(['a', 'b'], [1])).toThrow(/length/);
  });

  it('shuffles into a permutation, every order equally likely', () => {
    const rng = streams.derive('shuffle');
    const shuffled = rng.shuffle(Int32Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(shuffled).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const orders = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = rng.shuffle(['a', 'b', 'c']).join('');
      orders.set(key, (orders.get(key) ?? 0) + 1);
    }
    expect(orders.size).toBe(6);
    // Each of the 6 orders expects 10,000; the standard deviation is about 91.
    for (const count of orders.values()) expect(Math.abs(count - 10_000)).toBeLessThan(450);
  });

  it('puts any element in any position with equal chance', () => {
    const rng = streams.derive('positions');
    const firstAt = new Array<number>(10).fill(0);
    for (let i = 0; i < 50_000; i++) firstAt[rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).indexOf(0)]!++;
    for (const count of firstAt) expect(Math.abs(count - 5000)).toBeLessThan(330);
  });

  it('samples k distinct indices in range', () => {
    const rng = streams.derive('sample');
    const sample = rng.sampleIndices(1000, 300);
    expect(sample).toHaveLength(300);
    expect(new Set(sample).size).toBe(300);
    expect(sample.every((i) => Number.isInteger(i) && i >= 0 && i < 1000)).toBe(true);
    expect(rng.sampleIndices(5, 10).sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('Rng and seedrandom', () => {
  it("draws exactly seedrandom's Alea numbers for the same seed, and continues exactly after saveState/loadState", () => {
    for (let k = 0; k < 300; k++) {
      const seed = `seed/${k}/${'x'.repeat(k % 7)}`;
      const ours = new Rng(seed);
      const theirs = seedrandom.alea(seed);
      for (let i = 0; i < 200; i++) expect(ours.next()).toBe(theirs());
      const state = new Float64Array(Rng.STATE_SIZE);
      ours.normal();
      ours.saveState(state, 0);
      const resumed = new Rng('another');
      resumed.loadState(state, 0);
      for (let i = 0; i < 50; i++) expect(resumed.normal()).toBe(ours.normal());
    }
  });
});

describe('Rng and V8', () => {
  it('keeps one hidden class for generators that loaded a saved state and those that never did', () => {
    // A threaded run loads states, one thread never does: the same class keeps their draws equally fast.
    const script = `
      const { Rng } = await import(${JSON.stringify(fileURLToPath(new URL('../../sim/rng.ts', import.meta.url)))});
      const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
      const drawn = new Rng('drawn');
      for (let i = 0; i < 1000; i++) { drawn.next(); drawn.normal(); }
      const state = new Float64Array(Rng.STATE_SIZE);
      drawn.saveState(state, 0);
      const loaded = new Rng('loaded');
      loaded.loadState(state, 0);
      console.log(sameMap(drawn, loaded), sameMap(loaded, new Rng('fresh')));`;
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('true true');
  });
});
