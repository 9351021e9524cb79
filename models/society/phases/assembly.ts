import type { NamedPhase, Rng } from '../../../sim/index.js';
import { communityStream, type Community } from '../communities/community.js';
import { assemblyMonth, proposedValue, sameProposal } from '../governance/proposals.js';
import { effectsOf } from '../governance/stakes.js';
import type { Proposal } from '../governance/state.js';
import { passes, pollProposal } from '../governance/votes.js';
import type { Society } from '../society.js';

/**
 * Phase 8. Every assemblyEvery months (staggered) a community's assembly takes its agenda —
 * a member's proposal to move sharing toward their ideal, and what phase 10 put there —
 * and votes on each item. Only its adult members vote; each votes when their stake beats
 * the cost of taking part, yes if the change would raise their utility plus their norm
 * times the community's (plus taste), under the community's decision rule. Reads positions,
 * norms, the agenda; mutates the policy. Local to each community and its own stream.
 */
export const assembly: NamedPhase<Society> = {
  name: 'assembly',
  run(society) {
    if (!society.params.assemblies) return;
    let voters = 0;
    let eligible = 0;
    for (const community of society.communities) {
      // An annexed community has lost its self-management: no assembly until it breaks free.
      if (society.members.count(community.id) === 0 || society.defence.isAnnexed(community.id) || !assemblyMonth(society.steps, community.id, society.params.assemblyEvery)) continue;
      const turnout = holdAssembly(society, community);
      voters += turnout[0];
      eligible += turnout[1];
    }
    society.polity.counters.voters += voters;
    society.polity.counters.eligible += eligible;
    if (eligible > 0) society.polity.participation = voters / eligible;
  },
};

function holdAssembly(society: Society, community: Community): [number, number] {
  const p = society.params;
  const rng = communityStream(society.streams, community, 'assembly');
  const agenda = setAgenda(society, community, rng);
  let voters = 0;
  let eligible = 0;
  for (const proposal of agenda) {
    const to = proposedValue(community, proposal);
    const from = community.policy[proposal.policy];
    if (to === from) continue;
    const tally = pollProposal(society, community, proposal, effectsOf(society, community, proposal));
    voters += tally.yes + tally.no;
    eligible += tally.eligible;
    if (!passes(community.policy.decisionRule, tally, p.supermajority)) continue;
    community.policy[proposal.policy] = to;
    society.polity.counters.policyChanges++;
    society.events.log(society.steps + 1, 'policy_change', {
      community: community.id, policy: proposal.policy, from, to, source: proposal.source,
      yes: tally.yes, no: tally.no, eligible: tally.eligible, rule: community.policy.decisionRule,
    });
  }
  return [voters, eligible];
}

/** The member's proposal first, then the waiting agenda; each distinct item once, up to the limit. */
function setAgenda(society: Society, community: Community, rng: Rng): Proposal[] {
  const p = society.params;
  const waiting = community.governance.agenda;
  community.governance.agenda = [];
  const items: Proposal[] = [];
  if (rng.next() < p.memberProposalRate) {
    const proposer = memberProposal(society, community, rng);
    if (proposer) items.push(proposer);
  }
  for (const proposal of waiting) {
    if (items.length >= p.proposalsPerAssembly) break;
    if (!items.some((item) => sameProposal(item, proposal))) items.push(proposal);
  }
  return items;
}

function memberProposal(society: Society, community: Community, rng: Rng): Proposal | null {
  const { people, members, params: p } = society;
  const row = members.rows[members.start[community.id]! + rng.int(members.count(community.id))]!;
  if (people.cols.age[row]! < p.adultAge) return null;
  const gap = people.cols.idealSharing[row]! - community.policy.sharing;
  if (Math.abs(gap) < p.policyStep / 2) return null;
  return { policy: 'sharing', delta: Math.sign(gap) * p.policyStep, source: 'member' };
}
