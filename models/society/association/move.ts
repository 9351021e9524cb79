import type { Community } from '../communities/community.js';
import type { Society } from '../society.js';
import { leave } from './federation.js';
import { RowPositions } from './row-positions.js';

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

/**
 * Scratch for one community's faction move, by position in its member bucket (so as large as
 * the largest community, not the people table): a mover's first and last child in line (-1:
 * none yet; NOT_MOVING for members who stay), each child's next in line, and movers by row.
 */
let family = { first: new Int32Array(0), last: new Int32Array(0), next: new Int32Array(0) };
const movers = new RowPositions();
const NOT_MOVING = -2;

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
  const n = members.start[from.id + 1]! - start;
  if (family.first.length < n) {
    const size = Math.ceil(n * 1.25);
    family = { first: new Int32Array(size), last: new Int32Array(size), next: new Int32Array(size) };
  }
  const { first, last, next } = family;
  movers.reset(n);
  for (let k = 0; k < n; k++) {
    const row = rows[start + k]!;
    const moving = community[row] === from.id && age[row]! >= adultAge && side[row] === faction;
    first[k] = moving ? -1 : NOT_MOVING;
    if (moving) movers.set(row, k);
  }
  for (let k = 0; k < n; k++) {
    const child = rows[start + k]!;
    if (community[child] !== from.id || age[child]! >= adultAge) continue;
    const carerRow = people.rowOf(carer[child]!);
    const at = carerRow < 0 ? -1 : movers.get(carerRow);
    if (at < 0) continue;
    next[k] = -1;
    if (first[at] === -1) first[at] = k;
    else next[last[at]!] = k;
    last[at] = k;
  }
  let moved = 0;
  for (let k = 0; k < n; k++) {
    if (first[k] === NOT_MOVING) continue;
    relocate(society, rows[start + k]!, from, to);
    moved++;
    for (let child = first[k]!; child !== -1; child = next[child]!) {
      relocate(society, rows[start + child]!, from, to);
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
  society.members.noteMove(row, from.id);
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
  return passesAdmission(society, community.policy.admission, row);
}

/** Whether a person clears an admission bar (0: anyone). */
export function passesAdmission(society: Society, bar: number, row: number): boolean {
  if (bar <= 0) return true;
  const cols = society.people.cols;
  return cols.civicNorm[row]! >= bar && cols.strikes[row]! < 1;
}

/**
 * After moves: settle the member buckets, remove the rows of persons who left the map (`leaving`,
 * descending; see `leaveMap`), refresh populations, release the land of emptied communities.
 */
export function settleMembership(society: Society, leaving: readonly number[] = []): void {
  society.members.settleMoves(society.people, society.communities.length, society.scratchInts(society.people.length));
  if (leaving.length > 0) removeRows(society, leaving);
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

/**
 * Removes rows (descending) from a settled index and the table, patching the buckets as the
 * demography's deaths do: removing them first would leave the moves' settling a rebuild over
 * every id ever issued (at a million persons, some months' expulsions send someone off the map).
 */
function removeRows(society: Society, rows: readonly number[]): void {
  const { people, members } = society;
  const before = people.length;
  members.noteRemovals(people, rows);
  for (const row of rows) people.removeRow(row);
  members.settleRemovals(people, society.communities.length, society.scratchInts(before));
}
