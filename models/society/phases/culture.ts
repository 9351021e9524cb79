import type { NamedPhase } from '../../../sim/index.js';
import type { Society } from '../society.js';

/**
 * Phase 7. Civic norms move toward peers' (the community mean and a few sampled members),
 * erode where free-riding went unpunished, and grow where cooperation succeeded (few
 * shirkers, needs met) — at most maxNormChange a month. Also records the community's
 * welfare and food shortfall, which neighbours, migrants and the federation see. Reads
 * norms, utility, needs met and accountability's record; mutates civicNorm and the record.
 * Local to each community and its own stream: all of it is in kernels/culture.ts (it may run
 * on several threads), the record in the communities' civic columns.
 */
export const culture: NamedPhase<Society> = {
  name: 'culture',
  run(society) {
    society.shards.run('culture.cultivate', society.communities.length, society.members.start);
  },
};
