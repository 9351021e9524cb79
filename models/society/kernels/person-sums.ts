import type { Kernel } from '../../../sim/index.js';

/** people.sumsOut, per community: members' goods in food-equivalents, the sum of their civic norms, their number. */
export const PERSON_SUMS = { stride: 3, goods: 0, norms: 1, heads: 2 } as const;

/**
 * Sums over each community's members, in member order (the order a pass over all persons in
 * member order adds them, so the numbers are the same): goods held, floored at zero and valued
 * with `people.sumsIn[0]` food-equivalents a manufactures unit, the civic norms, the head count.
 * Read by the syndicates (fees, oversight) and ecology (stewardship). No randomness.
 */
export const personSums: Kernel = {
  name: 'people.sums',
  streams: [],
  run(scope, c) {
    const a = scope.arrays;
    const ratio = (a['people.sumsIn'] as Float64Array)[0]!;
    const out = a['people.sumsOut'] as Float64Array;
    const start = a['members.start'] as Int32Array;
    const rows = a['members.rows'] as Int32Array;
    const food = a['people.food'] as Float64Array;
    const manufactures = a['people.manufactures'] as Float64Array;
    const civicNorm = a['people.civicNorm'] as Float32Array;
    let goods = 0;
    let norms = 0;
    const from = start[c]!;
    const end = start[c + 1]!;
    for (let m = from; m < end; m++) {
      const row = rows[m]!;
      goods += Math.max(0, food[row]!) + ratio * Math.max(0, manufactures[row]!);
      norms += civicNorm[row]!;
    }
    const o = c * PERSON_SUMS.stride;
    out[o + PERSON_SUMS.goods] = goods;
    out[o + PERSON_SUMS.norms] = norms;
    out[o + PERSON_SUMS.heads] = end - from;
  },
};
