import type { Rng } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import type { Society } from '../society.js';

/**
 * Keeps `count` auditors among the community's workers: those in post stay while they
 * work, extras stand down (latest ids first), vacancies go to random workers. Auditors
 * leave production: their labour is the real cost of a hierarchy.
 */
export function appointAuditors(society: Society, community: Community, count: number, rng: Rng): void {
  const { people, members, params: p } = society;
  const { auditor, age } = people.cols;
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  let serving = 0;
  let workers = 0;
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    const works = age[row]! >= p.adultAge && age[row]! < p.retirementAge;
    if (auditor[row] === 1 && (!works || serving >= count)) auditor[row] = 0;
    if (auditor[row] === 1) serving++;
    else if (works) workers++;
  }
  // Vacancies: each remaining worker is picked with the chance that fills them on average.
  const chance = workers > 0 ? Math.min(1, (count - serving) / workers) : 0;
  for (let k = start; k < end && serving < count; k++) {
    const row = members.rows[k]!;
    if (auditor[row] === 1 || age[row]! < p.adultAge || age[row]! >= p.retirementAge) continue;
    if (rng.next() < chance) {
      auditor[row] = 1;
      serving++;
    }
  }
}

/** The fund pays each auditor a month's wage in credit (a transfer inside the union). */
export function payAuditors(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { auditor, credit } = people.cols;
  const wage = p.auditorWage * p.hoursPerMonth;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    if (auditor[row] !== 1) continue;
    credit[row]! += wage;
    community.fund.credit -= wage;
  }
}
