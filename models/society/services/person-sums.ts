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
  const { shards, members, people } = society;
  const count = society.communities.length;
  members.inOrder(people); // throws if the index is stale
  preparePersonSums(society);
  shards.run('people.sums', count, members.start);
  return shards.array('people.sumsOut', Float64Array, count * PERSON_SUMS.stride);
}

/**
 * Each community's sum of civic norms and head count into `people.sumsOut` (the `people.norms`
 * kernel, members in member order), the goods left NaN: what ecology reads when no pass begun
 * ahead has summed them (see `civicNormsFromPassAhead`, which leaves the same).
 */
export function civicNormsByCommunity(society: Society): void {
  const { shards, members, people } = society;
  members.inOrder(people); // throws if the index is stale
  shards.array('people.sumsOut', Float64Array, society.communities.length * PERSON_SUMS.stride);
  shards.run('people.norms', society.communities.length, members.start);
}

/**
 * Sets the kernels' `people.sumsIn` (what a manufactures unit is worth in food) and sizes
 * `people.sumsOut` for every community: for the `people.sums` kernel, and for the meals kernel,
 * which adds the same sums as it goes (see `Society.personSumsAfterConsumption`).
 */
export function preparePersonSums(society: Society): void {
  const p = society.params;
  society.shards.array('people.sumsIn', Float64Array, 1)[0] = manufacturesInFood(p.foodProductivity, p.manufacturesProductivity);
  society.shards.array('people.sumsOut', Float64Array, society.communities.length * PERSON_SUMS.stride);
}

/**
 * Members' goods and mean civic norm, per community (`personSumsByCommunity`, unpacked). With
 * `afterConsumption`, the sums this step's consumption left are taken as they are when it left
 * any: nothing between the meals and the caller may have changed goods, norms or members.
 */
export function sumPersons(society: Society, afterConsumption = false): PersonSums {
  const fresh = afterConsumption && society.personSumsAfterConsumption === society.steps;
  const sums = fresh ? society.shards.array('people.sumsOut', Float64Array, society.communities.length * PERSON_SUMS.stride) : personSumsByCommunity(society);
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
