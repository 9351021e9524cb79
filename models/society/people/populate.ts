import type { Rng, Streams } from '../../../sim/index.js';
import type { SocietyParams } from '../params.js';
import type { People } from './people.js';

/**
 * Creates the members of community `index` from the stream derive('people', index) alone,
 * so one seed gives the same people whatever the institutions: no institution parameter
 * is read here. Proprietors are the richest `proprietorShare` (at least one), marked in
 * every regime; only ownership switches make the mark matter.
 */
export function populateCommunity(people: People, streams: Streams, index: number, size: number, p: SocietyParams): void {
  const rng = streams.derive('people', index);
  const first = people.addRows(size);
  const end = first + size;
  const { community, family, age, skillFood, skillManufactures, civicNorm, idealSharing, food, manufactures, effort, needsMet, sector } = people.cols;
  const skillMu = -(p.skillSpread ** 2) / 2;
  for (let row = first; row < end; row++) {
    // The draws in the order persons have always drawn them (wealth, age, skills, norm, ideal).
    const wealthDraw = rng.lognormal(-0.125, 0.5);
    age[row] = rng.uniform(0, 70);
    skillFood[row] = rng.lognormal(skillMu, p.skillSpread);
    skillManufactures[row] = rng.lognormal(skillMu, p.skillSpread);
    civicNorm[row] = clamp01(rng.normal(p.civicNormMean, p.civicNormSpread));
    idealSharing[row] = rng.next();
    community[row] = index;
    food[row] = p.initialWealth * wealthDraw;
    manufactures[row] = p.initialWealth * wealthDraw;
    effort[row] = 1;
    needsMet[row] = 1;
    family[row] = people.idOf(row);
    sector[row] = skillFood[row]! >= skillManufactures[row]! * 0.8 ? 0 : 1;
  }
  markProprietors(people, first, end, p.proprietorShare);
  assignCarers(people, first, end, p.adultAge, rng);
}

/** Rows of one community's adults, reused across communities (building allocates nothing per community). */
let adultRows = new Int32Array(0);

function assignCarers(people: People, from: number, to: number, adultAge: number, rng: Rng): void {
  const { age, carer, family } = people.cols;
  if (adultRows.length < to - from) adultRows = new Int32Array(Math.ceil((to - from) * 1.25));
  const adults = adultRows;
  let adultCount = 0;
  for (let row = from; row < to; row++) if (age[row]! >= adultAge) adults[adultCount++] = row;
  for (let row = from; row < to; row++) {
    carer[row] = -1;
    if (age[row]! >= adultAge) continue;
    const draw = rng.next();
    if (adultCount === 0) continue;
    const chosen = adults[Math.floor(draw * adultCount)]!;
    carer[row] = people.idOf(chosen);
    family[row] = family[chosen]!;
  }
}

/** One community's food holdings, sorted to find the proprietors' threshold (reused across communities). */
let holdings = new Float64Array(0);

/**
 * Marks the `share` richest by food (at least one), ties going to the lower row: the first
 * `count` rows in order of food descending, then row ascending. Rather than sorting rows with
 * a comparator, sorts the food values alone to find the count-th largest, then marks every
 * row above it and, among rows equal to it, the lowest until `count` are marked.
 */
export function markProprietors(people: People, from: number, to: number, share: number): void {
  if (share <= 0 || to <= from) return;
  const n = to - from;
  const { food, proprietor } = people.cols;
  if (holdings.length < n) holdings = new Float64Array(Math.ceil(n * 1.25));
  const sorted = holdings.subarray(0, n);
  sorted.set(food.subarray(from, to));
  sorted.sort();
  const count = Math.max(1, Math.round(share * n));
  const threshold = sorted[n - Math.min(count, n)]!;
  let marked = 0;
  for (let row = from; row < to; row++) if (food[row]! > threshold) (proprietor[row] = 1), marked++;
  for (let row = from; row < to && marked < count; row++) if (food[row] === threshold) (proprietor[row] = 1), marked++;
}

/** Clamps to [0, 1]. */
export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
