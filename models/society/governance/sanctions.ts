import type { Rng } from '../../../sim/index.js';
import type { SocietyParams } from '../params.js';

/**
 * One community's month of judging, as kernels/accountability.ts runs it: the columns it
 * touches, its monitors, its fund and the counts, and the lists the phase books afterwards
 * (food spent punishing, for the ledger; rows that reached expulsion). Plain numbers and
 * typed arrays only, so any thread can judge any community; one is reused for every community.
 */
export interface Court {
  p: SocietyParams;
  rng: Rng;
  rows: Int32Array;
  age: Float32Array;
  civicNorm: Float32Array;
  strikes: Float32Array;
  auditor: Uint8Array;
  food: Float64Array;
  manufactures: Float64Array;
  credit: Float64Array;
  shirked: Uint8Array;
  proprietor: Uint8Array;
  /** The community's first position in `rows`, and its member count. */
  start: number;
  n: number;
  /** The price of food: fines are in credit. */
  foodPrice: number;
  /** π for acts by proprietors and the steward (acts by wage workers: `supervisedDetection`). */
  detection: number;
  supervisedDetection: number;
  auditors: number;
  auditorDetection: number;
  fundFood: number;
  fundManufactures: number;
  fundCredit: number;
  acts: number;
  attributed: number;
  punished: number;
  bribes: number;
  skims: number;
  /** Food each punisher spent, in order, written up to `costs[costsEnd]`. */
  costs: Float64Array;
  costsEnd: number;
  /** Rows that reached expulsion, in order, up to `expelled[expelledEnd]`. */
  expelled: Int32Array;
  expelledEnd: number;
}

/** One act: a draw at π; if named, the sanction (which may fail to come). `gain` is what a skimmer returns. */
export function judgeAct(court: Court, row: number, detection: number, gain: number): boolean {
  court.acts++;
  if (court.rng.next() >= detection) return false;
  court.attributed++;
  const punished = sanction(court, row, gain);
  if (punished) court.punished++;
  return punished;
}

/**
 * A named act meets its sanction, or not. Lateral: a random member punishes when their
 * norm makes it worth its cost (θ·γ ≥ c), and pays that cost in food. Hierarchical: an
 * auditor, paid to punish, is offered a bribe and takes it when it beats their norm and
 * the chance their fellow auditors catch them. A sanction is a fine into the fund
 * (sanctionRatio × the punisher's cost, per strike already held) and one more strike;
 * at expulsionStrikes the member is listed for expulsion. Returns whether the sanction came.
 */
export function sanction(court: Court, row: number, gain: number): boolean {
  const p = court.p;
  const { strikes, civicNorm, credit } = court;
  const fine = p.sanctionRatio * p.punishCostFood * (1 + strikes[row]!) * court.foodPrice;
  if (p.accountability === 'hierarchical') {
    const auditor = pickAuditor(court);
    if (auditor < 0) return false;
    const bribe = p.bribeShare * p.sanction * (1 + strikes[row]! + gain);
    if (bribe > civicNorm[auditor]! * p.normWeight + court.auditorDetection * p.sanction) {
      const amount = p.bribeShare * fine;
      credit[row]! -= amount;
      credit[auditor]! += amount;
      court.bribes++;
      return false;
    }
  } else {
    const punisher = pickPunisher(court, row);
    if (punisher < 0 || civicNorm[punisher]! * p.normWeight < p.punishCost) return false;
    const cost = Math.min(court.food[punisher]!, p.punishCostFood);
    court.food[punisher]! -= cost;
    court.costs[court.costsEnd++] = cost;
  }
  credit[row]! -= fine;
  court.fundCredit += fine;
  const before = strikes[row]!;
  strikes[row] = before + 1;
  if (p.expulsionStrikes > 0 && before < p.expulsionStrikes && before + 1 >= p.expulsionStrikes) court.expelled[court.expelledEnd++] = row;
  return true;
}

/** A random auditor: one draw, then the next member in id order who serves; -1 if none. */
function pickAuditor(court: Court): number {
  const { auditor, rows, start, n } = court;
  const first = court.rng.int(n);
  for (let k = 0; k < n; k++) {
    const row = rows[start + ((first + k) % n)]!;
    if (auditor[row] === 1) return row;
  }
  return -1;
}

/** A random adult other than the accused: one draw, then the next in id order; -1 if none. */
function pickPunisher(court: Court, accused: number): number {
  const { age, rows, start, n } = court;
  const adultAge = court.p.adultAge;
  const first = court.rng.int(n);
  for (let k = 0; k < n; k++) {
    const row = rows[start + ((first + k) % n)]!;
    if (row !== accused && age[row]! >= adultAge) return row;
  }
  return -1;
}
