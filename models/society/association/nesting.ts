import type { Rng } from '../../../sim/index.js';
import { newFederation, type Federation } from '../governance/state.js';
import type { Society } from '../society.js';
import { ensureDelegate } from './federation.js';

/** The communities a federation reaches, through its children if it is a confederation. */
export function communitiesUnder(society: Society, federation: Federation): number[] {
  if (federation.children.length === 0) return federation.members;
  return federation.children.flatMap((child) => communitiesUnder(society, society.polity.federations[child]!));
}

function shortfallUnder(society: Society, federation: Federation): number {
  let short = 0;
  for (const id of communitiesUnder(society, federation)) short += society.communities[id]!.governance.shortfall;
  return short;
}

function peopleUnder(society: Society, federation: Federation): number {
  let people = 0;
  for (const id of communitiesUnder(society, federation)) people += society.communities[id]!.population;
  return people;
}

/**
 * A confederation's month, after its children's: each child federation pays dues from its
 * pool, and the confederation gives a share of its own back by the shortfall of the
 * communities under each child; its pool spoils like any store.
 */
export function poolConfederation(society: Society, parent: Federation): void {
  const p = society.params;
  const children = parent.children.map((id) => society.polity.federations[id]!);
  let short = 0;
  const shorts = children.map((child) => shortfallUnder(society, child));
  for (const [k, child] of children.entries()) {
    const due = parent.dues * child.pool;
    child.pool -= due;
    parent.pool += due;
    child.paid = (child.paid * 11) / 12 + due;
    child.received = (child.received * 11) / 12;
    short += shorts[k]!;
  }
  const aid = parent.pool * p.federationAid;
  if (short > 1e-9 && aid > 0) {
    for (const [k, child] of children.entries()) {
      const given = (aid * shorts[k]!) / short;
      child.pool += given;
      child.received += given;
    }
    parent.pool -= aid;
  }
  const spoiled = parent.pool * p.foodSpoilage;
  parent.pool -= spoiled;
  society.ledger.sink('food', 'spoilage', spoiled);
}

/**
 * How a federation's delegates vote on belonging to a wider network: each delegate weighs
 * the expected net aid per person (months of food need) and their own norm times the value
 * of mutual aid; their communities count with weight √population.
 */
function delegatesAgree(society: Society, federation: Federation, netPerPerson: number, rng: Rng): boolean {
  const p = society.params;
  let yes = 0, no = 0;
  for (const id of communitiesUnder(society, federation)) {
    const community = society.communities[id]!;
    const delegate = ensureDelegate(society, community, rng);
    if (delegate < 0) continue;
    const stake = netPerPerson / p.foodNeed + society.people.cols.civicNorm[delegate]! * p.federationSolidarity - community.governance.outvoted;
    if (stake > 0) yes += Math.sqrt(community.population);
    else no += Math.sqrt(community.population);
  }
  return yes > no;
}

function expectedPoolNet(society: Society, federation: Federation, others: Federation[], dues: number): number {
  const p = society.params;
  const keep = p.federationAid / Math.max(1e-9, p.federationAid + p.foodSpoilage);
  let pool = federation.pool, short = shortfallUnder(society, federation), people = peopleUnder(society, federation);
  const own = short;
  const ownPeople = people;
  for (const other of others) {
    pool += other.pool;
    short += shortfallUnder(society, other);
    people += peopleUnder(society, other);
  }
  const share = short > 1e-9 ? own / short : ownPeople / Math.max(1, people);
  return (dues * (keep * pool * share - federation.pool)) / Math.max(1, ownPeople);
}

/** A top-level federation neighbouring another (through a member's trade partner), or null. */
function neighbourOf(society: Society, federation: Federation): Federation | null {
  const polity = society.polity;
  for (const id of federation.members) {
    for (const partner of society.communities[id]!.partners) {
      const other = society.communities[partner]!.governance.federation;
      if (other < 0 || other === federation.id) continue;
      let root = polity.federations[other]!;
      while (root.parent >= 0) root = polity.federations[root.parent]!;
      if (root.id !== federation.id && root.formed >= 0) return root;
    }
  }
  return null;
}

/**
 * Once a year, each federation outside any confederation may join its neighbour's network:
 * into the neighbour's confederation if it has room, else founding one with the neighbour
 * (both sides' delegates must agree). Networks of networks grow this way.
 */
export function confederate(society: Society, rng: Rng): void {
  const p = society.params;
  const polity = society.polity;
  const count = polity.federations.length;
  for (let f = 0; f < count; f++) {
    const federation = polity.federations[f]!;
    if (federation.formed < 0 || federation.parent >= 0 || federation.members.length < 2) continue;
    const neighbour = neighbourOf(society, federation);
    if (!neighbour) continue;
    const confederation = neighbour.children.length > 0 ? neighbour : null;
    if (confederation && confederation.children.length >= p.federationMaxSize) continue;
    const others = confederation ? confederation.children.map((id) => polity.federations[id]!) : [neighbour];
    if (!delegatesAgree(society, federation, expectedPoolNet(society, federation, others, p.federationDues), rng)) continue;
    if (confederation) {
      adopt(confederation, federation);
      society.events.log(society.steps + 1, 'federation_joined', { federation: confederation.id, member: federation.id, nested: true });
      continue;
    }
    if (!delegatesAgree(society, neighbour, expectedPoolNet(society, neighbour, [federation], p.federationDues), rng)) continue;
    const parent = newFederation(polity.federations.length, p.federationDues, society.steps + 1);
    polity.federations.push(parent);
    adopt(parent, federation);
    adopt(parent, neighbour);
    society.events.log(society.steps + 1, 'federation_nested', { federation: parent.id, members: parent.children.slice() });
  }
}

function adopt(parent: Federation, child: Federation): void {
  parent.children.push(child.id);
  parent.children.sort((a, b) => a - b);
  child.parent = parent.id;
  child.paid = child.received = 0;
}

/**
 * A federation that paid its confederation more than it got back over the year may leave
 * it, if its delegates no longer agree to belong; a confederation left with one member
 * dissolves, handing its pool to that member.
 */
export function secedeFromConfederations(society: Society, rng: Rng): void {
  const p = society.params;
  for (const child of society.polity.federations) {
    if (child.formed < 0 || child.parent < 0 || child.paid <= child.received * (1 + p.secessionMargin) + 1e-9) continue;
    const net = (child.received - child.paid) / 12 / Math.max(1, peopleUnder(society, child));
    if (delegatesAgree(society, child, net, rng)) continue;
    const parent = society.polity.federations[child.parent]!;
    society.polity.counters.secessions++;
    society.events.log(society.steps + 1, 'secession', { federation: child.id, from: parent.id, paid: Math.round(child.paid * 1e4) / 1e4, received: Math.round(child.received * 1e4) / 1e4 });
    leaveConfederation(society, parent, child);
  }
}

/** Removes a federation from its confederation; one left alone there dissolves it. */
export function leaveConfederation(society: Society, parent: Federation, child: Federation): void {
  parent.children = parent.children.filter((id) => id !== child.id);
  child.parent = -1;
  if (parent.children.length >= 2 || parent.formed < 0) return;
  const last = parent.children[0];
  if (last !== undefined) {
    society.polity.federations[last]!.pool += parent.pool;
    society.polity.federations[last]!.parent = -1;
  } else society.ledger.sink('food', 'spoilage', parent.pool);
  society.events.log(society.steps + 1, 'federation_dissolved', { federation: parent.id, members: parent.children.slice() });
  parent.pool = 0;
  parent.children = [];
  parent.formed = -1;
}
