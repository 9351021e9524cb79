import type { NamedPhase } from '../../../sim/index.js';
import { byWatershed, canArbitrate, upstreamOf } from '../association/arbitration.js';
import type { Community } from '../communities/community.js';
import type { Society } from '../society.js';

/**
 * Phase 12a. Disputes over water between communities, and federation arbitration. Each
 * month a self-governing community quarrels with the nearest community upstream in its
 * watershed with chance `disputeRate`, over water worth `disputeStake` of its last month's
 * food output. Where both belong to one federation network, the federation arbitrates:
 * the water is shared as before and each side pays a fee into the federation's pool (a
 * transfer). Otherwise the dispute goes unresolved: the downstream crop that water would
 * have grown is lost, and the feud costs each side `feudCost` of the stake besides (sinks).
 * Crosses communities: index order, the phase's own stream.
 */
export const disputes: NamedPhase<Society> = {
  name: 'disputes',
  run(society) {
    const p = society.params;
    if (p.disputeRate <= 0) return;
    const rng = society.polity.stream(society.streams, 'disputes');
    const watersheds = byWatershed(society);
    const { basin, width } = society.land;
    for (const community of society.communities) {
      if (community.population <= 0 || society.defence.isAnnexed(community.id)) continue;
      if (rng.next() >= p.disputeRate) continue;
      const upstream = upstreamOf(society, community, watersheds.get(basin[community.y * width + community.x]!)!);
      if (upstream && !society.defence.isAnnexed(upstream.id)) settleDispute(society, upstream, community);
    }
  },
};

/** Settles one dispute over water; returns whether a federation arbitrated it. */
export function settleDispute(society: Society, upstream: Community, downstream: Community): boolean {
  const p = society.params;
  const stake = p.disputeStake * downstream.food.output;
  const arbitrated = canArbitrate(society, upstream, downstream);
  let cost: number;
  if (arbitrated) {
    const pool = society.polity.federations[downstream.governance.federation]!;
    cost = take(upstream, p.arbitrationFee * stake) + take(downstream, p.arbitrationFee * stake);
    pool.pool += cost;
    society.polity.counters.arbitrated++;
  } else {
    cost = take(upstream, p.feudCost * stake) + take(downstream, (1 + p.feudCost) * stake);
    society.ledger.sink('food', 'dispute', cost);
  }
  society.polity.counters.disputes++;
  society.events.log(society.steps + 1, 'dispute', {
    upstream: upstream.id, downstream: downstream.id, stake, arbitrated, cost,
  });
  return arbitrated;
}

/** Takes up to `amount` food from a community's fund; returns what it took. */
function take(community: Community, amount: number): number {
  const taken = Math.max(0, Math.min(community.fund.food, amount));
  community.fund.food -= taken;
  return taken;
}
