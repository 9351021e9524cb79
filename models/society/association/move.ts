import type { Community } from '../communities/community.js';
import type { Society } from '../society.js';
import { leave } from './federation.js';

/**
 * Moves a person (and the children they care for) to another community. Goods go with
 * them in their own holdings; their credit balance moves between unions through the
 * clearing accounts, so each union still sums to zero. A voluntary leaver also takes
 * `exitShare` of their per-member part of the fund's goods.
 */
export function movePerson(society: Society, row: number, to: Community, takesExitShare: boolean): number {
  const cols = society.people.cols;
  const from = society.communities[cols.community[row]!]!;
  if (takesExitShare) takeExitShare(society, row, from);
  const id = society.people.idOf(row);
  let moved = 1;
  relocate(society, row, from, to);
  // Children follow the adult who feeds them; elders stay with their own community.
  const { community, carer, age } = cols;
  const adultAge = society.params.adultAge;
  const rows = society.members.rows;
  const fromId = from.id;
  const end = society.members.start[fromId + 1]!;
  for (let k = society.members.start[fromId]!; k < end; k++) {
    const other = rows[k]!;
    if (carer[other] === id && community[other] === fromId && age[other]! < adultAge) {
      relocate(society, other, from, to);
      moved++;
    }
  }
  return moved;
}

/** Per row: the call that marked it a mover, its first and last child in line, the next child in line. */
let family = { stamp: new Int32Array(0), first: new Int32Array(0), last: new Int32Array(0), next: new Int32Array(0) };
let familyCall = 0;

/**
 * Moves every adult of `from` on `side` === `faction`, in member order, each followed by the
 * children they care for (as `movePerson` moves them, in the same order) without a pass over
 * the community per mover: one pass lines the children up behind their carers. Returns the
 * persons moved. Reads the member buckets as they stood before these moves.
 */
export function moveFactionMembers(society: Society, from: Community, to: Community, side: Uint8Array, faction: number): number {
  const { people, members } = society;
  const { community, age, carer } = people.cols;
  const adultAge = society.params.adultAge;
  const rows = members.rows;
  const start = members.start[from.id]!;
  const end = members.start[from.id + 1]!;
  if (family.stamp.length < people.length) {
    const size = Math.ceil(people.length * 1.25);
    family = { stamp: new Int32Array(size), first: new Int32Array(size), last: new Int32Array(size), next: new Int32Array(size) };
  }
  const { stamp, first, last, next } = family;
  const call = ++familyCall;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    if (community[row] !== from.id || age[row]! < adultAge || side[row] !== faction) continue;
    stamp[row] = call;
    first[row] = -1;
  }
  for (let k = start; k < end; k++) {
    const child = rows[k]!;
    if (community[child] !== from.id || age[child]! >= adultAge) continue;
    const carerRow = people.rowOf(carer[child]!);
    if (carerRow < 0 || stamp[carerRow] !== call) continue;
    next[child] = -1;
    if (first[carerRow] === -1) first[carerRow] = child;
    else next[last[carerRow]!] = child;
    last[carerRow] = child;
  }
  let moved = 0;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    if (stamp[row] !== call) continue;
    relocate(society, row, from, to);
    moved++;
    for (let child = first[row]!; child !== -1; child = next[child]!) {
      relocate(society, child, from, to);
      moved++;
    }
  }
  return moved;
}

function relocate(society: Society, row: number, from: Community, to: Community): void {
  const cols = society.people.cols;
  const balance = cols.credit[row]!;
  from.clearing += balance;
  to.clearing -= balance;
  cols.community[row] = to.id;
  cols.auditor[row] = 0;
}

function takeExitShare(society: Society, row: number, from: Community): void {
  const cols = society.people.cols;
  const share = from.policy.exitShare / Math.max(1, from.population);
  const food = from.fund.food * share;
  const manufactures = from.fund.manufactures * share;
  from.fund.food -= food;
  from.fund.manufactures -= manufactures;
  cols.food[row]! += food;
  cols.manufactures[row]! += manufactures;
}

/**
 * A person leaves the map (expelled with nowhere to go): their goods are a sink, and their
 * credit balance — asset or debt — is taken over by their union's fund. The row is removed
 * later, with the others, in descending order.
 */
export function leaveMap(society: Society, row: number): void {
  const cols = society.people.cols;
  const from = society.communities[cols.community[row]!]!;
  society.ledger.sink('food', 'leaving', cols.food[row]!);
  society.ledger.sink('manufactures', 'leaving', cols.manufactures[row]!);
  from.fund.credit += cols.credit[row]!;
  cols.food[row] = cols.manufactures[row] = cols.credit[row] = 0;
}

/** Whether a community takes a newcomer: open (bar 0) takes anyone; else a norm at the bar and a clean record. */
export function admits(society: Society, community: Community, row: number): boolean {
  const bar = community.policy.admission;
  if (bar <= 0) return true;
  const cols = society.people.cols;
  return cols.civicNorm[row]! >= bar && cols.strikes[row]! < 1;
}

/** After moves: rebuild the member buckets, refresh populations, release the land of emptied communities. */
export function settleMembership(society: Society): void {
  society.members.rebuild(society.people, society.communities.length);
  for (const community of society.communities) {
    community.population = society.members.count(community.id);
    if (community.population > 0 || community.governance.founded < 0) continue;
    community.governance.founded = -1;
    const federation = community.governance.federation;
    if (federation >= 0) leave(society, society.polity.federations[federation]!, community);
    for (const cell of community.cells) if (society.land.user[cell] === community.id) society.land.user[cell] = -1;
    society.events.log(society.steps + 1, 'community_abandoned', { community: community.id, x: community.x, y: community.y });
  }
}
