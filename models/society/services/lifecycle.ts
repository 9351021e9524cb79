import type { ServedPlace } from './place.js';

/** What a syndicate's clients weigh when deciding whether to found a rival (or a first one). */
export interface FoundingCase {
  /** Quality of the incumbent (0 when no syndicate serves them). */
  incumbentQuality: number;
  /** Quality a new syndicate would deliver on the same fee. */
  expectedQuality: number;
  /** Below this, clients look for a rival at all. */
  rivalBelow: number;
  /** Worth of a fully good service per person per month. */
  valuePerHead: number;
  /** One-off founding cost per person. */
  foundingCostPerHead: number;
  /** Months over which the founders count the gain. */
  horizonMonths: number;
}

/** Found a syndicate when the incumbent is bad (or absent) and the gain over the horizon beats the cost. */
export function shouldFound(c: FoundingCase): boolean {
  if (c.incumbentQuality >= c.rivalBelow) return false;
  const gain = (c.expectedQuality - c.incumbentQuality) * c.valuePerHead * c.horizonMonths;
  return gain > c.foundingCostPerHead;
}

/** What an underfunded syndicate does this month. */
export type FundingVerdict = 'keep' | 'shrink' | 'dissolve';

/** Funded below the threshold it shrinks; after `dissolveAfter` months in a row of that it dissolves. */
export function fundingVerdict(received: number, asked: number, shrinkBelow: number, monthsUnderfunded: number, dissolveAfter: number): FundingVerdict {
  if (asked <= 0 || received >= shrinkBelow * asked) return 'keep';
  return monthsUnderfunded + 1 >= dissolveAfter ? 'dissolve' : 'shrink';
}

/** Workers a syndicate keeps: those the asked budget pays for, scaled by the share it got. */
export function workersFunded(servedPersons: number, workersPerPerson: number, received: number, asked: number): number {
  const share = asked > 0 ? Math.min(1, received / asked) : 0;
  return servedPersons * workersPerPerson * share;
}

/** A syndicate splits when it serves more communities than its clients can oversee. */
export function shouldSplit(clients: number, splitAbove: number): boolean {
  return clients > splitAbove;
}

/** Splits a region's places in two at the median along its longer axis (ids ascending in each half). */
export function splitRegion(places: readonly ServedPlace[]): [number[], number[]] {
  const xs = places.map((p) => p.x);
  const ys = places.map((p) => p.y);
  const alongX = Math.max(...xs) - Math.min(...xs) >= Math.max(...ys) - Math.min(...ys);
  const sorted = [...places].sort((a, b) => (alongX ? a.x - b.x : a.y - b.y) || a.id - b.id);
  const half = Math.ceil(sorted.length / 2);
  const ids = (part: ServedPlace[]) => part.map((p) => p.id).sort((a, b) => a - b);
  return [ids(sorted.slice(0, half)), ids(sorted.slice(half))];
}
