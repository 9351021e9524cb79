import type { Society } from '../society.js';
import { blockwise } from '../../../sim/index.js';
import { goodsRatio } from './view.js';

/** What the syndicates' phase needs from persons, per community: members' goods and mean civic norm. */
export interface PersonSums {
  /** Members' holdings in food-equivalents (as `memberGoods` sums them). */
  goods: Float64Array;
  /** Members' mean civic norm (0 where nobody lives). */
  norms: Float64Array;
}

/**
 * One pass over persons, in member order (`Members.inOrder`), for both sums (the same
 * additions in the same order as separate passes would make, so the results are the same numbers).
 */
export function sumPersons(society: Society): PersonSums {
  const ratio = goodsRatio(society);
  const count = society.communities.length;
  const goods = new Float64Array(count);
  const norms = new Float64Array(count);
  const heads = new Float64Array(count);
  const { food, manufactures, community, civicNorm } = society.people.cols;
  const order = society.members.inOrder(society.people);
  blockwise(society.people.length, 0, (from, to) => {
    for (let m = from; m < to; m++) {
      const row = order[m]!;
      const c = community[row]!;
      goods[c]! += Math.max(0, food[row]!) + ratio * Math.max(0, manufactures[row]!);
      norms[c]! += civicNorm[row]!;
      heads[c]!++;
    }
    return 0;
  });
  for (let c = 0; c < count; c++) norms[c] = heads[c]! > 0 ? norms[c]! / heads[c]! : 0;
  return { goods, norms };
}
