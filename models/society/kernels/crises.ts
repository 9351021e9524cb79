import type { Kernel } from '../../../sim/index.js';
import { armedChance, CRISIS_KINDS, kindShare, violenceChance, type CrisisAssumptions, type CrisisResponse } from '../crises/crises.js';
import type { SocietyParams } from '../params.js';

/**
 * Crises, one community at a time (phases/crises.ts pays the police and books the counts):
 * the month's crises drawn from the community's own `crises` stream, each answered as
 * `resolveCrisis` answers it (the same draws, in the same order, against the same chances).
 */

/** crises.in, per community: its population (0: none drawn) and its responders' quality. */
export const CRISES_IN = { stride: 2, population: 0, quality: 1 } as const;
/** crises.out, per community: crises, those that turned violent, those with a weapon. */
export const CRISES_OUT = { stride: 3, crises: 0, violent: 1, armed: 2 } as const;

/** The crisis model's assumptions, as the phase passes them, read from the run's parameters. */
export function crisisAssumptions(p: SocietyParams): CrisisAssumptions {
  return {
    mentalHealthShare: p.mentalHealthShare, disasterShare: p.disasterShare, armedIncidentShare: p.armedIncidentShare,
    unarmedFit: p.unarmedFit, armedFit: p.armedFit, unarmedEscalation: p.unarmedEscalation, armedEscalation: p.armedEscalation,
    unresolvedViolence: p.unresolvedViolence,
  };
}

/** Per run (keyed by its parameters): the assumptions and each kind's share. */
let cached: { params: unknown; assumptions: CrisisAssumptions; shares: Float64Array } | null = null;

function assumptionsOf(params: Readonly<Record<string, unknown>>): { assumptions: CrisisAssumptions; shares: Float64Array } {
  if (cached?.params !== params) {
    const assumptions = crisisAssumptions(params as unknown as SocietyParams);
    cached = { params, assumptions, shares: Float64Array.from(CRISIS_KINDS, (kind) => kindShare(kind, assumptions)) };
  }
  return cached;
}

/** Per kind: the chance of a weapon, and of violence unarmed then armed (filled per community). */
const armedChances = new Float64Array(CRISIS_KINDS.length);
const violenceChances = new Float64Array(2 * CRISIS_KINDS.length);

/** Draws and answers a community's crises for the month. */
export const crisesDraw: Kernel = {
  name: 'crises.draw',
  streams: ['crises'],
  run(scope, c) {
    const input = scope.arrays['crises.in'] as Float64Array;
    const out = scope.arrays['crises.out'] as Float64Array;
    const o = c * CRISES_OUT.stride;
    out[o] = out[o + 1] = out[o + 2] = 0;
    const population = input[c * CRISES_IN.stride + CRISES_IN.population]!;
    if (population <= 0) return;
    const p = scope.params as unknown as SocietyParams;
    const { assumptions, shares } = assumptionsOf(scope.params);
    const response: CrisisResponse = p.crisisResponse === 'armed' ? 'armed' : 'unarmed';
    const quality = input[c * CRISES_IN.stride + CRISES_IN.quality]!;
    for (let k = 0; k < CRISIS_KINDS.length; k++) {
      const kind = CRISIS_KINDS[k]!;
      armedChances[k] = armedChance(kind, assumptions);
      violenceChances[2 * k] = violenceChance(response, kind, false, assumptions, quality);
      violenceChances[2 * k + 1] = violenceChance(response, kind, true, assumptions, quality);
    }
    const rng = scope.rng(c, 'crises');
    const count = rng.poisson(p.crisisRate * population);
    let violent = 0;
    let armed = 0;
    for (let i = 0; i < count; i++) {
      const drawn = rng.weightedIndex(shares);
      // No kind drawn (all shares zero) counts as a conflict, as resolveCrisis has it.
      const k = drawn < 0 ? CRISIS_KINDS.length - 1 : drawn;
      const withWeapon = rng.next() < armedChances[k]! ? 1 : 0;
      if (rng.next() < violenceChances[2 * k + withWeapon]!) violent++;
      armed += withWeapon;
    }
    out[o + CRISES_OUT.crises] = count;
    out[o + CRISES_OUT.violent] = violent;
    out[o + CRISES_OUT.armed] = armed;
  },
};
