import type { NamedPhase } from '../../../sim/index.js';
import { BIRTH, birthRoom, birthSlots, DEMOGRAPHY_IN, DEMOGRAPHY_OUT, drawBirth, listParents } from '../kernels/demography.js';
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
 * from its own stream, in kernels/demography.ts (it may run on several threads); rows are
 * removed and added here after all draws, in community order.
 */
export const demography: NamedPhase<Society> = {
  name: 'demography',
  run(society) {
    deaths.length = 0;
    births.length = 0;
    const count = society.communities.length;
    packCare(society, count);
    prepareScratch(society, count);
    society.shards.run('demography.events', count, society.members.start);
    collectEvents(society, count);
    settleEstates(society);
    const before = society.people.length;
    society.members.noteRemovals(society.people, deaths);
    removeDead(society);
    addBorn(society);
    society.members.settleRemovals(society.people, count, society.scratchInts(Math.max(before, society.people.length)));
    society.gatherRowsIfDue();
    for (const community of society.communities) community.population = society.members.count(community.id);
  },
};

/** What each community's kernel needs: the health service's factor on its hazard. */
function packCare(society: Society, count: number): void {
  const input = society.shards.array('demography.in', Float64Array, count * DEMOGRAPHY_IN.stride);
  for (let c = 0; c < count; c++) input[c * DEMOGRAPHY_IN.stride + DEMOGRAPHY_IN.care] = mortalityFactor(society, c);
}

/** Room for the dead (one per member) and the births (see `birthRoom`) each kernel writes. */
function prepareScratch(society: Society, count: number): void {
  const { shards, members } = society;
  const total = members.start[count]!;
  shards.array('demography.out', Float64Array, count * DEMOGRAPHY_OUT.stride);
  shards.array('demography.dead', Int32Array, total);
  shards.array('demography.births', Float64Array, birthSlots(total, count) * BIRTH.stride);
}

/**
 * The kernels' deaths and births in community order, parents by id (rows move when the dead
 * are removed). Births beyond a community's room in scratch are drawn here, from the same stream.
 */
function collectEvents(society: Society, count: number): void {
  const { shards, members, people } = society;
  const total = members.start[count]!;
  const out = shards.array('demography.out', Float64Array, count * DEMOGRAPHY_OUT.stride);
  const dead = shards.array('demography.dead', Int32Array, total);
  const drawn = shards.array('demography.births', Float64Array, birthSlots(total, count) * BIRTH.stride);
  for (let c = 0; c < count; c++) {
    const o = c * DEMOGRAPHY_OUT.stride;
    const start = members.start[c]!;
    const died = out[o + DEMOGRAPHY_OUT.deaths]!;
    for (let j = 0; j < died; j++) deaths.push(dead[start + j]!);
    const born = out[o + DEMOGRAPHY_OUT.born]!;
    const written = out[o + DEMOGRAPHY_OUT.written]!;
    const room = birthRoom(members.start, c);
    for (let b = 0; b < written; b++) {
      const at = (room + b) * BIRTH.stride;
      births.push(people.idOf(drawn[at + BIRTH.parent]!), drawn[at + 1]!, drawn[at + 2]!, drawn[at + 3]!, drawn[at + 4]!);
    }
    if (born > written) drawOverflow(society, c, born - written);
  }
}

/** One birth drawn outside the kernel, and the possible parents it picks from. */
const overflow = new Float64Array(BIRTH.stride);
let parents = new Int32Array(0);

/** Births beyond a community's room: drawn here, from where its kernel left its stream. */
function drawOverflow(society: Society, c: number, extra: number): void {
  const { members, people, shards } = society;
  const n = members.count(c);
  if (parents.length < n) parents = new Int32Array(n);
  const adults = listParents(people.cols.age, members.rows, members.start[c]!, n, society.params.adultAge, parents);
  const rng = shards.rng(c, 'demography');
  for (let b = 0; b < extra; b++) {
    drawBirth(rng, parents, adults, overflow, 0);
    births.push(people.idOf(overflow[BIRTH.parent]!), overflow[1]!, overflow[2]!, overflow[3]!, overflow[4]!);
  }
}

function settleEstates(society: Society): void {
  const { people, params: p } = society;
  const cols = people.cols;
  const dying = new Set(deaths);
  // Deaths are not logged as events: at a million persons they would swamp the log.
  const accounts = society.accounts;
  for (const row of deaths) {
    const fund = 2 * cols.community[row]!;
    const heir = p.inheritance === 'heirs' ? findHeir(society, row, dying) : -1;
    if (heir >= 0) {
      cols.food[heir]! += cols.food[row]!;
      cols.manufactures[heir]! += cols.manufactures[row]!;
      cols.credit[heir]! += cols.credit[row]!;
      if (cols.proprietor[row]) cols.proprietor[heir] = 1;
    } else {
      accounts.food[fund]! += cols.food[row]!;
      accounts.manufactures[fund]! += cols.manufactures[row]!;
      accounts.credit[fund]! += cols.credit[row]!;
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
      sector: cols.sector[parent]!, effort: 1, needsMet: 1, carer: births[b]!,
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
