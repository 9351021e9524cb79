import type { NamedPhase } from '../../../sim/index.js';
import { foundCommunity } from '../association/found.js';
import { movePerson, settleMembership } from '../association/move.js';
import type { Community } from '../communities/community.js';
import { detectionChance } from '../economy/effort.js';
import { assemblyMonth } from '../governance/proposals.js';
import { passes, turnsOut, type Tally } from '../governance/votes.js';
import type { Society } from '../society.js';

let side = new Uint8Array(0);

/**
 * Phase 9b. At its assembly a community's adults fall into two clusters by ideal sharing
 * and civic norm (two-means); the smaller is a faction. Each faction member weighs life
 * apart — a sharing nearer their ideal, the sharper accountability of a smaller group —
 * against the cost of founding; if a majority of the faction's voters want to go, it founds
 * a community on free land nearby and takes its share of the fund. Crosses communities:
 * index order; no randomness (the clustering is deterministic).
 */
export const splits: NamedPhase<Society> = {
  name: 'splits',
  run(society) {
    const p = society.params;
    if (!p.splits) return;
    if (side.length < society.people.length) side = new Uint8Array(Math.ceil(society.people.length * 1.25));
    let split = false;
    const count = society.communities.length;
    for (let c = 0; c < count; c++) {
      const community = society.communities[c]!;
      if (community.population < 2 * p.minFaction || !assemblyMonth(society.steps, c, p.assemblyEvery) || society.defence.isAnnexed(c)) continue;
      split = considerSplit(society, community) || split;
    }
    if (split) settleMembership(society);
  },
};

/** Two-means on (ideal sharing, civic norm) over adults; marks `side`, returns the faction's side and size. */
function cluster(society: Society, community: Community): { faction: number; size: number; ideal: number } {
  const { people, members, params: p } = society;
  const { age, idealSharing, civicNorm } = people.cols;
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  const centre = [community.policy.sharing - 0.25, 0.5, community.policy.sharing + 0.25, 0.5];
  const sum = new Float64Array(6);
  for (let round = 0; round < 4; round++) {
    sum.fill(0);
    for (let k = start; k < end; k++) {
      const row = members.rows[k]!;
      if (age[row]! < p.adultAge) continue;
      const a = idealSharing[row]!, b = civicNorm[row]!;
      const s = (a - centre[0]!) ** 2 + (b - centre[1]!) ** 2 <= (a - centre[2]!) ** 2 + (b - centre[3]!) ** 2 ? 0 : 1;
      side[row] = s;
      sum[3 * s]! += a;
      sum[3 * s + 1]! += b;
      sum[3 * s + 2]!++;
    }
    for (let s = 0; s < 2; s++) {
      if (sum[3 * s + 2]! === 0) continue;
      centre[2 * s] = sum[3 * s]! / sum[3 * s + 2]!;
      centre[2 * s + 1] = sum[3 * s + 1]! / sum[3 * s + 2]!;
    }
  }
  const faction = sum[2]! < sum[5]! ? 0 : 1;
  return { faction, size: sum[3 * faction + 2]!, ideal: centre[2 * faction]! };
}

function considerSplit(society: Society, community: Community): boolean {
  const { people, members, params: p } = society;
  const { age, idealSharing, civicNorm } = people.cols;
  const { faction, size, ideal } = cluster(society, community);
  if (size < p.minFaction) return false;
  const sharing = Math.round(Math.round(Math.min(1, Math.max(0, ideal)) / p.policyStep) * p.policyStep * 1e6) / 1e6;
  // Smaller groups are watched more closely: the deterrence each member gains apart.
  const g = community.governance;
  const watched = (detectionChance(p, size) - detectionChance(p, community.population)) * g.enforcement * p.sanction;
  const tally: Tally = { yes: 0, no: 0, eligible: 0 };
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    if (age[row]! < p.adultAge || side[row] !== faction) continue;
    tally.eligible++;
    const taste = p.idealPointWeight * (Math.abs(community.policy.sharing - idealSharing[row]!) - Math.abs(sharing - idealSharing[row]!));
    const stake = taste + watched - p.foundingCost;
    if (!turnsOut(p, stake, civicNorm[row]!)) continue;
    if (stake > 0) tally.yes++;
    else tally.no++;
  }
  if (!passes('majority', tally, p.supermajority)) return false;
  const founded = foundCommunity(society, community, size, sharing);
  if (!founded) return false;
  const moved = moveFaction(society, community, founded, faction);
  society.polity.counters.splits++;
  society.events.log(society.steps + 1, 'split', {
    community: community.id, founded: founded.id, members: moved, sharing, x: founded.x, y: founded.y, yes: tally.yes, no: tally.no, eligible: tally.eligible,
  });
  return true;
}

function moveFaction(society: Society, from: Community, to: Community, faction: number): number {
  const { people, members, params: p } = society;
  const n = members.count(from.id);
  let moved = 0;
  for (let k = members.start[from.id]!; k < members.start[from.id + 1]!; k++) {
    const row = members.rows[k]!;
    if (people.cols.community[row] !== from.id || people.cols.age[row]! < p.adultAge || side[row] !== faction) continue;
    moved += movePerson(society, row, to, false);
  }
  // The faction takes its share of the common fund: goods, and the fund's credit across unions.
  const share = moved / Math.max(1, n);
  const food = from.fund.food * share, manufactures = from.fund.manufactures * share, credit = from.fund.credit * share;
  from.fund.food -= food;
  from.fund.manufactures -= manufactures;
  from.fund.credit -= credit;
  to.fund.food += food;
  to.fund.manufactures += manufactures;
  to.fund.credit += credit;
  from.clearing += credit;
  to.clearing -= credit;
  return moved;
}
