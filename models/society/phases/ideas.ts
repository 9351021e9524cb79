import type { NamedPhase, Rng } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { assemblyMonth, PROPOSABLE, stepFor } from '../governance/proposals.js';
import type { Society } from '../society.js';

/**
 * Phase 10. After its assembly a community may look at the communities it knows (trade
 * partners, federation fellows): it sees their welfare with noise, unadjusted for their
 * land, and where one looks better by a margin it puts a step toward that community's
 * policies on its next agenda. Now and then it proposes a random step (experimentation).
 * Nothing changes until an assembly votes. Reads other communities' policies and welfare
 * (written by earlier phases); writes only its own agenda, from its own stream.
 */
export const ideas: NamedPhase<Society> = {
  name: 'ideas',
  run(society) {
    const p = society.params;
    for (const community of society.communities) {
      if (society.members.count(community.id) === 0 || !assemblyMonth(society.steps, community.id, p.assemblyEvery)) continue;
      const rng = society.communityRng(community.id, 'ideas');
      if (rng.next() < p.imitationRate) imitate(society, community, rng);
      if (rng.next() < p.experimentRate) experiment(society, community, rng);
    }
  },
};

function known(society: Society, community: Community): Community[] {
  const out: Community[] = [];
  for (const id of community.partners) out.push(society.communities[id]!);
  const federation = community.governance.federation;
  if (federation >= 0) {
    for (const id of society.polity.federations[federation]!.members) if (id !== community.id && !community.partners.includes(id)) out.push(society.communities[id]!);
  }
  return out.filter((other) => other.population > 0);
}

function imitate(society: Society, community: Community, rng: Rng): void {
  const p = society.params;
  const own = community.governance.welfare;
  let best: Community | null = null;
  let bestSeen = own + p.imitationMargin;
  for (const other of known(society, community)) {
    const seen = other.governance.welfare + rng.normal(0, p.outcomeNoise);
    if (seen > bestSeen) {
      best = other;
      bestSeen = seen;
    }
  }
  if (!best) return;
  for (const policy of PROPOSABLE) {
    const gap = best.policy[policy] - community.policy[policy];
    const step = stepFor(policy, p.policyStep);
    if (Math.abs(gap) >= step / 2) community.governance.agenda.push({ policy, delta: Math.sign(gap) * step, source: 'imitation' });
  }
}

function experiment(society: Society, community: Community, rng: Rng): void {
  const policy = PROPOSABLE[rng.int(PROPOSABLE.length)]!;
  const sign = rng.next() < 0.5 ? -1 : 1;
  community.governance.agenda.push({ policy, delta: sign * stepFor(policy, society.params.policyStep), source: 'experiment' });
}
