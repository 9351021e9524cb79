import type { NamedPhase } from '../../../sim/index.js';
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
  const care = mortalityFactor(society, c);
  const { age, needsMet } = people.cols;
  const { adultAge, mortalityBase, mortalityGrowth, hungerMortality } = p;
  let adults = 0;
  for (let k = members.start[c]!; k < members.start[c + 1]!; k++) {
    const row = members.rows[k]!;
    age[row] = age[row]! + 1 / 12;
    const years = age[row]!;
    if (years >= adultAge && years < 50) adults++;
    const hunger = 1 + hungerMortality * (1 - Math.min(1, needsMet[row]!));
    if (rng.next() < mortalityBase * Math.exp(mortalityGrowth * years) * hunger * care) deaths.push(row);
  }
  const born = adults > 0 ? rng.poisson(p.birthRate * members.count(c)) : 0;
  for (let b = 0; b < born; b++) {
    const parent = pickAdult(society, c, rng.int(adults));
    if (parent < 0) break;
    births.push(people.idOf(parent), rng.normal(0, 1), rng.normal(0, 1), rng.normal(0, 0.05), rng.normal(0, 0.05));
  }
}

function pickAdult(society: Society, c: number, nth: number): number {
  const { people, members, params: p } = society;
  let seen = 0;
  for (let k = members.start[c]!; k < members.start[c + 1]!; k++) {
    const row = members.rows[k]!;
    const age = people.cols.age[row]!;
    if (age >= p.adultAge && age < 50 && seen++ === nth) return row;
  }
  return -1;
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
