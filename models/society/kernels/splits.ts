import type { Kernel } from '../../../sim/index.js';
import { closureKernel } from '../../../sim/index.js';
import { detectionChance } from '../economy/effort.js';
import { turnsOut } from '../governance/votes.js';
import type { SocietyParams } from '../params.js';
import { personColumns } from './person-view.js';

/**
 * Splits' per-person work, one community at a time (phases/splits.ts picks the communities
 * holding their assembly and founds the new ones in community order): the two-means
 * clustering of adults, which marks each adult's side, and the faction's vote on leaving.
 * No randomness: the clustering starts from the community's sharing and is deterministic.
 */

/** splits.in, per community: whether it considers a split this month, its sharing, enforcement and population. */
export const SPLIT_IN = { stride: 4, active: 0, sharing: 1, enforcement: 2, population: 3 } as const;
/** splits.out, per community: the faction's side, size and ideal, the sharing it would choose, and its vote. */
export const SPLIT_OUT = { stride: 7, faction: 0, size: 1, ideal: 2, sharing: 3, yes: 4, no: 5, eligible: 6 } as const;

/** The sharing a faction with this ideal would choose: the ideal clamped to [0, 1] on the policy grid. */
export function factionSharing(ideal: number, policyStep: number): number {
  return Math.round(Math.round(Math.min(1, Math.max(0, ideal)) / policyStep) * policyStep * 1e6) / 1e6;
}

/** Clusters the adults of an assembling community and, when the faction is large enough, polls it on leaving. */
export const splitsFaction: Kernel = closureKernel('splits.faction', [], { SPLIT_IN, SPLIT_OUT, factionSharing, detectionChance, turnsOut, personColumns }, (arrays, lib) => {
  const { SPLIT_IN: IN, SPLIT_OUT: OUT } = lib;
  const { rows, age, idealSharing, civicNorm } = lib.personColumns(arrays);
  const side = arrays['splits.side'] as Uint8Array;
  /** The members' bucket bounds and the communities' inputs and outputs, replaced now and then: set at each call. */
  let start: Int32Array = new Int32Array(0);
  let out: Float64Array = new Float64Array(0);

  /** Two-means on (ideal sharing, civic norm) over adults; marks `side`, writes the faction's side, size and ideal. */
  function cluster(c: number, policySharing: number, adultAge: number): void {
    const from = start[c]!;
    const end = start[c + 1]!;
    let x0 = policySharing - 0.25, y0 = 0.5, x1 = policySharing + 0.25, y1 = 0.5;
    let a0 = 0, b0 = 0, n0 = 0, a1 = 0, b1 = 0, n1 = 0;
    for (let round = 0; round < 4; round++) {
      a0 = b0 = n0 = a1 = b1 = n1 = 0;
      for (let k = from; k < end; k++) {
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
    const o = c * OUT.stride;
    const smaller = n0 < n1 ? 0 : 1;
    out[o + OUT.faction] = smaller;
    out[o + OUT.size] = smaller === 0 ? n0 : n1;
    out[o + OUT.ideal] = smaller === 0 ? x0 : x1;
  }

  /** The faction's adults weigh life apart: the tally of those who turn out. */
  function poll(c: number, p: SocietyParams, policySharing: number, sharing: number, watched: number): void {
    const o = c * OUT.stride;
    const faction = out[o + OUT.faction]!;
    const { adultAge, idealPointWeight, foundingCost } = p;
    let yes = 0, no = 0, eligible = 0;
    const end = start[c + 1]!;
    for (let k = start[c]!; k < end; k++) {
      const row = rows[k]!;
      if (age[row]! < adultAge || side[row] !== faction) continue;
      eligible++;
      const taste = idealPointWeight * (Math.abs(policySharing - idealSharing[row]!) - Math.abs(sharing - idealSharing[row]!));
      const stake = taste + watched - foundingCost;
      if (!lib.turnsOut(p, stake, civicNorm[row]!)) continue;
      if (stake > 0) yes++;
      else no++;
    }
    out[o + OUT.yes] = yes;
    out[o + OUT.no] = no;
    out[o + OUT.eligible] = eligible;
  }

  return (scope, c) => {
    start = scope.arrays['members.start'] as Int32Array;
    out = scope.arrays['splits.out'] as Float64Array;
    const input = scope.arrays['splits.in'] as Float64Array;
    const o = c * OUT.stride;
    out.fill(0, o, o + OUT.stride);
    const i = c * IN.stride;
    if (input[i + IN.active] === 0) return;
    const p = scope.params as unknown as SocietyParams;
    const policySharing = input[i + IN.sharing]!;
    cluster(c, policySharing, p.adultAge);
    const size = out[o + OUT.size]!;
    if (size < p.minFaction) return;
    const sharing = lib.factionSharing(out[o + OUT.ideal]!, p.policyStep);
    out[o + OUT.sharing] = sharing;
    // Smaller groups are watched more closely: the deterrence each member gains apart.
    const watched = (lib.detectionChance(p, size) - lib.detectionChance(p, input[i + IN.population]!)) * input[i + IN.enforcement]! * p.sanction;
    poll(c, p, policySharing, sharing, watched);
  };
});
