import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { personView } from './person-view.js';
import { detectionChance } from '../economy/effort.js';
import { turnsOut } from '../governance/votes.js';
import type { SocietyParams } from '../params.js';

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

/** The columns and scratch arrays the kernel reads, typed. */
function buildView(scope: KernelScope) {
  const a = scope.arrays;
  return Object.assign(personView(scope), {
    side: a['splits.side'] as Uint8Array,
    input: a['splits.in'] as Float64Array,
    out: a['splits.out'] as Float64Array,
  });
}

/** The view, rebuilt only when the scope's arrays were replaced. */
const view = cachedView(buildView);

/** The sharing a faction with this ideal would choose: the ideal clamped to [0, 1] on the policy grid. */
export function factionSharing(ideal: number, policyStep: number): number {
  return Math.round(Math.round(Math.min(1, Math.max(0, ideal)) / policyStep) * policyStep * 1e6) / 1e6;
}

/** Clusters the adults of an assembling community and, when the faction is large enough, polls it on leaving. */
export const splitsFaction: Kernel = {
  name: 'splits.faction',
  streams: [],
  run(scope, c) {
    const v = view(scope);
    const o = c * SPLIT_OUT.stride;
    v.out.fill(0, o, o + SPLIT_OUT.stride);
    const i = c * SPLIT_IN.stride;
    if (v.input[i + SPLIT_IN.active] === 0) return;
    const p = scope.params as unknown as SocietyParams;
    const policySharing = v.input[i + SPLIT_IN.sharing]!;
    cluster(v, c, policySharing, p.adultAge);
    const size = v.out[o + SPLIT_OUT.size]!;
    if (size < p.minFaction) return;
    const sharing = factionSharing(v.out[o + SPLIT_OUT.ideal]!, p.policyStep);
    v.out[o + SPLIT_OUT.sharing] = sharing;
    // Smaller groups are watched more closely: the deterrence each member gains apart.
    const watched = (detectionChance(p, size) - detectionChance(p, v.input[i + SPLIT_IN.population]!)) * v.input[i + SPLIT_IN.enforcement]! * p.sanction;
    poll(v, c, p, policySharing, sharing, watched);
  },
};

type View = ReturnType<typeof view>;

/** Two-means on (ideal sharing, civic norm) over adults; marks `side`, writes the faction's side, size and ideal. */
function cluster(v: View, c: number, policySharing: number, adultAge: number): void {
  const { rows, age, idealSharing, civicNorm, side } = v;
  const start = v.start[c]!;
  const end = v.start[c + 1]!;
  let x0 = policySharing - 0.25, y0 = 0.5, x1 = policySharing + 0.25, y1 = 0.5;
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
  const o = c * SPLIT_OUT.stride;
  const smaller = n0 < n1 ? 0 : 1;
  v.out[o + SPLIT_OUT.faction] = smaller;
  v.out[o + SPLIT_OUT.size] = smaller === 0 ? n0 : n1;
  v.out[o + SPLIT_OUT.ideal] = smaller === 0 ? x0 : x1;
}

/** The faction's adults weigh life apart: the tally of those who turn out. */
function poll(v: View, c: number, p: SocietyParams, policySharing: number, sharing: number, watched: number): void {
  const { rows, age, idealSharing, civicNorm, side } = v;
  const o = c * SPLIT_OUT.stride;
  const faction = v.out[o + SPLIT_OUT.faction]!;
  const { adultAge, idealPointWeight, foundingCost } = p;
  let yes = 0, no = 0, eligible = 0;
  const end = v.start[c + 1]!;
  for (let k = v.start[c]!; k < end; k++) {
    const row = rows[k]!;
    if (age[row]! < adultAge || side[row] !== faction) continue;
    eligible++;
    const taste = idealPointWeight * (Math.abs(policySharing - idealSharing[row]!) - Math.abs(sharing - idealSharing[row]!));
    const stake = taste + watched - foundingCost;
    if (!turnsOut(p, stake, civicNorm[row]!)) continue;
    if (stake > 0) yes++;
    else no++;
  }
  v.out[o + SPLIT_OUT.yes] = yes;
  v.out[o + SPLIT_OUT.no] = no;
  v.out[o + SPLIT_OUT.eligible] = eligible;
}
