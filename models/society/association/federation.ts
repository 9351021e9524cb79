import type { Rng } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import type { Federation } from '../governance/state.js';
import { passes, type Tally } from '../governance/votes.js';
import type { Society } from '../society.js';
import { leaveConfederation } from './nesting.js';

/** Living member communities of a federation. */
export function membersOf(society: Society, federation: Federation): Community[] {
  return federation.members.map((id) => society.communities[id]!);
}

/**
 * What one member would gain from the pool, per member person and month, in food: its
 * dues against its expected share of the aid (by food shortfall; by size when nobody is
 * short), after the pool's spoilage. `others` are the other members.
 */
export function expectedNet(society: Society, community: Community, others: readonly Community[], dues: number): number {
  return netOfDues(community, expectedAid(society, community, others), dues);
}

/**
 * `expectedNet`'s share of the pool before dues: keep × pool × share. With `skip`, `others`
 * lists the community itself at that place, passed over (a federation's members, as they are).
 */
export function expectedAid(society: Society, community: Community, others: readonly Community[], skip = -1): number {
  const p = society.params;
  const keep = p.federationAid / Math.max(1e-9, p.federationAid + p.foodSpoilage);
  let fund = community.fund.food, short = community.governance.shortfall, people = community.population;
  for (let k = 0; k < others.length; k++) {
    if (k === skip) continue;
    const other = others[k]!;
    fund += other.fund.food;
    short += other.governance.shortfall;
    people += other.population;
  }
  const share = short > 1e-9 ? community.governance.shortfall / short : community.population / Math.max(1, people);
  return keep * fund * share;
}

/** `expectedNet` from the community's share of the pool (`expectedAid`) and the dues. */
export function netOfDues(community: Community, aid: number, dues: number): number {
  return (dues * (aid - community.fund.food)) / Math.max(1, community.population);
}

/**
 * The members' vote on belonging (join, or stay rather than secede): each adult's stake is
 * the expected net gain per person in months of food need, plus their norm times the value
 * of belonging to a mutual-aid network, less what being outvoted has cost them (the
 * stakes, per person, of the votes their majority lost, halving each year).
 */
export function voteToBelong(society: Society, community: Community, netPerPerson: number): Tally {
  const { members, params: p } = society;
  const { age, civicNorm } = society.people.cols;
  const { adultAge, federationSolidarity, civicDuty, participationCost } = p;
  const material = netPerPerson / p.foodNeed;
  const outvoted = community.governance.outvoted;
  // votes.ts' `poll` with this stake, in one loop with no call per member: every community
  // outside a federation polls itself (and a partner) at each yearly congress.
  let yes = 0, no = 0, eligible = 0;
  const end = members.start[community.id + 1]!;
  for (let k = members.start[community.id]!; k < end; k++) {
    const row = members.rows[k]!;
    if (age[row]! < adultAge) continue;
    eligible++;
    const norm = civicNorm[row]!;
    const stake = material + norm * federationSolidarity - outvoted;
    // turnsOut, inline.
    if (stake === 0 || !(Math.abs(stake) + norm * civicDuty > participationCost)) continue;
    if (stake > 0) yes++;
    else no++;
  }
  return { yes, no, eligible };
}

/** Whether the community's assembly agrees, under its own rule. */
export function agrees(society: Society, community: Community, tally: Tally): boolean {
  return passes(community.policy.decisionRule, tally, society.params.supermajority);
}

/** Keeps a delegate in post: a living adult member, else a random adult member. */
export function ensureDelegate(society: Society, community: Community, rng: Rng): number {
  const { people, members, params: p } = society;
  const current = community.governance.delegate >= 0 ? people.rowOf(community.governance.delegate) : -1;
  if (current >= 0 && people.cols.community[current] === community.id && people.cols.age[current]! >= p.adultAge) return current;
  const n = members.count(community.id);
  if (n === 0) return -1;
  const first = rng.int(n);
  for (let k = 0; k < n; k++) {
    const row = members.rows[members.start[community.id]! + ((first + k) % n)]!;
    if (people.cols.age[row]! >= p.adultAge) {
      community.governance.delegate = people.idOf(row);
      return row;
    }
  }
  return -1;
}

/** Adds a community to a federation (members kept in ascending order). */
export function join(society: Society, federation: Federation, community: Community, rng: Rng): void {
  federation.members.push(community.id);
  federation.members.sort((a, b) => a - b);
  community.governance.federation = federation.id;
  community.governance.paid = community.governance.received = community.governance.outvoted = 0;
  ensureDelegate(society, community, rng);
}

/** Removes a community; a federation left with one member dissolves (event). */
export function leave(society: Society, federation: Federation, community: Community): void {
  federation.members = federation.members.filter((id) => id !== community.id);
  community.governance.federation = -1;
  community.governance.delegate = -1;
  if (federation.members.length >= 2 || federation.formed < 0) return;
  if (federation.parent >= 0) leaveConfederation(society, society.polity.federations[federation.parent]!, federation);
  for (const id of federation.members) society.communities[id]!.governance.federation = -1;
  // What is left in the pool goes back to the last member, or spoils if none is left.
  const last = federation.members[0];
  if (last !== undefined) society.communities[last]!.fund.food += federation.pool;
  else society.ledger.sink('food', 'spoilage', federation.pool);
  society.events.log(society.steps + 1, 'federation_dissolved', { federation: federation.id, members: federation.members.slice() });
  federation.pool = 0;
  federation.members = [];
  federation.formed = -1;
}
