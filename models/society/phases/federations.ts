import type { NamedPhase, Rng } from '../../../sim/index.js';
import { agrees, ensureDelegate, expectedAid, expectedNet, join, leave, membersOf, netOfDues, voteToBelong } from '../association/federation.js';
import { confederate, poolConfederation, secedeFromConfederations } from '../association/nesting.js';
import type { Community } from '../communities/community.js';
import { detectionChance } from '../economy/effort.js';
import { newFederation, type Federation } from '../governance/state.js';
import type { Society } from '../society.js';

/**
 * Phase 9c. Every month each federation's members pay dues from their fund's food into its
 * mutual-aid pool, which gives a share out by members' food shortfall (the pool spoils like
 * any store). Once a year the congress meets: members that paid more than they got back,
 * or were outvoted, vote whether to secede (if secession is allowed); delegates vote the
 * dues — each their own way, and recalled if their community catches them voting against
 * its majority; then communities outside a federation vote to join a partner's or to found
 * one with a partner; last, federations may join a neighbouring network of federations (a
 * confederation, which pools their pools the same way) or leave it. Crosses communities:
 * index order, the phase's own stream.
 */
export const federations: NamedPhase<Society> = {
  name: 'federations',
  run(society) {
    const p = society.params;
    // Children before their confederations: a confederation is always founded after them.
    for (const federation of society.polity.federations) {
      if (federation.formed < 0) continue;
      if (federation.children.length > 0) poolConfederation(society, federation);
      else pool(society, federation);
    }
    if (!p.federations || society.steps % p.federationEvery !== 0 || society.steps === 0) return;
    const rng = society.polity.stream(society.streams, 'federations');
    for (const federation of society.polity.federations) {
      if (federation.formed < 0 || federation.children.length > 0) continue;
      if (p.secession) secede(society, federation);
      if (federation.formed >= 0) voteDues(society, federation, rng);
    }
    if (p.secession) secedeFromConfederations(society, rng);
    for (const community of society.communities) {
      if (community.population > 0 && community.governance.federation < 0) seekFederation(society, community, rng);
    }
    confederate(society, rng);
  },
};

function pool(society: Society, federation: Federation): void {
  const p = society.params;
  const members = membersOf(society, federation);
  let short = 0;
  for (const member of members) {
    const g = member.governance;
    const due = federation.dues * member.fund.food;
    member.fund.food -= due;
    federation.pool += due;
    g.paid = (g.paid * 11) / 12 + due;
    g.received = (g.received * 11) / 12;
    short += g.shortfall;
  }
  const aid = federation.pool * p.federationAid;
  if (short > 1e-9 && aid > 0) {
    for (const member of members) {
      const given = (aid * member.governance.shortfall) / short;
      member.fund.food += given;
      member.governance.received += given;
    }
    federation.pool -= aid;
  }
  const spoiled = federation.pool * p.foodSpoilage;
  federation.pool -= spoiled;
  society.ledger.sink('food', 'spoilage', spoiled);
}

function secede(society: Society, federation: Federation): void {
  const p = society.params;
  for (const member of membersOf(society, federation)) {
    const g = member.governance;
    if (g.paid <= g.received * (1 + p.secessionMargin) + 1e-9 && g.outvoted <= 0) continue;
    const net = (g.received - g.paid) / 12 / Math.max(1, member.population);
    const tally = voteToBelong(society, member, net);
    // A vote to belong that fails is a vote to leave.
    if (agrees(society, member, tally)) continue;
    society.polity.counters.secessions++;
    society.events.log(society.steps + 1, 'secession', {
      community: member.id, federation: federation.id, paid: round(g.paid), received: round(g.received), outvoted: round(g.outvoted),
      yes: tally.yes, no: tally.no, eligible: tally.eligible,
    });
    leave(society, federation, member);
    if (federation.formed < 0) return;
  }
}

function voteDues(society: Society, federation: Federation, rng: Rng): void {
  const p = society.params;
  const delta = (rng.next() < 0.5 ? -1 : 1) * (p.policyStep / 10);
  const to = Math.round(Math.min(1, Math.max(0, federation.dues + delta)) * 1e6) / 1e6;
  if (to === federation.dues) return;
  const members = membersOf(society, federation);
  const sides: boolean[] = [];
  const cares: number[] = [];
  let yes = 0, no = 0;
  for (let k = 0; k < members.length; k++) {
    const member = members[k]!;
    // The pool's share is the same at either level of dues: summed over the others once.
    const aid = expectedAid(society, member, members, k);
    const material = (netOfDues(member, aid, to) - netOfDues(member, aid, federation.dues)) / p.foodNeed;
    const solidarity = Math.sign(delta) * p.federationSolidarity * 0.5;
    const tally = membersView(society, member, material, solidarity);
    const majority = tally.yes > tally.no;
    const delegate = ensureDelegate(society, member, rng);
    const own = delegate >= 0 ? material + society.people.cols.civicNorm[delegate]! * solidarity > 0 : majority;
    if (own !== majority && rng.next() < detectionChance(p, member.population)) recall(society, member, federation, rng);
    const weight = Math.sqrt(member.population);
    if (own) yes += weight;
    else no += weight;
    sides.push(majority);
    cares.push(Math.abs(material));
  }
  const passed = yes > no;
  // A community whose majority lost counts what it cared about: the stake per person it lost.
  members.forEach((member, k) => {
    const g = member.governance;
    g.outvoted = g.outvoted * 0.5 + (sides[k] !== passed ? cares[k]! : 0);
  });
  if (!passed) return;
  society.events.log(society.steps + 1, 'federation_dues', { federation: federation.id, from: federation.dues, to, yes: round(yes), no: round(no) });
  federation.dues = to;
}

/** The members' view of a change: yes when it raises their utility plus norm × solidarity. */
function membersView(society: Society, community: Community, material: number, solidarity: number) {
  const norms = society.people.cols.civicNorm;
  let yes = 0, no = 0;
  const { members, people, params: p } = society;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    if (people.cols.age[row]! < p.adultAge) continue;
    if (material + norms[row]! * solidarity > 0) yes++;
    else no++;
  }
  return { yes, no };
}

function recall(society: Society, community: Community, federation: Federation, rng: Rng): void {
  const old = community.governance.delegate;
  community.governance.delegate = -1;
  ensureDelegate(society, community, rng);
  society.polity.counters.recalls++;
  society.events.log(society.steps + 1, 'delegate_recalled', { community: community.id, federation: federation.id, delegate: old, successor: community.governance.delegate });
}

function seekFederation(society: Society, community: Community, rng: Rng): void {
  const p = society.params;
  const polity = society.polity;
  for (const id of community.partners) {
    const partner = society.communities[id]!;
    if (partner.population === 0) continue;
    const existing = partner.governance.federation;
    if (existing >= 0) {
      const federation = polity.federations[existing]!;
      if (federation.members.length >= p.federationMaxSize) continue;
      const net = expectedNet(society, community, membersOf(society, federation), federation.dues);
      const tally = voteToBelong(society, community, net);
      if (!agrees(society, community, tally)) return;
      join(society, federation, community, rng);
      society.events.log(society.steps + 1, 'federation_joined', { federation: federation.id, community: community.id, yes: tally.yes, no: tally.no, eligible: tally.eligible });
      return;
    }
    const ours = voteToBelong(society, community, expectedNet(society, community, [partner], p.federationDues));
    if (!agrees(society, community, ours)) return;
    const theirs = voteToBelong(society, partner, expectedNet(society, partner, [community], p.federationDues));
    if (!agrees(society, partner, theirs)) continue;
    const federation = newFederation(polity.federations.length, p.federationDues, society.steps + 1);
    polity.federations.push(federation);
    join(society, federation, community, rng);
    join(society, federation, partner, rng);
    society.events.log(society.steps + 1, 'federation_formed', { federation: federation.id, members: federation.members.slice(), yes: ours.yes + theirs.yes, no: ours.no + theirs.no });
    return;
  }
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
