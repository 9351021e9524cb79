import type { NamedPhase } from '../../../sim/index.js';
import { foundCommunity } from '../association/found.js';
import { LivingSites } from '../association/living-sites.js';
import { moveFactionMembers, settleMembership } from '../association/move.js';
import type { Community } from '../communities/community.js';
import { assemblyMonth } from '../governance/proposals.js';
import { passes, type Tally } from '../governance/votes.js';
import { SPLIT_IN, SPLIT_OUT } from '../kernels/splits.js';
import type { Society } from '../society.js';

/** The communities' sites for partner searches, built at the first split of a month. */
let sites: LivingSites | null = null;

/**
 * Phase 9b. At its assembly a community's adults fall into two clusters by ideal sharing
 * and civic norm (two-means); the smaller is a faction. Each faction member weighs life
 * apart — a sharing nearer their ideal, the sharper accountability of a smaller group —
 * against the cost of founding; if a majority of the faction's voters want to go, it founds
 * a community on free land nearby and takes its share of the fund. The clustering and the
 * vote are per community (kernels/splits.ts, on any thread); the foundings cross
 * communities: index order. No randomness (the clustering is deterministic).
 */
export const splits: NamedPhase<Society> = {
  name: 'splits',
  run(society) {
    const p = society.params;
    if (!p.splits) return;
    const count = society.communities.length;
    // Nothing a founding changes (new communities, moved rows of the splitting one) is read
    // by another community's clustering or vote, so all of them can be taken first.
    if (!splitInputs(society, count)) return;
    society.shards.array('splits.side', Uint8Array, society.people.length);
    society.shards.array('splits.out', Float64Array, count * SPLIT_OUT.stride);
    society.shards.run('splits.faction', count, society.members.start);
    const side = society.shards.array('splits.side', Uint8Array, society.people.length);
    const out = society.shards.array('splits.out', Float64Array, count * SPLIT_OUT.stride);
    const input = society.shards.array('splits.in', Float64Array, count * SPLIT_IN.stride);
    let split = false;
    sites = null;
    for (let c = 0; c < count; c++) {
      if (input[c * SPLIT_IN.stride + SPLIT_IN.active] === 0 || out[c * SPLIT_OUT.stride + SPLIT_OUT.size]! < p.minFaction) continue;
      split = considerSplit(society, society.communities[c]!, out, side) || split;
    }
    sites = null;
    if (split) settleMembership(society);
  },
};

/** Marks the communities that hold their assembly and are large enough to split; false when none does. */
function splitInputs(society: Society, count: number): boolean {
  const p = society.params;
  const input = society.shards.array('splits.in', Float64Array, count * SPLIT_IN.stride);
  let any = false;
  for (let c = 0; c < count; c++) {
    const community = society.communities[c]!;
    const i = c * SPLIT_IN.stride;
    const active = community.population >= 2 * p.minFaction && assemblyMonth(society.steps, c, p.assemblyEvery) && !society.defence.isAnnexed(c);
    input[i + SPLIT_IN.active] = active ? 1 : 0;
    if (!active) continue;
    any = true;
    input[i + SPLIT_IN.sharing] = community.policy.sharing;
    input[i + SPLIT_IN.enforcement] = community.governance.enforcement;
    input[i + SPLIT_IN.population] = community.population;
  }
  return any;
}

/** Founds the faction's community when its vote (taken by the kernel) passes. */
function considerSplit(society: Society, community: Community, out: Float64Array, side: Uint8Array): boolean {
  const p = society.params;
  const o = community.id * SPLIT_OUT.stride;
  const tally: Tally = { yes: out[o + SPLIT_OUT.yes]!, no: out[o + SPLIT_OUT.no]!, eligible: out[o + SPLIT_OUT.eligible]! };
  if (!passes('majority', tally, p.supermajority)) return false;
  const size = out[o + SPLIT_OUT.size]!;
  const sharing = out[o + SPLIT_OUT.sharing]!;
  // Populations stand still until the month's moves are settled, so one grid serves every founding.
  sites ??= new LivingSites(society.communities, society.sites.of(society.communities));
  const founded = foundCommunity(society, community, size, sharing, sites);
  if (!founded) return false;
  const moved = moveFaction(society, community, founded, side, out[o + SPLIT_OUT.faction]!);
  society.polity.counters.splits++;
  society.events.log(society.steps + 1, 'split', {
    community: community.id, founded: founded.id, members: moved, sharing, x: founded.x, y: founded.y, yes: tally.yes, no: tally.no, eligible: tally.eligible,
  });
  return true;
}

function moveFaction(society: Society, from: Community, to: Community, side: Uint8Array, faction: number): number {
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
