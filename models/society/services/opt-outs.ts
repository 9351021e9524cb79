import type { Society } from '../society.js';
import { optsOut } from './funding.js';
import { serviceQuality } from './quality.js';
import { slidingSharesInto } from './sliding-scale.js';
import type { ServiceFunction, Syndicate } from './syndicate.js';

/** Buffers reused by every syndicate's decision: a redraw allocates nothing per funder. */
let scratch = { ids: new Int32Array(64), populations: new Float64Array(64), wealth: new Float64Array(64), shares: new Float64Array(64) };

function reserve(n: number): void {
  if (scratch.ids.length >= n) return;
  const size = Math.ceil(n * 1.5);
  scratch = { ids: new Int32Array(size), populations: new Float64Array(size), wealth: new Float64Array(size), shares: new Float64Array(size) };
}

/**
 * Each community served by a syndicate of this function decides whether to opt out for the
 * year: when its fee per head on the sliding scale outweighs what the service is worth to it.
 * Under one central budget nobody opts out: taxes and fees are the state's, not a choice.
 */
export function decideOptOuts(society: Society, fn: ServiceFunction, wealth: Float64Array): void {
  const state = society.services;
  const optedOut = new Set<number>();
  state.optedOut[fn] = optedOut;
  if (society.params.unitaryBudget) return;
  const syndicates = state.syndicates;
  for (let s = 0; s < syndicates.length; s++) {
    if (syndicates[s]!.function === fn) decideFor(society, syndicates[s]!, wealth, optedOut);
  }
}

/** The funders of one syndicate (served by it and inhabited, region order) decide. */
function decideFor(society: Society, syndicate: Syndicate, wealth: Float64Array, optedOut: Set<number>): void {
  const p = society.params;
  const provider = society.services.provider[syndicate.function];
  const members = syndicate.regionMembers;
  reserve(members.length);
  const { ids, populations, wealth: heads, shares } = scratch;
  let n = 0;
  let persons = 0;
  for (let k = 0; k < members.length; k++) {
    const c = members[k]!;
    const population = society.communities[c]!.population;
    if (provider[c] !== syndicate.id || !(population > 0)) continue;
    ids[n] = c;
    populations[n] = population;
    heads[n] = wealth[c]!;
    persons += population;
    n++;
  }
  const asked = syndicate.fee * persons;
  slidingSharesInto(populations, heads, n, p.slidingScale, shares);
  // A new syndicate is judged by what its fee promises; an old one by what it delivered.
  const quality = society.steps - syndicate.founded < 12 ? serviceQuality(asked, syndicate.skim, p.serviceCost, persons, p.economiesOfScale) : syndicate.quality;
  for (let i = 0; i < n; i++) {
    if (!society.defence.isAnnexed(ids[i]!) && optsOut((shares[i]! * asked) / populations[i]!, quality, p.serviceValue, p.optOutBurden)) optedOut.add(ids[i]!);
  }
}
