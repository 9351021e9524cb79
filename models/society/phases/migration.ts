import type { NamedPhase, Rng } from '../../../sim/index.js';
import { admits, leaveMap, movePerson, passesAdmission, settleMembership } from '../association/move.js';
import type { Community } from '../communities/community.js';
import type { Society } from '../society.js';

const leaving: number[] = [];
let arrived = new Float64Array(0);

/**
 * Phase 9a. First the expelled go: to the nearest trade partner that admits them, else off
 * the map (a sink). Then a few adults in each community reconsider where they live: they
 * compare a few communities they know (partners, federation fellows, one heard of at
 * random), seen with noise, each valued at its members' welfare less the distance from
 * their ideal sharing and the moving cost, and move to the best if it beats staying and
 * it admits them. Crosses communities: index order, the phase's own stream.
 */
export const migration: NamedPhase<Society> = {
  name: 'migration',
  run(society) {
    const rng = society.polity.stream(society.streams, 'migration');
    leaving.length = 0;
    if (arrived.length < society.communities.length) arrived = new Float64Array(society.communities.length * 2);
    arrived.fill(0);
    let moved = false;
    // Only the communities accountability named someone in (in community order, as a walk over all would meet them).
    const expelling = society.polity.expelling;
    for (let i = 0; i < expelling.length; i++) moved = expel(society, society.communities[expelling[i]!]!) || moved;
    expelling.length = 0;
    if (society.params.migration && society.params.migrationRate > 0) {
      readCommunities(society);
      for (const community of society.communities) moved = reconsider(society, community, rng) || moved;
    }
    leaving.sort((a, b) => b - a);
    if (moved || leaving.length > 0) settleMembership(society, leaving);
    const arrivals = society.civic.arrivals;
    for (const community of society.communities) {
      const c = community.id;
      arrivals[c] = 0.9 * arrivals[c]! + 0.1 * (arrived[c]! / Math.max(1, community.population));
    }
  },
};

function expel(society: Society, community: Community): boolean {
  const list = community.governance.expelled;
  if (list.length === 0) return false;
  community.governance.expelled = [];
  for (const id of list) {
    const row = society.people.rowOf(id);
    if (row < 0 || society.people.cols.community[row] !== community.id) continue;
    const to = community.partners.map((c) => society.communities[c]!).find((other) => other.population > 0 && admits(society, other, row));
    const strikes = Math.round(society.people.cols.strikes[row]! * 100) / 100;
    if (to) arrived[to.id]! += movePerson(society, row, to, false);
    else {
      leaveMap(society, row);
      leaving.push(row);
      society.polity.counters.leftMap++;
    }
    society.polity.counters.expulsions++;
    society.events.log(society.steps + 1, 'expulsion', { community: community.id, person: id, strikes, to: to ? to.id : -1 });
  }
  return true;
}

function reconsider(society: Society, community: Community, rng: Rng): boolean {
  const { people, members, params: p } = society;
  const n = members.count(community.id);
  if (n === 0) return false;
  const draws = rng.poisson(p.migrationRate * n);
  let moved = false;
  for (let d = 0; d < draws; d++) {
    const row = members.rows[members.start[community.id]! + rng.int(n)]!;
    if (people.cols.community[row] !== community.id || people.cols.age[row]! < p.adultAge) continue;
    const to = bestDestination(society, community, row, rng);
    if (!to) continue;
    arrived[to.id]! += movePerson(society, row, to, true);
    society.polity.counters.migrations++;
    moved = true;
  }
  return moved;
}

function bestDestination(society: Society, community: Community, row: number, rng: Rng): Community | null {
  const p = society.params;
  const ideal = society.people.cols.idealSharing[row]!;
  const weight = p.idealPointWeight;
  const { population, x, y, admission } = view;
  const here = community.id;
  let best = -1;
  let bestValue = valueTo(here, weight, ideal);
  for (let s = 0; s < p.destinationsSampled; s++) {
    const other = sampleKnown(society, community, rng);
    if (population[other] === 0 || other === here) continue;
    const distance = Math.hypot(x[other]! - x[here]!, y[other]! - y[here]!);
    const seen = valueTo(other, weight, ideal) + rng.normal(0, p.outcomeNoise) - p.movingCost - (p.movingCostDistance * distance) / 10;
    if (seen > bestValue && passesAdmission(society, admission[other]!, row)) {
      best = other;
      bestValue = seen;
    }
  }
  return best < 0 ? null : society.communities[best]!;
}

/**
 * What migration reads of every community, copied in order once a month: a person compares
 * communities picked at random, and their objects lie all over the heap (a cache miss each).
 * Nothing in the phase changes these before its moves are settled (populations, and the
 * federation a community left empty leaves, change only then).
 */
const view = { welfare: new Float64Array(0), sharing: new Float64Array(0), population: new Float64Array(0), x: new Float64Array(0), y: new Float64Array(0), admission: new Float64Array(0), federation: new Float64Array(0) };

function readCommunities(society: Society): void {
  const communities = society.communities;
  const n = communities.length;
  if (view.welfare.length < n) {
    const size = Math.ceil(n * 1.25);
    for (const key of Object.keys(view) as (keyof typeof view)[]) view[key] = new Float64Array(size);
  }
  const { welfare, sharing, population, x, y, admission, federation } = view;
  const civic = society.civic;
  welfare.set(civic.welfare.subarray(0, n));
  sharing.set(civic.sharing.subarray(0, n));
  admission.set(civic.admission.subarray(0, n));
  for (let c = 0; c < n; c++) {
    const community = communities[c]!;
    federation[c] = community.governance.federation;
    population[c] = community.population;
    x[c] = community.x;
    y[c] = community.y;
  }
}

/** What living in community c is worth to a person with this ideal sharing: its welfare less the policy's distance from the ideal. */
function valueTo(c: number, idealPointWeight: number, ideal: number): number {
  return view.welfare[c]! - idealPointWeight * Math.abs(view.sharing[c]! - ideal);
}

/** A community a person knows of (its index): mostly trade partners and federation fellows, sometimes any. */
function sampleKnown(society: Society, community: Community, rng: Rng): number {
  const draw = rng.next();
  const federation = view.federation[community.id]!;
  if (draw < 0.5 && community.partners.length > 0) return community.partners[rng.int(community.partners.length)]!;
  if (draw < 0.75 && federation >= 0) {
    const fellows = society.polity.federations[federation]!.members;
    return fellows[rng.int(fellows.length)]!;
  }
  return rng.int(society.communities.length);
}
