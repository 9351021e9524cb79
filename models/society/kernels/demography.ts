import type { Kernel, KernelScope, Rng } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { personView } from './person-view.js';
import type { SocietyParams } from '../params.js';

/**
 * Demography's draws, one community at a time (phases/demography.ts packs each community's
 * care factor, then settles estates and removes and adds rows in community order): every
 * member a month older and one draw against the hazard, the month's births and, for each, a
 * parent among the adults under 50 and the child's four inherited deviations — all on the
 * community's `demography` stream. Rows are only marked here, by position in the members index.
 */

/** demography.in, per community: the health service's factor on the hazard. */
export const DEMOGRAPHY_IN = { stride: 1, care: 0 } as const;
/** demography.out, per community: deaths, possible parents, births drawn, births written to `demography.births`. */
export const DEMOGRAPHY_OUT = { stride: 4, deaths: 0, adults: 1, born: 2, written: 3 } as const;
/**
 * `demography.dead` holds, from each community's first member position (members.start[c]), the
 * rows of those who died, in bucket order. `demography.births` holds BIRTH.stride numbers per
 * birth (the parent's row, then the draws for skills, norm and ideal) in each community's room
 * (`birthRoom`): a sixteenth of a slot per member and two more — a month's births are a few per
 * thousand members — and the phase draws any beyond that itself, from the same stream.
 */
export const BIRTH = { stride: 5, parent: 0 } as const;

const MEMBERS_PER_SLOT = 16;
const SPARE_SLOTS = 2;

/** The first birth slot of community c (the next community's room starts where this one's ends). */
export function birthRoom(start: Int32Array, c: number): number {
  return Math.floor(start[c]! / MEMBERS_PER_SLOT) + SPARE_SLOTS * c;
}

/** Birth slots for `count` communities holding `total` members. */
export function birthSlots(total: number, count: number): number {
  return Math.floor(total / MEMBERS_PER_SLOT) + SPARE_SLOTS * count;
}

function buildView(scope: KernelScope) {
  const a = scope.arrays;
  return Object.assign(personView(scope), {
    dead: a['demography.dead'] as Int32Array,
    births: a['demography.births'] as Float64Array,
  });
}

/** The view, rebuilt only when the scope's arrays were replaced. */
const view = cachedView(buildView);

/** Ageing, deaths and births for one community (nothing drawn where no member is an adult under 50). */
export const demographyEvents: Kernel = {
  name: 'demography.events',
  streams: ['demography'],
  run(scope, c) {
    const p = scope.params as unknown as SocietyParams;
    const v = view(scope);
    const out = scope.arrays['demography.out'] as Float64Array;
    const care = (scope.arrays['demography.in'] as Float64Array)[c * DEMOGRAPHY_IN.stride + DEMOGRAPHY_IN.care]!;
    const start = v.start[c]!;
    const n = v.start[c + 1]! - start;
    const o = c * DEMOGRAPHY_OUT.stride;
    out[o + DEMOGRAPHY_OUT.deaths] = out[o + DEMOGRAPHY_OUT.adults] = out[o + DEMOGRAPHY_OUT.born] = out[o + DEMOGRAPHY_OUT.written] = 0;
    if (n === 0) return;
    const rng = scope.rng(c, 'demography');
    const adults = ageAndDie(rng, v, start, n, care, p, out, o);
    const born = adults > 0 ? rng.poisson(p.birthRate * n) : 0;
    const room = birthRoom(v.start, c);
    const written = Math.min(born, birthRoom(v.start, c + 1) - room);
    for (let b = 0; b < written; b++) drawBirth(rng, fertile, adults, v.births, (room + b) * BIRTH.stride);
    out[o + DEMOGRAPHY_OUT.adults] = adults;
    out[o + DEMOGRAPHY_OUT.born] = born;
    out[o + DEMOGRAPHY_OUT.written] = written;
  },
};

/** One birth's draws: a parent among the first `adults` rows of `parents`, then the child's four deviations. */
export function drawBirth(rng: Rng, parents: Int32Array, adults: number, into: Float64Array, at: number): void {
  into[at] = parents[rng.int(adults)]!;
  into[at + 1] = rng.normal(0, 1);
  into[at + 2] = rng.normal(0, 1);
  into[at + 3] = rng.normal(0, 0.05);
  into[at + 4] = rng.normal(0, 0.05);
}

/** The rows of the community's adults under 50, in bucket order: the possible parents. One per thread, reused. */
let fertile = new Int32Array(0);

/**
 * The rows of the bucket's adults under 50 (ages already advanced), in bucket order, into
 * `into` from 0; returns how many. The same list the kernel's pass makes, for births drawn outside it.
 */
export function listParents(age: Float32Array, rows: Int32Array, start: number, n: number, adultAge: number, into: Int32Array): number {
  let adults = 0;
  for (let k = start; k < start + n; k++) {
    const years = age[rows[k]!]!;
    if (years >= adultAge && years < 50) into[adults++] = rows[k]!;
  }
  return adults;
}

/**
 * A month older, and one draw each against the hazard: the dying are listed in `dead` (from
 * the community's first position), the adults under 50 in `fertile` (from 0); writes the
 * deaths' count and returns the adults'.
 */
function ageAndDie(rng: Rng, v: ReturnType<typeof view>, start: number, n: number, care: number, p: SocietyParams, out: Float64Array, o: number): number {
  const { adultAge, mortalityBase, mortalityGrowth, hungerMortality } = p;
  const { age, needsMet, rows, dead } = v;
  if (fertile.length < n) fertile = new Int32Array(Math.ceil(n * 1.25));
  const parents = fertile;
  const ceiling = hazardCeiling(mortalityBase, mortalityGrowth);
  // The ceiling bounds the hazard only while every factor is non-negative; else always compute it.
  const bounded = hungerMortality >= 0 && care >= 0 ? ceiling.length : 0;
  let adults = 0;
  let deaths = start;
  for (let k = start; k < start + n; k++) {
    const row = rows[k]!;
    const years = Math.fround(age[row]! + 1 / 12);
    age[row] = years;
    // Listed with no branch (the slot is overwritten unless counted): ages alternate
    // unpredictably along a bucket.
    parents[adults] = row;
    adults += +(years >= adultAge) & +(years < 50);
    const hunger = 1 + hungerMortality * (1 - Math.min(1, needsMet[row]!));
    const u = rng.next();
    // Most draws clear an upper bound of the hazard by far, and then its exp need not be taken.
    const whole = Math.ceil(years);
    if (whole >= 0 && whole < bounded && u >= ceiling[whole]! * hunger * care) continue;
    if (u < mortalityBase * Math.exp(mortalityGrowth * years) * hunger * care) dead[deaths++] = row;
  }
  out[o + DEMOGRAPHY_OUT.deaths] = deaths - start;
  return adults;
}

/**
 * base × exp(growth × a) at whole ages a = 0 … 149, with slack far above the few roundings
 * between it and the hazard: each bounds the hazard's Gompertz part at the ages below a.
 * One per thread, kept while the parameters stay.
 */
let ceilingTable = { base: Number.NaN, growth: Number.NaN, values: new Float64Array(0) };

/** The hazard's ceiling by whole age (empty where it bounds nothing): see `ceilingTable`. */
export function hazardCeiling(base: number, growth: number): Float64Array {
  if (ceilingTable.base === base && ceilingTable.growth === growth) return ceilingTable.values;
  // Only a base ≥ 0 and a growth ≥ 0 make the hazard rise with age; otherwise no bound (length 0).
  const values = new Float64Array(base >= 0 && growth >= 0 ? 150 : 0);
  for (let a = 0; a < values.length; a++) values[a] = base * Math.exp(growth * a) * (1 + 1e-6);
  ceilingTable = { base, growth, values };
  return values;
}
