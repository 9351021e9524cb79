import { SERVICE_FUNCTIONS } from './syndicate.js';
import { slidingShares } from './sliding-scale.js';

/** A community as a payer of one syndicate's fee. */
export interface Funder {
  id: number;
  population: number;
  wealthPerHead: number;
  /** Its common fund (food units) at the start of the month. */
  fund: number;
}

/** What each funder is asked: the syndicate's asked budget split on the sliding scale. */
export function assessFees(asked: number, funders: readonly Funder[], elasticity: number): Float64Array {
  const shares = slidingShares(funders.map((f) => f.population), funders.map((f) => f.wealthPerHead), elasticity);
  for (let i = 0; i < shares.length; i++) shares[i] = shares[i]! * asked;
  return shares;
}

/**
 * The most a community's fund pays one function in a month: an earmarked slice of the fund
 * (the cap divided evenly over the functions), so what one syndicate gets or loses never
 * changes what another can be paid — separate streams, not one purse.
 */
export function earmark(fund: number, feeCap: number): number {
  return (Math.max(0, fund) * feeCap) / SERVICE_FUNCTIONS.length;
}

/** What each funder pays: its fee, up to its earmark for this function. */
export function collectFees(assessed: ArrayLike<number>, funders: readonly Funder[], feeCap: number): Float64Array {
  const paid = new Float64Array(funders.length);
  for (let i = 0; i < funders.length; i++) paid[i] = Math.min(assessed[i]!, earmark(funders[i]!.fund, feeCap));
  return paid;
}

/**
 * Whether a community opts out of a syndicate: its fee per head exceeds `burden` times what
 * the service is worth per head at the quality it delivers (or promises, for a new one).
 */
export function optsOut(feePerHead: number, quality: number, valuePerHead: number, burden: number): boolean {
  return feePerHead > burden * valuePerHead * quality;
}

/** The communities a syndicate serves this month: those that did not opt out and paid something (ascending ids). */
export function servedBy(funders: readonly Funder[], paid: ArrayLike<number>, optedOut: ReadonlySet<number>): number[] {
  const served: number[] = [];
  funders.forEach((funder, i) => {
    if (!optedOut.has(funder.id) && paid[i]! > 0) served.push(funder.id);
  });
  return served.sort((a, b) => a - b);
}
