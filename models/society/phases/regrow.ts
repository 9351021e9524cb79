import type { NamedPhase } from '../../../sim/index.js';
import type { Society } from '../society.js';

/** Logistic regrowth of every cell's resource toward its capacity. A source; no randomness. */
export const regrow: NamedPhase<Society> = {
  name: 'regrow',
  run(society) {
    const { resource, capacity } = society.land;
    const rate = society.params.resourceRegrowth;
    let grown = 0;
    for (let cell = 0; cell < resource.length; cell++) {
      const cap = capacity[cell]!;
      if (cap <= 0) continue;
      const before = resource[cell]!;
      resource[cell] = Math.min(cap, before + rate * before * (1 - before / cap));
      grown += resource[cell]! - before;
    }
    society.ledger.source('resource', 'regrowth', grown);
  },
};
