import type { NamedPhase } from '../../../sim/index.js';
import { PERSON_SUMS } from '../kernels/person-sums.js';
import { personSumsByCommunity } from '../services/person-sums.js';
import { stewardshipLevel, tendLand, tenureStewardship } from '../ecology/stewardship.js';
import type { Society } from '../society.js';

/**
 * Ecology (phase 13, local, no randomness): on each community's cells, extraction beyond
 * regrowth wears the carrying capacity down and stewardship — the users' civic norm times
 * how well they can hold each other to account, or under landlords the owners' care if
 * greater — restores it. A stock above a lowered
 * capacity is lost (a sink). Reads civic norms, sizes; mutates capacity and resource.
 */
export const ecology: NamedPhase<Society> = {
  name: 'ecology',
  run(society) {
    const p = society.params;
    // Each community's sum of civic norms, from the members in member order (on every thread).
    const sums = personSumsByCommunity(society);
    const land = { resource: society.land.resource, capacity: society.land.capacity, original: society.ecology.original };
    let destroyed = 0;
    for (const community of society.communities) {
      if (community.population <= 0) continue;
      const users = stewardshipLevel(sums[community.id * PERSON_SUMS.stride + PERSON_SUMS.norms]! / community.population, community.population, p.trackableGroup, p.detectionBySize);
      const level = tenureStewardship(users, p.landTenure === 'landlords', p.ownerStewardship);
      destroyed += tendLand(land, community.cells, level, p.degradation, p.stewardship);
    }
    society.ledger.sink('resource', 'degradation', destroyed);
  },
};
