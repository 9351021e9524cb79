import type { NamedPhase } from '../../../sim/index.js';
import { foundCommunity } from '../association/found.js';
import { LivingSites } from '../association/living-sites.js';
import { moveFactionMembers, settleMembership } from '../association/move.js';
import type { Community } from '../communities/community.js';
import { detectionChance } from '../economy/effort.js';
import { assemblyMonth } from '../governance/proposals.js';
import { passes, turnsOut, type Tally } from '../governance/votes.js';
import type { Society } from '../society.js';

let side = new Uint8Array(0);
/** The communities' sites for partner searches, built at the first split of a month. */
let sites: LivingSites | null = null;

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
    sites = null;
    const count = society.communities.length;
    for (let c = 0; c < count; c++) {
      const community = society.communities[c]!;
      if (community.population < 2 * p.minFaction || !assemblyMonth(society.steps, c, p.assemblyEvery) || society.defence.isAnnexed(c)) continue;
      split = considerSplit(society, community) || split;
    }
    sites = null;
    if (split) settleMembership(society);
  },
};

/** Two-means on (ideal sharing, civic norm) over adults; marks `side`, returns the faction's side and size. */
function cluster(society: Society, community: Community): { faction: number; size: number; ideal: number } {
  const { people, members } = society;
  const { age, idealSharing, civicNorm } = people.cols;
  const adultAge = society.params.adultAge;
  const rows = members.rows;
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  let x0 = community.policy.sharing - 0.25, y0 = 0.5, x1 = community.policy.sharing + 0.25, y1 = 0.5;
  let a0 = 0, b0 = 0, n0 = 0, a1 = 0, b1 = 0, n1 = 0;
  for (let round = 0; round < 4; round++) {
    a0 = b0 = n0 = a1 = b1 = n1 = 0;
    for (let k = start; k < end; k++) {
      const row = rows[k]!;
      if (age[row]! < adultAge) continue;
      const a = idealSharing[row]!, b = civicNorm[row]!;
      if ((a - x0) ** 2 + (b - y0) ** 2 <= (a - x1) ** 2 + (b - y1) ** 2) {
        side[row] = 0;
        a0 += a;
        b0 += b;
        n0++;
      } else {
        side[row] = 1;
        a1 += a;
        b1 += b;
        n1++;
      }
    }
    let moved = false;
    if (n0 !== 0) {
      const x = a0 / n0, y = b0 / n0;
      if (x !== x0 || y !== y0) moved = true;
      x0 = x;
      y0 = y;
    }
    if (n1 !== 0) {
      const x = a1 / n1, y = b1 / n1;
      if (x !== x1 || y !== y1) moved = true;
      x1 = x;
      y1 = y;
    }
    // Centres that did not move would give the same sides and sums again: the rest of the rounds change nothing.
    if (!moved) break;
  }
  return n0 < n1 ? { faction: 0, size: n0, ideal: x0 } : { faction: 1, size: n1, ideal: x1 };
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
  // Populations stand still until the month's moves are settled, so one grid serves every founding.
  sites ??= new LivingSites(society.communities);
  const founded = foundCommunity(society, community, size, sharing, sites);
  if (!founded) return false;
  const moved = moveFaction(society, community, founded, faction);
  society.polity.counters.splits++;
  society.events.log(society.steps + 1, 'split', {
    community: community.id, founded: founded.id, members: moved, sharing, x: founded.x, y: founded.y, yes: tally.yes, no: tally.no, eligible: tally.eligible,
  });
  return true;
}

function moveFaction(society: Society, from: Community, to: Community, faction: number): number {
  const n = society.members.count(from.id);
  const moved = moveFactionMembers(society, from, to, side, faction);
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
