import type { Society } from '../society.js';
import { PERSON_SUMS } from '../kernels/person-sums.js';
import { manufacturesInFood } from './goods.js';

/** What the syndicates' phase needs from persons, per community: members' goods and mean civic norm. */
export interface PersonSums {
  /** Members' holdings in food-equivalents, each floored at zero. */
  goods: Float64Array;
  /** Members' mean civic norm (0 where nobody lives). */
  norms: Float64Array;
}

/**
 * Runs the `people.sums` kernel (each community's members in member order, on as many threads
 * as the run has) and returns its output: per community, at PERSON_SUMS's offsets, members'
 * goods in food-equivalents, the sum of their civic norms and their number.
 */
export function personSumsByCommunity(society: Society): Float64Array {
  const { shards, members, people, params: p } = society;
  const count = society.communities.length;
  members.inOrder(people); // throws if the index is stale
  shards.array('people.sumsIn', Float64Array, 1)[0] = manufacturesInFood(p.foodProductivity, p.manufacturesProductivity);
  shards.array('people.sumsOut', Float64Array, count * PERSON_SUMS.stride);
  shards.run('people.sums', count, members.start);
  return shards.array('people.sumsOut', Float64Array, count * PERSON_SUMS.stride);
}

/** Members' goods and mean civic norm, per community (`personSumsByCommunity`, unpacked). */
export function sumPersons(society: Society): PersonSums {
  const sums = personSumsByCommunity(society);
  const count = society.communities.length;
  const goods = new Float64Array(count);
  const norms = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    const o = c * PERSON_SUMS.stride;
    const heads = sums[o + PERSON_SUMS.heads]!;
    goods[c] = sums[o + PERSON_SUMS.goods]!;
    norms[c] = heads > 0 ? sums[o + PERSON_SUMS.norms]! / heads : 0;
  }
  return { goods, norms };
}
