import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { personView } from './person-view.js';

/** people.sumsOut, per community: members' goods in food-equivalents, the sum of their civic norms, their number. */
export const PERSON_SUMS = { stride: 3, goods: 0, norms: 1, heads: 2 } as const;

/** What a member holds in food-equivalents, as the sums count it: each good floored at zero, manufactures at `ratio`. */
export function heldInFood(food: number, manufactures: number, ratio: number): number {
  return Math.max(0, food) + ratio * Math.max(0, manufactures);
}

/** Writes community c's sums into `people.sumsOut`. */
export function writePersonSums(out: Float64Array, c: number, goods: number, norms: number, heads: number): void {
  const o = c * PERSON_SUMS.stride;
  out[o + PERSON_SUMS.goods] = goods;
  out[o + PERSON_SUMS.norms] = norms;
  out[o + PERSON_SUMS.heads] = heads;
}

/** The arrays the kernel reads, looked up by name once per replacement rather than per community. */
const view = cachedView((scope: KernelScope) => {
  const a = scope.arrays;
  return Object.assign(personView(scope), { sumsIn: a['people.sumsIn'] as Float64Array, out: a['people.sumsOut'] as Float64Array });
});

/**
 * Sums over each community's members, in member order (the order a pass over all persons in
 * member order adds them, so the numbers are the same): goods held, floored at zero and valued
 * with `people.sumsIn[0]` food-equivalents a manufactures unit, the civic norms, the head count.
 * Read by the syndicates (fees, oversight) and ecology (stewardship). The meals kernel
 * (kernels/consume.ts) adds the same sums as it goes; the syndicates, the phase after, take
 * those when consumption ran. No randomness.
 */
export const personSums: Kernel = {
  name: 'people.sums',
  streams: [],
  run(scope, c) {
    const { sumsIn, out, start, rows, food, manufactures, civicNorm } = view(scope);
    const ratio = sumsIn[0]!;
    let goods = 0;
    let norms = 0;
    const from = start[c]!;
    const end = start[c + 1]!;
    for (let m = from; m < end; m++) {
      const row = rows[m]!;
      goods += heldInFood(food[row]!, manufactures[row]!, ratio);
      norms += civicNorm[row]!;
    }
    writePersonSums(out, c, goods, norms, end - from);
  },
};

/**
 * The civic norms and heads alone (`personSums`' norms, added the same way), the goods left NaN:
 * what ecology reads, as the metrics' pass begun ahead leaves them on a threaded run
 * (`civicNormsFromPassAhead`). One column read per member instead of three.
 */
export const personNorms: Kernel = {
  name: 'people.norms',
  streams: [],
  run(scope, c) {
    const { out, start, rows, civicNorm } = view(scope);
    let norms = 0;
    const from = start[c]!;
    const end = start[c + 1]!;
    for (let m = from; m < end; m++) norms += civicNorm[rows[m]!]!;
    writePersonSums(out, c, Number.NaN, norms, end - from);
  },
};
