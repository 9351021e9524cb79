import type { NamedPhase, Rng } from '../../../sim/index.js';
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

/**
 * The members' norms in bucket order (index k − start), kept equal to the column as norms
 * change: peers are read from here, a few hundred bytes in cache, instead of through the
 * bucket's rows into a column spread over the whole table.
 */
let norms = new Float32Array(0);
const choice = new Float64Array(3);

function cultivate(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { civicNorm, utility, needsMet, age } = people.cols;
  const rows = members.rows;
  const start = members.start[community.id]!;
  const n = members.count(community.id);
  if (norms.length < n) norms = new Float32Array(Math.ceil(n * 1.25));
  const local = norms;
  const foodNeed = p.foodNeed;
  const adultAge = p.adultAge;
  let normSum = 0, welfare = 0, met = 0, shortfall = 0;
  for (let k = 0; k < n; k++) {
    const row = rows[start + k]!;
    const norm = civicNorm[row]!;
    local[k] = norm;
    normSum += norm;
    welfare += utility[row]!;
    const fed = needsMet[row]!;
    met += Math.min(1, fed);
    // 1 − 0.5·[child] is exactly 0.5 or 1, with no branch: children and adults alternate
    // unpredictably along a bucket, and a mispredicted branch costs more than this sum.
    shortfall += Math.max(0, 1 - fed) * foodNeed * (1 - 0.5 * +(age[row]! < adultAge));
  }
  const g = community.governance;
  g.welfare = welfare / n;
  g.shortfall = shortfall;
  g.cooperation = (1 - g.freeRiding) * (met / n);
  const mean = normSum / n;
  // The community-wide pushes, the same for every member.
  const drift = p.normGrowth * (g.cooperation - p.normReference) - p.normErosion * g.freeRiding * g.unpunished;
  const rng = communityStream(society.streams, community, 'culture');
  conform(rng, civicNorm, rows, start, n, mean, drift, Math.min(p.normPeers, n), p.normConformity, p.maxNormChange);
}

/**
 * Moves each member's norm toward the mean and a few sampled peers (peers read as they stand,
 * earlier members already moved), by at most `limit`. Touches only the bucket's rows, the
 * norm column and the community's stream.
 */
function conform(rng: Rng, civicNorm: Float32Array, rows: Int32Array, start: number, n: number, mean: number, drift: number, peers: number, conformity: number, limit: number): void {
  const local = norms;
  // One uniform draw yields several peer indices (its successive base-n digits) while
  // enough of its 52 bits remain: culture samples peers for every member every month.
  const bitsPerPeer = Math.log2(Math.max(2, n));
  const refillBelow = bitsPerPeer + 8;
  const halfMean = 0.5 * mean;
  let uniform = 0;
  let bits = 0;
  choice[1] = limit;
  choice[2] = -limit;
  for (let k = 0; k < n; k++) {
    const own = local[k]!;
    let target = mean;
    if (peers > 0) {
      let sampled = 0;
      for (let s = 0; s < peers; s++) {
        if (bits < refillBelow) {
          uniform = rng.next();
          bits = 52;
        }
        uniform *= n;
        const index = Math.floor(uniform);
        uniform -= index;
        bits -= bitsPerPeer;
        sampled += local[index]!;
      }
      target = halfMean + 0.5 * (sampled / peers);
    }
    // Clamped to ±limit by picking from `choice` (the change, limit, −limit), with no branch;
    // a limit ≥ 0 (its range) never has both tests true.
    const change = conformity * (target - own) + drift;
    choice[0] = change;
    const next = own + choice[+(change > limit) + 2 * +(change < -limit)]!;
    const norm = next < 0 ? 0 : next > 1 ? 1 : next;
    civicNorm[rows[start + k]!] = norm;
    local[k] = norm;
  }
}
