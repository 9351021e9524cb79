import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { personView } from './person-view.js';
import type { SocietyParams } from '../params.js';

/** The arrays the kernel reads, looked up by name once per replacement rather than per community. */
const view = cachedView((scope: KernelScope) => Object.assign(personView(scope), { quality: scope.arrays['syndicates.education'] as Float64Array }));

/**
 * Education's per-person work, one community at a time (phases/syndicates.ts writes each
 * community's education quality to `syndicates.education` first): the young's skills grow by
 * the quality of the school their community's syndicate runs. No randomness, no sums.
 */
export const syndicatesEducate: Kernel = {
  name: 'syndicates.educate',
  streams: [],
  run(scope, c) {
    const { quality, start, rows, age, skillFood, skillManufactures } = view(scope);
    const q = quality[c]!;
    if (q <= 0) return;
    const p = scope.params as unknown as SocietyParams;
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
