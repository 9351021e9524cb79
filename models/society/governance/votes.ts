import type { Community } from '../communities/community.js';
import type { SocietyParams } from '../params.js';
import type { Society } from '../society.js';
import { stakeView, type Effects, type StakeView } from './stakes.js';
import type { Proposal } from './state.js';

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

/**
 * The assembly's poll on a proposal moving `policy` by `delta` while sharing stands at `now`:
 * each adult's stake is their own change in utility (`own`, by place in the bucket), plus their
 * norm times the community's change (`shared`), plus taste (the ideal-point term, as
 * `tasteChange`, for sharing proposals) — in one loop over the bucket, with no call per member.
 * Writes the count into `tally`.
 */
export function tallyStakes(v: StakeView, p: SocietyParams, own: Float64Array, shared: number, policy: Proposal['policy'], delta: number, now: number, tally: Tally): void {
  const { age, civicNorm, idealSharing, rows, start, n } = v;
  const { adultAge, civicDuty, participationCost } = p;
  const sharing = policy === 'sharing';
  const next = Math.min(1, Math.max(0, now + delta));
  const weight = -p.idealPointWeight;
  let yes = 0, no = 0, eligible = 0;
  // Counted with no branch on age or vote: children and adults, yes and no, alternate
  // unpredictably along a bucket (a child's stake is computed and then not counted).
  for (let k = 0; k < n; k++) {
    const row = rows[start + k]!;
    const adult = 1 - +(age[row]! < adultAge);
    const norm = civicNorm[row]!;
    let taste = 0;
    if (sharing) {
      const ideal = idealSharing[row]!;
      taste = weight * (Math.abs(next - ideal) - Math.abs(now - ideal));
    }
    const stake = own[k]! + norm * shared + taste;
    // turnsOut, inline.
    const votes = adult & +(stake !== 0) & +(Math.abs(stake) + norm * civicDuty > participationCost);
    const inFavour = +(stake > 0);
    eligible += adult;
    yes += votes & inFavour;
    no += votes & (1 - inFavour);
  }
  tally.yes = yes;
  tally.no = no;
  tally.eligible = eligible;
}

/** `tallyStakes` for a community of the society (outside kernels), with the effects `effectsOf` gave. */
export function pollProposal(society: Society, community: Community, proposal: Proposal, effects: Effects): Tally {
  const tally: Tally = { yes: 0, no: 0, eligible: 0 };
  tallyStakes(stakeView(society, community), society.params, effects.own, effects.community, proposal.policy, proposal.delta, community.policy.sharing, tally);
  return tally;
}
