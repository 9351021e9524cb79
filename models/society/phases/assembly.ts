import type { NamedPhase, Rng } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { ASSEMBLY_IN, inputStride, ITEM_IN, ITEM_OUT, outputStride, RULES } from '../kernels/assembly.js';
import { assemblyMonth, PROPOSABLE, sameProposal } from '../governance/proposals.js';
import type { Proposal } from '../governance/state.js';
import { writeKept } from '../governance/stakes.js';
import type { Society } from '../society.js';

/**
 * Phase 8. Every assemblyEvery months (staggered) a community's assembly takes its agenda —
 * a member's proposal to move sharing toward their ideal, and what phase 10 put there —
 * and votes on each item. Only its adult members vote; each votes when their stake beats
 * the cost of taking part, yes if the change would raise their utility plus their norm
 * times the community's (plus taste), under the community's decision rule. Reads positions,
 * norms, the agenda; mutates the policy. Local to each community and its own stream: the
 * agenda (and its draws) is set here, the polls run in kernels/assembly.ts (they may run on
 * several threads), and the outcomes are booked here in community order.
 */
export const assembly: NamedPhase<Society> = {
  name: 'assembly',
  run(society) {
    if (!society.params.assemblies) return;
    const { shards, communities, members, params: p } = society;
    const count = communities.length;
    const input = shards.array('assembly.in', Float64Array, count * inputStride(p));
    shards.array('assembly.out', Float64Array, count * outputStride(p));
    agendas.length = count;
    for (let c = 0; c < count; c++) {
      const community = communities[c]!;
      // An annexed community has lost its self-management: no assembly until it breaks free.
      const meets = members.count(c) > 0 && !society.defence.isAnnexed(c) && assemblyMonth(society.steps, c, p.assemblyEvery);
      agendas[c] = meets ? setAgenda(society, community, society.communityRng(c, 'assembly')) : NO_AGENDA;
      packAgenda(society, community, agendas[c]!, input, c * inputStride(p));
    }
    shards.run('assembly.polls', count, members.start);
    const out = shards.array('assembly.out', Float64Array, count * outputStride(p));
    let voters = 0;
    let eligible = 0;
    for (let c = 0; c < count; c++) {
      const agenda = agendas[c]!;
      for (let j = 0; j < agenda.length; j++) {
        const o = c * outputStride(p) + j * ITEM_OUT.stride;
        if (out[o + ITEM_OUT.voted] === 0) continue;
        voters += out[o + ITEM_OUT.yes]! + out[o + ITEM_OUT.no]!;
        eligible += out[o + ITEM_OUT.eligible]!;
        if (out[o + ITEM_OUT.passed] === 1) changePolicy(society, communities[c]!, agenda[j]!, out, o);
      }
    }
    agendas.length = 0;
    society.polity.counters.voters += voters;
    society.polity.counters.eligible += eligible;
    if (eligible > 0) society.polity.participation = voters / eligible;
  },
};

/** Each community's agenda this month (empty where no assembly meets), kept from the packing to the booking. */
const agendas: Proposal[][] = [];
const NO_AGENDA: Proposal[] = [];

/** What the polls need: the agenda, the policy and prices as they stand, the record, the rule. */
function packAgenda(society: Society, community: Community, agenda: Proposal[], input: Float64Array, i: number): void {
  input[i + ASSEMBLY_IN.items] = agenda.length;
  if (agenda.length === 0) return;
  const { policy, governance } = community;
  input[i + ASSEMBLY_IN.sharing] = policy.sharing;
  input[i + ASSEMBLY_IN.commonsRate] = policy.commonsRate;
  input[i + ASSEMBLY_IN.admission] = policy.admission;
  writeKept(society.params, community, input, i + ASSEMBLY_IN.kept);
  input[i + ASSEMBLY_IN.priceFood] = community.food.price;
  input[i + ASSEMBLY_IN.priceManufactures] = community.manufactures.price;
  input[i + ASSEMBLY_IN.arrivals] = governance.arrivals;
  input[i + ASSEMBLY_IN.freeRiding] = governance.freeRiding;
  input[i + ASSEMBLY_IN.rule] = Math.max(0, RULES.indexOf(policy.decisionRule as (typeof RULES)[number]));
  for (let j = 0; j < agenda.length; j++) {
    input[i + ASSEMBLY_IN.agenda + j * ITEM_IN.stride + ITEM_IN.policy] = PROPOSABLE.indexOf(agenda[j]!.policy);
    input[i + ASSEMBLY_IN.agenda + j * ITEM_IN.stride + ITEM_IN.delta] = agenda[j]!.delta;
  }
}

/** A passed item: the policy moves and the change is logged. */
function changePolicy(society: Society, community: Community, proposal: Proposal, out: Float64Array, o: number): void {
  const from = community.policy[proposal.policy];
  const to = out[o + ITEM_OUT.to]!;
  community.policy[proposal.policy] = to;
  society.polity.counters.policyChanges++;
  society.events.log(society.steps + 1, 'policy_change', {
    community: community.id, policy: proposal.policy, from, to, source: proposal.source,
    yes: out[o + ITEM_OUT.yes]!, no: out[o + ITEM_OUT.no]!, eligible: out[o + ITEM_OUT.eligible]!, rule: community.policy.decisionRule,
  });
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
