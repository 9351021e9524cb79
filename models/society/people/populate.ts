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
  const first = people.length;
  for (let k = 0; k < size; k++) {
    const wealthDraw = rng.lognormal(-0.125, 0.5);
    people.add({
      community: index,
      age: rng.uniform(0, 70),
      skillFood: rng.lognormal(-(p.skillSpread ** 2) / 2, p.skillSpread),
      skillManufactures: rng.lognormal(-(p.skillSpread ** 2) / 2, p.skillSpread),
      civicNorm: clamp01(rng.normal(p.civicNormMean, p.civicNormSpread)),
      idealSharing: rng.next(),
      food: p.initialWealth * wealthDraw,
      manufactures: p.initialWealth * wealthDraw,
      effort: 1,
      needsMet: 1,
    });
    const row = people.length - 1;
    people.cols.family[row] = people.idOf(row);
    people.cols.sector[row] = people.cols.skillFood[row]! >= people.cols.skillManufactures[row]! * 0.8 ? 0 : 1;
    people.cols.workplace[row] = index;
  }
  markProprietors(people, first, people.length, p.proprietorShare);
  assignCarers(people, first, people.length, p.adultAge, rng);
}

function assignCarers(people: People, from: number, to: number, adultAge: number, rng: Rng): void {
  const cols = people.cols;
  const adults: number[] = [];
  for (let row = from; row < to; row++) if (cols.age[row]! >= adultAge) adults.push(row);
  for (let row = from; row < to; row++) {
    cols.carer[row] = -1;
    if (cols.age[row]! >= adultAge) continue;
    const draw = rng.next();
    if (adults.length === 0) continue;
    const carer = adults[Math.floor(draw * adults.length)]!;
    cols.carer[row] = people.idOf(carer);
    cols.family[row] = cols.family[carer]!;
  }
}

function markProprietors(people: People, from: number, to: number, share: number): void {
  if (share <= 0 || to <= from) return;
  const rows = Array.from({ length: to - from }, (_, k) => from + k);
  rows.sort((a, b) => people.cols.food[b]! - people.cols.food[a]! || a - b);
  const count = Math.max(1, Math.round(share * rows.length));
  for (let k = 0; k < count; k++) people.cols.proprietor[rows[k]!] = 1;
}

/** Clamps to [0, 1]. */
export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
