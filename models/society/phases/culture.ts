import type { NamedPhase } from '../../../sim/index.js';
import { communityStream, type Community } from '../communities/community.js';
import type { Society } from '../society.js';

/**
 * Phase 7. Civic norms move toward peers' (the community mean and a few sampled members),
 * erode where free-riding went unpunished, and grow where cooperation succeeded (few
 * shirkers, needs met) — at most maxNormChange a month. Also records the community's
 * welfare and food shortfall, which neighbours, migrants and the federation see. Reads
 * norms, utility, needs met and accountability's record; mutates civicNorm and the record.
 * Local to each community and its own stream.
 */
export const culture: NamedPhase<Society> = {
  name: 'culture',
  run(society) {
    for (const community of society.communities) {
      if (society.members.count(community.id) > 0) cultivate(society, community);
    }
  },
};

function cultivate(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { civicNorm, utility, needsMet, age } = people.cols;
  const start = members.start[community.id]!;
  const n = members.count(community.id);
  let normSum = 0, welfare = 0, met = 0, shortfall = 0;
  for (let k = start; k < start + n; k++) {
    const row = members.rows[k]!;
    normSum += civicNorm[row]!;
    welfare += utility[row]!;
    met += Math.min(1, needsMet[row]!);
    shortfall += Math.max(0, 1 - needsMet[row]!) * p.foodNeed * (age[row]! < p.adultAge ? 0.5 : 1);
  }
  const g = community.governance;
  g.welfare = welfare / n;
  g.shortfall = shortfall;
  g.cooperation = (1 - g.freeRiding) * (met / n);
  const mean = normSum / n;
  // The community-wide pushes, the same for every member.
  const drift = p.normGrowth * (g.cooperation - p.normReference) - p.normErosion * g.freeRiding * g.unpunished;
  const rng = communityStream(society.streams, community, 'culture');
  const peers = Math.min(p.normPeers, n);
  const limit = p.maxNormChange;
  // One uniform draw yields several peer indices (its successive base-n digits) while
  // enough of its 52 bits remain: culture samples peers for every member every month.
  const bitsPerPeer = Math.log2(Math.max(2, n));
  let uniform = 0;
  let bits = 0;
  for (let k = start; k < start + n; k++) {
    const row = members.rows[k]!;
    const own = civicNorm[row]!;
    let target = mean;
    if (peers > 0) {
      let sampled = 0;
      for (let s = 0; s < peers; s++) {
        if (bits < bitsPerPeer + 8) {
          uniform = rng.next();
          bits = 52;
        }
        uniform *= n;
        const index = Math.floor(uniform);
        uniform -= index;
        bits -= bitsPerPeer;
        sampled += civicNorm[members.rows[start + index]!]!;
      }
      target = 0.5 * mean + 0.5 * (sampled / peers);
    }
    let change = p.normConformity * (target - own) + drift;
    change = change > limit ? limit : change < -limit ? -limit : change;
    const next = own + change;
    civicNorm[row] = next < 0 ? 0 : next > 1 ? 1 : next;
  }
}
