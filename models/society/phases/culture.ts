import type { NamedPhase } from '../../../sim/index.js';
import { CULTURE_IN, CULTURE_OUT } from '../kernels/culture.js';
import type { Society } from '../society.js';

/**
 * Phase 7. Civic norms move toward peers' (the community mean and a few sampled members),
 * erode where free-riding went unpunished, and grow where cooperation succeeded (few
 * shirkers, needs met) — at most maxNormChange a month. Also records the community's
 * welfare and food shortfall, which neighbours, migrants and the federation see. Reads
 * norms, utility, needs met and accountability's record; mutates civicNorm and the record.
 * Local to each community and its own stream: the per-person work is in kernels/culture.ts
 * (it may run on several threads); the record is booked here, in community order.
 */
export const culture: NamedPhase<Society> = {
  name: 'culture',
  run(society) {
    const { shards, communities, members } = society;
    const count = communities.length;
    const input = shards.array('culture.in', Float64Array, count * CULTURE_IN.stride);
    shards.array('culture.out', Float64Array, count * CULTURE_OUT.stride);
    for (let c = 0; c < count; c++) {
      const g = communities[c]!.governance;
      input[c * CULTURE_IN.stride + CULTURE_IN.freeRiding] = g.freeRiding;
      input[c * CULTURE_IN.stride + CULTURE_IN.unpunished] = g.unpunished;
    }
    shards.run('culture.cultivate', count, members.start);
    const out = shards.array('culture.out', Float64Array, count * CULTURE_OUT.stride);
    for (let c = 0; c < count; c++) {
      if (members.count(c) === 0) continue;
      const g = communities[c]!.governance;
      const o = c * CULTURE_OUT.stride;
      g.welfare = out[o + CULTURE_OUT.welfare]!;
      g.shortfall = out[o + CULTURE_OUT.shortfall]!;
      g.cooperation = out[o + CULTURE_OUT.cooperation]!;
    }
  },
};
