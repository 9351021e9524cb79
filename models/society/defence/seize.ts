import type { Society } from '../society.js';
import type { Goods } from '../services/goods.js';

/**
 * Takes a share of everything a community holds — its members' goods and its fund — out of
 * the society (seized, destroyed or paid as tribute); returns what was taken. O(members).
 */
export function takeShare(society: Society, c: number, share: number): Goods {
  const taken: Goods = { food: 0, manufactures: 0 };
  if (share <= 0) return taken;
  const s = Math.min(1, share);
  // Members' goods change after the metrics' pass over persons may have begun (see `beginPersonsPass`).
  society.callOffPersonsPass();
  const { food, manufactures } = society.people.cols;
  const { rows, start } = society.members;
  for (let k = start[c]!; k < start[c + 1]!; k++) {
    const row = rows[k]!;
    const f = Math.max(0, food[row]!) * s;
    const m = Math.max(0, manufactures[row]!) * s;
    food[row]! -= f;
    manufactures[row]! -= m;
    taken.food += f;
    taken.manufactures += m;
  }
  const fund = society.communities[c]!.fund;
  const f = Math.max(0, fund.food) * s;
  const m = Math.max(0, fund.manufactures) * s;
  fund.food -= f;
  fund.manufactures -= m;
  taken.food += f;
  taken.manufactures += m;
  return taken;
}
