import type { Rng } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import type { Society } from '../society.js';
import type { Monitoring } from './detection.js';

/** What one month's judging came to in a community. */
export interface Judgement {
  acts: number;
  attributed: number;
  punished: number;
}

/**
 * A named act meets its sanction, or not. Lateral: a random member punishes when their
 * norm makes it worth its cost (θ·γ ≥ c), and pays that cost in food. Hierarchical: an
 * auditor, paid to punish, is offered a bribe and takes it when it beats their norm and
 * the chance their fellow auditors catch them. A sanction is a fine into the fund
 * (sanctionRatio × the punisher's cost, per strike already held) and one more strike;
 * at expulsionStrikes the member is expelled. Returns whether the sanction came.
 */
export function sanction(society: Society, community: Community, rng: Rng, row: number, monitors: Monitoring, gain: number): boolean {
  const p = society.params;
  const cols = society.people.cols;
  const fine = p.sanctionRatio * p.punishCostFood * (1 + cols.strikes[row]!) * community.food.price;
  if (p.accountability === 'hierarchical') {
    const auditor = pickAuditor(society, community, rng);
    if (auditor < 0) return false;
    const bribe = p.bribeShare * p.sanction * (1 + cols.strikes[row]! + gain);
    if (bribe > cols.civicNorm[auditor]! * p.normWeight + monitors.auditorDetection * p.sanction) {
      transferCredit(cols, row, auditor, p.bribeShare * fine);
      society.polity.counters.bribes++;
      return false;
    }
  } else {
    const punisher = pickPunisher(society, community, rng, row);
    if (punisher < 0 || cols.civicNorm[punisher]! * p.normWeight < p.punishCost) return false;
    const cost = Math.min(cols.food[punisher]!, p.punishCostFood);
    cols.food[punisher]! -= cost;
    society.ledger.sink('food', 'sanctioning', cost);
  }
  cols.credit[row]! -= fine;
  community.fund.credit += fine;
  const before = cols.strikes[row]!;
  cols.strikes[row] = before + 1;
  if (p.expulsionStrikes > 0 && before < p.expulsionStrikes && before + 1 >= p.expulsionStrikes) {
    community.governance.expelled.push(society.people.idOf(row));
  }
  return true;
}

function transferCredit(cols: Society['people']['cols'], from: number, to: number, amount: number): void {
  cols.credit[from]! -= amount;
  cols.credit[to]! += amount;
}

/** A random auditor: one draw, then the next member in id order who serves; -1 if none. */
function pickAuditor(society: Society, community: Community, rng: Rng): number {
  const { members, people } = society;
  const auditor = people.cols.auditor;
  const rows = members.rows;
  const start = members.start[community.id]!;
  const n = members.count(community.id);
  const first = rng.int(n);
  for (let k = 0; k < n; k++) {
    const row = rows[start + ((first + k) % n)]!;
    if (auditor[row] === 1) return row;
  }
  return -1;
}

/** A random adult other than the accused: one draw, then the next in id order; -1 if none. */
function pickPunisher(society: Society, community: Community, rng: Rng, accused: number): number {
  const { members, people, params: p } = society;
  const age = people.cols.age;
  const adultAge = p.adultAge;
  const rows = members.rows;
  const start = members.start[community.id]!;
  const n = members.count(community.id);
  const first = rng.int(n);
  for (let k = 0; k < n; k++) {
    const row = rows[start + ((first + k) % n)]!;
    if (row !== accused && age[row]! >= adultAge) return row;
  }
  return -1;
}
