import type { Court } from './sanctions.js';

/**
 * Keeps `count` auditors among the community's workers: those in post stay while they
 * work, extras stand down (latest ids first), vacancies go to random workers. Auditors
 * leave production: their labour is the real cost of a hierarchy.
 */
export function appointAuditors(court: Court, count: number): void {
  const { p, rows, auditor, age, start } = court;
  const end = start + court.n;
  let serving = 0;
  let workers = 0;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    const works = age[row]! >= p.adultAge && age[row]! < p.retirementAge;
    if (auditor[row] === 1 && (!works || serving >= count)) auditor[row] = 0;
    if (auditor[row] === 1) serving++;
    else if (works) workers++;
  }
  // Vacancies: each remaining worker is picked with the chance that fills them on average.
  const chance = workers > 0 ? Math.min(1, (count - serving) / workers) : 0;
  for (let k = start; k < end && serving < count; k++) {
    const row = rows[k]!;
    if (auditor[row] === 1 || age[row]! < p.adultAge || age[row]! >= p.retirementAge) continue;
    if (court.rng.next() < chance) {
      auditor[row] = 1;
      serving++;
    }
  }
}

/** The fund pays each auditor a month's wage in credit (a transfer inside the union). */
export function payAuditors(court: Court): void {
  const { p, rows, auditor, credit, start } = court;
  const wage = p.auditorWage * p.hoursPerMonth;
  const end = start + court.n;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    if (auditor[row] !== 1) continue;
    credit[row]! += wage;
    court.fundCredit -= wage;
  }
}
