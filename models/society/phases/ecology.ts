import type { NamedPhase } from '../../../sim/index.js';
import { ECOLOGY_OUT } from '../kernels/land.js';
import { civicNormsFromPassAhead } from '../metrics.js';
import { civicNormsByCommunity } from '../services/person-sums.js';
import type { Society } from '../society.js';

/**
 * Ecology (phase 13, local, no randomness): on each community's cells, extraction beyond
 * regrowth wears the carrying capacity down and stewardship — the users' civic norm times
 * how well they can hold each other to account, or under landlords the owners' care if
 * greater — restores it. A stock above a lowered
 * capacity is lost (a sink). Reads civic norms, sizes; mutates capacity and resource.
 * The work is the `ecology.tend` kernel (kernels/land.ts), on as many threads as the run has.
 */
export const ecology: NamedPhase<Society> = {
  name: 'ecology',
  run(society) {
    const { shards, communities } = society;
    const count = communities.length;
    // Each community's sum of civic norms and head count, from the members in member order: on a
    // threaded run the metrics' pass begun ahead has summed them already (the same numbers).
    if (!civicNormsFromPassAhead(society)) civicNormsByCommunity(society);
    society.cellIndex.update(communities);
    shards.array(ECOLOGY_OUT, Float64Array, count);
    shards.run('ecology.tend', count, society.cellIndex.start);
    const out = shards.array(ECOLOGY_OUT, Float64Array, count);
    let destroyed = 0;
    for (let c = 0; c < count; c++) destroyed += out[c]!;
    society.ledger.sink('resource', 'degradation', destroyed);
  },
};
