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
  const { members, params: p } = society;
  for (let k = members.start[from.id]!; k < members.start[from.id + 1]!; k++) {
    const other = members.rows[k]!;
    if (cols.community[other] === from.id && cols.carer[other] === id && cols.age[other]! < p.adultAge) {
      relocate(society, other, from, to);
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
  cols.workplace[row] = to.id;
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
