import type { Society } from '../society.js';
import { isWorker } from './people.js';

/**
 * The row of the working adult who feeds a dependant: the recorded carer while they live,
 * work and share the community; else the first working member of the same family (kept
 * as the new carer); else -1 (the fund and the market are all that is left).
 */
export function carerOf(society: Society, row: number): number {
  const { people, members, params: p } = society;
  const cols = people.cols;
  const c = cols.community[row]!;
  const current = cols.carer[row]! >= 0 ? people.rowOf(cols.carer[row]!) : -1;
  if (current >= 0 && cols.community[current] === c && isWorker(cols.age[current]!, p.adultAge, p.retirementAge)) return current;
  // -2: searched before and found no one; searching every month would cost O(members²).
  if (cols.carer[row] === -2) return -1;
  const family = cols.family[row]!;
  for (let k = members.start[c]!; k < members.start[c + 1]!; k++) {
    const other = members.rows[k]!;
    if (other !== row && cols.family[other] === family && isWorker(cols.age[other]!, p.adultAge, p.retirementAge)) {
      cols.carer[row] = people.idOf(other);
      return other;
    }
  }
  cols.carer[row] = -2;
  return -1;
}
