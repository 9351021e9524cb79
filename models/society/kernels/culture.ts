import type { Kernel, Rng } from '../../../sim/index.js';
import { closureKernel } from '../../../sim/index.js';
import { civicView } from './civic-view.js';
import type { SocietyParams } from '../params.js';
import { personColumns } from './person-view.js';

/**
 * Culture's per-person work, one community at a time: the month's welfare, cooperation and food
 * shortfall, booked in the community's record (its civic columns), then every member's norm moved
 * toward the mean and a few sampled peers, on the community's `culture` stream.
 */

/** Welfare, needs and shortfall summed, then every norm moved (see `conform`). Empty communities are left alone. */
export const cultureCultivate: Kernel = closureKernel('culture.cultivate', ['culture'], { civicView, personColumns }, (arrays, lib) => {
  const { rows, civicNorm, utility, needsMet, age } = lib.personColumns(arrays);
  /**
   * The members' norms in bucket order (index k − start), kept equal to the column as norms
   * change: peers are read from here, a few hundred bytes in cache, instead of through the
   * bucket's rows into a column spread over the whole table. One per build (and so per thread), reused.
   */
  let norms = new Float32Array(0);
  const choice = new Float64Array(3);

  /**
   * Moves each member's norm toward the mean and a few sampled peers (peers read as they stand,
   * earlier members already moved), by at most `limit`. Touches only the bucket's rows, the
   * norm column and the community's stream.
   */
  function conform(rng: Rng, start: number, n: number, mean: number, drift: number, peers: number, conformity: number, limit: number): void {
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

  return (scope, c) => {
    const bounds = scope.arrays['members.start'] as Int32Array;
    const start = bounds[c]!;
    const n = bounds[c + 1]! - start;
    if (n === 0) return;
    const p = scope.params as unknown as SocietyParams;
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
    // Last month's accountability record, and this month's, in the community's civic columns.
    const record = lib.civicView(scope);
    const freeRiding = record.freeRiding[c]!;
    const unpunished = record.unpunished[c]!;
    const cooperation = (1 - freeRiding) * (met / n);
    record.welfare[c] = welfare / n;
    record.shortfall[c] = shortfall;
    record.cooperation[c] = cooperation;
    const mean = normSum / n;
    // The community-wide pushes, the same for every member.
    const drift = p.normGrowth * (cooperation - p.normReference) - p.normErosion * freeRiding * unpunished;
    conform(scope.rng(c, 'culture'), start, n, mean, drift, Math.min(p.normPeers, n), p.normConformity, p.maxNormChange);
  };
});
