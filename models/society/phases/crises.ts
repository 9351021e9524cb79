import type { NamedPhase } from '../../../sim/index.js';
import { startCrisisStep } from '../crises/state.js';
import { CRISES_IN, CRISES_OUT } from '../kernels/crises.js';
import { earmark } from '../services/funding.js';
import { takeValue, worth } from '../services/goods.js';
import { goodsRatio } from '../services/view.js';
import type { Community } from '../communities/community.js';
import type { Society } from '../society.js';

/**
 * Internal crises (phase 12, local: each community its own stream). Mental-health crises,
 * disasters and interpersonal conflicts arrive at a rate per person; specialised unarmed
 * responders (the health syndicate's crisis teams, as good as its quality) or armed police
 * (paid from the fund, as good as their funding) answer; how well they fit and whether an
 * unarmed response meets an armed incident decide which crises turn violent. The police are
 * paid here in community order; the draws are per community (kernels/crises.ts, on any thread).
 */
export const crises: NamedPhase<Society> = {
  name: 'crises',
  run(society) {
    const { shards, communities } = society;
    const count = communities.length;
    startCrisisStep(society.crisisCounters);
    const input = shards.array('crises.in', Float64Array, count * CRISES_IN.stride);
    shards.array('crises.out', Float64Array, count * CRISES_OUT.stride);
    for (let c = 0; c < count; c++) {
      const community = communities[c]!;
      const i = c * CRISES_IN.stride;
      input[i + CRISES_IN.population] = community.population > 0 ? community.population : 0;
      if (community.population > 0) input[i + CRISES_IN.quality] = responders(society, community);
    }
    shards.run('crises.draw', count, society.members.start);
    const out = shards.array('crises.out', Float64Array, count * CRISES_OUT.stride);
    const counters = society.crisisCounters;
    for (let c = 0; c < count; c++) {
      const o = c * CRISES_OUT.stride;
      counters.crises += out[o + CRISES_OUT.crises]!;
      counters.totalCrises += out[o + CRISES_OUT.crises]!;
      counters.violent += out[o + CRISES_OUT.violent]!;
      counters.totalViolent += out[o + CRISES_OUT.violent]!;
      counters.armed += out[o + CRISES_OUT.armed]!;
    }
  },
};

/** How good the community's responders are: police as funded (paying them), or its health syndicate's quality. */
function responders(society: Society, community: Community): number {
  const p = society.params;
  if (p.crisisResponse !== 'armed') return society.services.quality.health[community.id] ?? 0;
  // Under one central budget the purse paid the police; otherwise each community pays its own.
  return p.unitaryBudget ? society.services.policeFunded : payPolice(society, community);
}

/** Pays the month's police from the fund's earmarked slice; returns the share of the force it kept. */
function payPolice(society: Society, community: Community): number {
  const p = society.params;
  const ratio = goodsRatio(society);
  const want = p.policePerPerson * community.population * p.soldierPay;
  if (want <= 0) return 0;
  const paid = takeValue(community.fund, Math.min(want, earmark(worth(community.fund, ratio), p.feeCap)), ratio);
  society.ledger.sink('food', 'service', paid.food);
  society.ledger.sink('manufactures', 'service', paid.manufactures);
  return Math.min(1, (paid.food + ratio * paid.manufactures) / want);
}
