import { blockwise, type NamedPhase } from '../../../sim/index.js';
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
    const { civicNorm, community: of } = society.people.cols;
    const norm = new Float64Array(society.communities.length);
    const order = society.members.inOrder(society.people);
    blockwise(society.people.length, 0, (from, to) => {
      for (let m = from; m < to; m++) {
        const row = order[m]!;
        norm[of[row]!]! += civicNorm[row]!;
      }
      return 0;
    });
    const land = { resource: society.land.resource, capacity: society.land.capacity, original: society.ecology.original };
    let destroyed = 0;
    for (const community of society.communities) {
      if (community.population <= 0) continue;
      const users = stewardshipLevel(norm[community.id]! / community.population, community.population, p.trackableGroup, p.detectionBySize);
      const level = tenureStewardship(users, p.landTenure === 'landlords', p.ownerStewardship);
      destroyed += tendLand(land, community.cells, level, p.degradation, p.stewardship);
    }
    society.ledger.sink('resource', 'degradation', destroyed);
  },
};
