import type { Community } from '../communities/community.js';
import type { SocietyParams } from '../params.js';
import type { Society } from '../society.js';

/** The count of one vote. */
export interface Tally {
  yes: number;
  no: number;
  /** Members entitled to vote (adults). */
  eligible: number;
}

/**
 * Whether a proposal passes: majority (more yes than no among votes cast), supermajority
 * (yes at least the threshold share of votes cast), consensus (no dissent at all, and
 * someone for). Anything else keeps the status quo — as does a vote nobody attends.
 */
export function passes(rule: string, tally: Tally, supermajority: number): boolean {
  if (tally.yes === 0) return false;
  if (rule === 'consensus') return tally.no === 0;
  if (rule === 'supermajority') return tally.yes >= supermajority * (tally.yes + tally.no);
  return tally.yes > tally.no;
}

/** Whether a member with this stake and norm turns up: when the stake (or the duty) beats the cost. */
export function turnsOut(p: SocietyParams, stake: number, civicNorm: number): boolean {
  return stake !== 0 && Math.abs(stake) + civicNorm * p.civicDuty > p.participationCost;
}

/**
 * Polls the stakeholders of a community decision — its adult members, and no one else:
 * the loop runs over the community's own bucket of rows. `stakeOf(row)` is the voter's
 * stake (own change in utility plus their norm times the community's).
 */
export function poll(society: Society, community: Community, stakeOf: (row: number) => number): Tally {
  const { people, members, params: p } = society;
  const { age, civicNorm } = people.cols;
  const tally: Tally = { yes: 0, no: 0, eligible: 0 };
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    if (age[row]! < p.adultAge) continue;
    tally.eligible++;
    const stake = stakeOf(row);
    if (!turnsOut(p, stake, civicNorm[row]!)) continue;
    if (stake > 0) tally.yes++;
    else tally.no++;
  }
  return tally;
}
