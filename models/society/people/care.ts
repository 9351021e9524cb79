import type { Society } from '../society.js';

/**
 * The row of the working adult who feeds a dependant: the recorded carer while they live,
 * work and share the community; else the first working member of the same family (kept
 * as the new carer); else -1 (the fund and the market are all that is left).
 */
export function carerOf(society: Society, row: number): number {
  const { people, members, params: p } = society;
  const { community, carer, age, family } = people.cols;
  const { adultAge, retirementAge } = p;
  const c = community[row]!;
  const recorded = carer[row]!;
  const current = recorded >= 0 ? people.rowOf(recorded) : -1;
  if (current >= 0 && community[current] === c) {
    const years = age[current]!;
    if (years >= adultAge && years < retirementAge) return current;
  }
  // -2: searched before and found no one; searching every month would cost O(members²).
  if (recorded === -2) return -1;
  const kin = family[row]!;
  const rows = members.rows;
  const end = members.start[c + 1]!;
  for (let k = members.start[c]!; k < end; k++) {
    const other = rows[k]!;
    if (other === row || family[other] !== kin) continue;
    const years = age[other]!;
    if (years >= adultAge && years < retirementAge) {
      carer[row] = people.idOf(other);
      return other;
    }
  }
  carer[row] = -2;
  return -1;
}
