import type { Kernel } from '../../../sim/index.js';
import type { SocietyParams } from '../params.js';

/**
 * Education's per-person work, one community at a time (phases/syndicates.ts writes each
 * community's education quality to `syndicates.education` first): the young's skills grow by
 * the quality of the school their community's syndicate runs. No randomness, no sums.
 */
export const syndicatesEducate: Kernel = {
  name: 'syndicates.educate',
  streams: [],
  run(scope, c) {
    const a = scope.arrays;
    const q = (a['syndicates.education'] as Float64Array)[c]!;
    if (q <= 0) return;
    const p = scope.params as unknown as SocietyParams;
    const start = a['members.start'] as Int32Array;
    const rows = a['members.rows'] as Int32Array;
    const age = a['people.age'] as Float32Array;
    const skillFood = a['people.skillFood'] as Float32Array;
    const skillManufactures = a['people.skillManufactures'] as Float32Array;
    const adultAge = p.adultAge;
    const growth = 1 + p.educationSkillEffect * q;
    const end = start[c + 1]!;
    for (let k = start[c]!; k < end; k++) {
      const row = rows[k]!;
      if (age[row]! >= adultAge) continue;
      skillFood[row] = skillFood[row]! * growth;
      skillManufactures[row] = skillManufactures[row]! * growth;
    }
  },
};
