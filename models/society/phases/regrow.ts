import { blockwise, type NamedPhase } from '../../../sim/index.js';
import type { Society } from '../society.js';

/** Logistic regrowth of every cell's resource toward its capacity. A source; no randomness. */
export const regrow: NamedPhase<Society> = {
  name: 'regrow',
  run(society) {
    const { resource, capacity } = society.land;
    const rate = society.params.resourceRegrowth;
    const grown = blockwise(resource.length, 0, (from, to, carried) => {
      let sum = carried;
      for (let cell = from; cell < to; cell++) {
        const cap = capacity[cell]!;
        if (cap <= 0) continue;
        const before = resource[cell]!;
        resource[cell] = Math.min(cap, before + rate * before * (1 - before / cap));
        sum += resource[cell]! - before;
      }
      return sum;
    });
    society.ledger.source('resource', 'regrowth', grown);
  },
};
