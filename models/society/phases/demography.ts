import type { NamedPhase, Rng } from '../../../sim/index.js';
import type { SocietyParams } from '../params.js';
import { communityStream } from '../communities/community.js';
import { clamp01 } from '../people/populate.js';
import type { Society } from '../society.js';
import { mortalityFactor } from '../services/effects.js';

const deaths: number[] = [];
const births: number[] = [];

/**
 * Ageing, deaths (Gompertz hazard, raised by last month's hunger) and births (Poisson per community, from a random
 * adult parent). A dead person's holdings go to the fund, or under inheritance=heirs to
 * the first living member of their family in the community (who also takes over their
 * proprietor mark). Reads age; mutates the people table and funds. Each community draws
 * from its own stream; rows are removed and added after all draws.
 */
export const demography: NamedPhase<Society> = {
  name: 'demography',
  run(society) {
    deaths.length = 0;
    births.length = 0;
    for (const community of society.communities) drawEvents(society, community.id);
    settleEstates(society);
    removeDead(society);
    addBorn(society);
    society.members.rebuild(society.people, society.communities.length);
    for (const community of society.communities) community.population = society.members.count(community.id);
  },
};

function drawEvents(society: Society, c: number): void {
  const { people, members, params: p } = society;
  const rng = communityStream(society.streams, society.communities[c]!, 'demography');
  const start = members.start[c]!;
  const n = members.count(c);
  if (fertile.length < n) fertile = new Int32Array(Math.ceil(n * 1.25));
  const adults = ageAndDie(rng, people.cols.age, people.cols.needsMet, members.rows, start, n, mortalityFactor(society, c), p);
  const born = adults > 0 ? rng.poisson(p.birthRate * n) : 0;
  for (let b = 0; b < born; b++) {
    const parent = fertile[rng.int(adults)]!;
    births.push(people.idOf(parent), rng.normal(0, 1), rng.normal(0, 1), rng.normal(0, 0.05), rng.normal(0, 0.05));
  }
}

/** The rows of the community's adults under 50, in bucket order: the possible parents. */
let fertile = new Int32Array(0);

/**
 * A month older, and one draw each against the hazard: the dying go to `deaths`, the adults
 * under 50 to `fertile`. Returns how many of those. Touches only the bucket's rows, two
 * columns and the community's stream.
 */
function ageAndDie(rng: Rng, age: Float32Array, needsMet: Float32Array, rows: Int32Array, start: number, n: number, care: number, p: SocietyParams): number {
  const { adultAge, mortalityBase, mortalityGrowth, hungerMortality } = p;
  const ceiling = hazardCeiling(mortalityBase, mortalityGrowth);
  // The ceiling bounds the hazard only while every factor is non-negative; else always compute it.
  const bounded = hungerMortality >= 0 && care >= 0 ? ceiling.length : 0;
  const parents = fertile;
  let adults = 0;
  for (let k = start; k < start + n; k++) {
    const row = rows[k]!;
    const years = Math.fround(age[row]! + 1 / 12);
    age[row] = years;
    // Listed with no branch (the slot is overwritten unless counted): ages alternate
    // unpredictably along a bucket.
    parents[adults] = row;
    adults += +(years >= adultAge) & +(years < 50);
    const hunger = 1 + hungerMortality * (1 - Math.min(1, needsMet[row]!));
    const u = rng.next();
    // Most draws clear an upper bound of the hazard by far, and then its exp need not be taken.
    const whole = Math.ceil(years);
    if (whole >= 0 && whole < bounded && u >= ceiling[whole]! * hunger * care) continue;
    if (u < mortalityBase * Math.exp(mortalityGrowth * years) * hunger * care) deaths.push(row);
  }
  return adults;
}

/**
 * base × exp(growth × a) at whole ages a = 0 … 149, with slack far above the few roundings
 * between it and the hazard: each bounds the hazard's Gompertz part at the ages below a.
 */
let ceilingTable = { base: Number.NaN, growth: Number.NaN, values: new Float64Array(0) };

/** The hazard's ceiling by whole age (empty where it bounds nothing): see `ceilingTable`. */
export function hazardCeiling(base: number, growth: number): Float64Array {
  if (ceilingTable.base === base && ceilingTable.growth === growth) return ceilingTable.values;
  // Only a base ≥ 0 and a growth ≥ 0 make the hazard rise with age; otherwise no bound (length 0).
  const values = new Float64Array(base >= 0 && growth >= 0 ? 150 : 0);
  for (let a = 0; a < values.length; a++) values[a] = base * Math.exp(growth * a) * (1 + 1e-6);
  ceilingTable = { base, growth, values };
  return values;
}

function settleEstates(society: Society): void {
  const { people, params: p } = society;
  const cols = people.cols;
  const dying = new Set(deaths);
  // Deaths are not logged as events: at a million persons they would swamp the log.
  for (const row of deaths) {
    const community = society.communities[cols.community[row]!]!;
    const heir = p.inheritance === 'heirs' ? findHeir(society, row, dying) : -1;
    if (heir >= 0) {
      cols.food[heir]! += cols.food[row]!;
      cols.manufactures[heir]! += cols.manufactures[row]!;
      cols.credit[heir]! += cols.credit[row]!;
      if (cols.proprietor[row]) cols.proprietor[heir] = 1;
    } else {
      community.fund.food += cols.food[row]!;
      community.fund.manufactures += cols.manufactures[row]!;
      community.fund.credit += cols.credit[row]!;
    }
    cols.food[row] = cols.manufactures[row] = cols.credit[row] = 0;
  }
  society.counters.deaths = deaths.length;
}

function findHeir(society: Society, row: number, dying: Set<number>): number {
  const { people, members } = society;
  const c = people.cols.community[row]!;
  const family = people.cols.family[row]!;
  for (let k = members.start[c]!; k < members.start[c + 1]!; k++) {
    const other = members.rows[k]!;
    if (other !== row && !dying.has(other) && people.cols.family[other] === family) return other;
  }
  return -1;
}

function removeDead(society: Society): void {
  // Descending rows: the last row, which swap-remove moves, is never one still to remove.
  deaths.sort((a, b) => b - a);
  for (const row of deaths) society.people.removeRow(row);
}

function addBorn(society: Society): void {
  const { people, params: p } = society;
  // Parents were recorded by id: removals have moved rows since. A parent who died this
  // month has no row left, and that birth is lost with them.
  for (let b = 0; b < births.length; b += 5) {
    const parent = people.rowOf(births[b]!);
    if (parent < 0) continue;
    const cols = people.cols;
    const child = {
      community: cols.community[parent]!, family: cols.family[parent]!, age: 0,
      skillFood: inheritSkill(cols.skillFood[parent]!, births[b + 1]!, p.skillSpread),
      skillManufactures: inheritSkill(cols.skillManufactures[parent]!, births[b + 2]!, p.skillSpread),
      civicNorm: clamp01(cols.civicNorm[parent]! + births[b + 3]!),
      idealSharing: clamp01(cols.idealSharing[parent]! + births[b + 4]!),
      sector: cols.sector[parent]!, workplace: cols.workplace[parent]!, effort: 1, needsMet: 1, carer: births[b]!,
    };
    people.add(child);
    society.counters.births++;
  }
}

function inheritSkill(parentSkill: number, z: number, spread: number): number {
  // Half the parent's log-skill plus fresh variation: skills regress toward the mean.
  const logSkill = 0.5 * (Math.log(parentSkill) + spread ** 2 / 2) + spread * Math.sqrt(0.75) * z;
  return Math.exp(logSkill - spread ** 2 / 2);
}
