import seedrandom from 'seedrandom';

/** A part of a stream key: streams are named by a path of strings and numbers. */
export type StreamKey = string | number;

/** seedrandom's Alea state: the carry and three fractions. */
interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/**
 * One reproducible random stream: seedrandom's Alea generator (fast, 2^116 period, seeded by a
 * string). seedrandom seeds it (its Mash hash turns the seed string into Alea's starting state);
 * the stream then keeps that state as four numbers on this object and steps it with Alea's own
 * update — the same numbers as seedrandom's generator, bit for bit (tests/sim/rng.test.ts draws
 * both side by side) — because seedrandom holds each generator in closures of about 650 bytes,
 * and a large society keeps one stream per community and phase. All randomness in a model comes
 * from these; never Math.random.
 */
export class Rng {
  /** Alea's carry and its three fractions (numbers from the start: V8 keeps them unboxed). */
  private c = 1;
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private spareNormal = Number.NaN;

  /** The seed string is not kept: a large society holds one stream per community and phase. */
  constructor(seed: string) {
    const start = seedrandom.alea(seed, { state: true }).state() as unknown as AleaState;
    this.c = start.c;
    this.s0 = start.s0;
    this.s1 = start.s1;
    this.s2 = start.s2;
  }

  /** Numbers `saveState` writes: the generator's four (Alea's state) and the kept normal. */
  static readonly STATE_SIZE = 5;

  /**
   * Writes where the stream stands into `out[offset … offset+4]`, so another thread (or a later
   * run) can go on drawing exactly the numbers this one would have drawn next.
   */
  saveState(out: Float64Array, offset: number): void {
    out[offset] = this.c;
    out[offset + 1] = this.s0;
    out[offset + 2] = this.s1;
    out[offset + 3] = this.s2;
    out[offset + 4] = this.spareNormal;
  }

  /**
   * Continues from a state written by `saveState`. Alea's carry is a whole number (`t | 0`), and
   * is stored as one: a number read from a Float64Array and stored as it is would turn the field
   * into a boxed double for every generator (V8 widens a field's representation for all objects
   * of a class), so each draw on a threaded run would box its carry where one thread's does not.
   */
  loadState(from: Float64Array, offset: number): void {
    this.c = from[offset]! | 0;
    this.s0 = from[offset + 1]!;
    this.s1 = from[offset + 2]!;
    this.s2 = from[offset + 3]!;
    this.spareNormal = from[offset + 4]!;
  }

  /** Alea's step, as seedrandom's `alea` takes it: the next fraction in [0, 1). */
  private prng(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    return (this.s2 = t - (this.c = t | 0));
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.prng();
  }

  /** A uniform number in [min, max). */
  uniform(min = 0, max = 1): number {
    return min + (max - min) * this.prng();
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.prng() * n);
  }

  /** A uniform integer in [min, max], both ends included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.prng() * (max - min + 1));
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.prng() < p;
  }

  /** A normal draw (Marsaglia's polar method; the second value is kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = Number.NaN;
      return mean + sd * z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.prng() - 1;
      v = 2 * this.prng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return mean + sd * u * factor;
  }

  /**
   * Writes `count` standard normal draws into out[0 … count): the very numbers `count` calls of
   * `normal()` would return, leaving the stream where they would leave it. The generator's state
   * stays in locals meanwhile, so a kernel that needs a draw for every worker pays for Alea's
   * step and the polar method's rejection loop without going back to the object for each number.
   */
  fillNormals(out: Float64Array, count: number): void {
    let i = 0;
    if (count > 0 && !Number.isNaN(this.spareNormal)) {
      out[i++] = this.spareNormal;
      this.spareNormal = Number.NaN;
    }
    let c = this.c;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    while (i < count) {
      let u: number, v: number, s: number;
      do {
        let t = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1;
        s1 = s2;
        s2 = t - (c = t | 0);
        u = 2 * s2 - 1;
        t = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1;
        s1 = s2;
        s2 = t - (c = t | 0);
        v = 2 * s2 - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      out[i++] = u * factor;
      if (i < count) out[i++] = v * factor;
      else this.spareNormal = v * factor;
    }
    this.c = c;
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
  }

  /** A lognormal draw: exp(normal(mu, sigma)). */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** An exponential draw with the given rate (mean 1/rate). */
  exponential(rate: number): number {
    return -Math.log(1 - this.prng()) / rate;
  }

  /** A Poisson draw: Knuth's product method for small means, a rounded normal above 60. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 60) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let product = this.prng();
    while (product > limit) {
      k++;
      product *= this.prng();
    }
    return k;
  }

  /** A uniformly chosen element; throws on an empty array. */
  choice<T>(items: ArrayLike<T>): T {
    if (items.length === 0) throw new Error('choice: empty array');
    return items[this.int(items.length)] as T;
  }

  /** An index drawn with probability proportional to its weight; -1 when all weights are 0. */
  weightedIndex(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i]!;
    if (!(total > 0)) return -1;
    let target = this.prng() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i]!;
      if (target < 0) return i;
    }
    return weights.length - 1;
  }

  /** An element drawn with probability proportional to its weight. */
  weightedChoice<T>(items: ArrayLike<T>, weights: ArrayLike<number>): T {
    if (items.length !== weights.length) throw new Error('weightedChoice: items and weights differ in length');
    const index = this.weightedIndex(weights);
    if (index < 0) throw new Error('weightedChoice: weights sum to zero');
    return items[index] as T;
  }

  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T, A extends { length: number; [i: number]: T }>(items: A): A {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.prng() * (i + 1));
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  /** k distinct indices from [0, n), in random order (partial Fisher–Yates; O(k) memory when k ≪ n). */
  sampleIndices(n: number, k: number): number[] {
    const count = Math.min(k, n);
    const swapped = new Map<number, number>();
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const j = i + this.int(n - i);
      const atJ = swapped.get(j) ?? j;
      const atI = swapped.get(i) ?? i;
      swapped.set(j, atI);
      out.push(atJ);
    }
    return out;
  }
}

/**
 * The root of a run's randomness. `derive(...key)` returns a stream seeded by the run seed
 * and the key alone, so a stream's numbers never depend on which other streams exist or on
 * the order they were created in.
 */
export class Streams {
  private readonly root: string;

  constructor(seed: number | string) {
    this.root = String(seed);
  }

  /** An independent, reproducible stream named by the key (e.g. `derive('community', 17)`). */
  derive(...key: StreamKey[]): Rng {
    return new Rng(streamSeed(this.root, key));
  }

  /** A child family of streams under this key (e.g. one per community). */
  child(...key: StreamKey[]): Streams {
    return new Streams(streamSeed(this.root, key));
  }
}

function streamSeed(root: string, key: StreamKey[]): string {
  // A type tag keeps derive(1) and derive('1') apart; escaping '/' keeps derive('a/b') apart from
  // derive('a', 'b') (keys without '/' or '%' are unchanged, and so are their streams).
  return root + '/' + key.map((part) => (typeof part === 'number' ? `n${part}` : `s${part.replace(/%/g, '%25').replace(/\//g, '%2F')}`)).join('/');
}
