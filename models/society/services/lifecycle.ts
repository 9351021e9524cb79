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

/** Sort keys pack (coordinate, id) into one exact number when both are small non-negative integers. */
const ID_SPAN = 2 ** 21;
const COORDINATE_SPAN = 2 ** 31;

/**
 * Splits a region's places in two at the median along its longer axis (ids ascending in each
 * half): ordered by that coordinate, then id. Integer sites (the map's cells) are ordered by
 * one packed number per place, a numeric sort with no comparator; others by the comparator.
 */
export function splitRegion(places: readonly ServedPlace[]): [number[], number[]] {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  let packable = true;
  for (let i = 0; i < places.length; i++) {
    const { x, y, id } = places[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (!packs(x) || !packs(y) || !Number.isInteger(id) || id < 0 || id >= ID_SPAN) packable = false;
  }
  const alongX = maxX - minX >= maxY - minY;
  const ordered = packable ? packedOrder(places, alongX) : comparedOrder(places, alongX);
  const half = Math.ceil(places.length / 2);
  return [ascending(ordered, 0, half), ascending(ordered, half, places.length)];
}

function packs(coordinate: number): boolean {
  return Number.isInteger(coordinate) && coordinate >= 0 && coordinate < COORDINATE_SPAN;
}

/** Ids ordered by (coordinate, id), through packed keys (exact below 2^52). */
function packedOrder(places: readonly ServedPlace[], alongX: boolean): Float64Array {
  const keys = new Float64Array(places.length);
  for (let i = 0; i < places.length; i++) keys[i] = (alongX ? places[i]!.x : places[i]!.y) * ID_SPAN + places[i]!.id;
  keys.sort();
  for (let i = 0; i < keys.length; i++) keys[i] = keys[i]! % ID_SPAN;
  return keys;
}

function comparedOrder(places: readonly ServedPlace[], alongX: boolean): Float64Array {
  const sorted = [...places].sort((a, b) => (alongX ? a.x - b.x : a.y - b.y) || a.id - b.id);
  return Float64Array.from(sorted, (place) => place.id);
}

function ascending(ids: Float64Array, from: number, to: number): number[] {
  const sorted = ids.slice(from, to).sort();
  const out = new Array<number>(sorted.length);
  for (let i = 0; i < sorted.length; i++) out[i] = sorted[i]!;
  return out;
}
