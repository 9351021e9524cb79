import type { NamedPhase } from '../../../sim/index.js';
import { communityStream, type Community } from '../communities/community.js';
import { resolveCrisis, type CrisisAssumptions } from '../crises/crises.js';
import { startCrisisStep } from '../crises/state.js';
import { earmark } from '../services/funding.js';
import { takeValue, worth } from '../services/goods.js';
import { goodsRatio } from '../services/view.js';
import type { Society } from '../society.js';

/**
 * Internal crises (phase 12, local: each community its own stream). Mental-health crises,
 * disasters and interpersonal conflicts arrive at a rate per person; specialised unarmed
 * responders (the health syndicate's crisis teams, as good as its quality) or armed police
 * (paid from the fund, as good as their funding) answer; how well they fit and whether an
 * unarmed response meets an armed incident decide which crises turn violent.
 */
export const crises: NamedPhase<Society> = {
  name: 'crises',
  run(society) {
    const p = society.params;
    const assumptions: CrisisAssumptions = {
      mentalHealthShare: p.mentalHealthShare, disasterShare: p.disasterShare, armedIncidentShare: p.armedIncidentShare,
      unarmedFit: p.unarmedFit, armedFit: p.armedFit, unarmedEscalation: p.unarmedEscalation, armedEscalation: p.armedEscalation,
      unresolvedViolence: p.unresolvedViolence,
    };
    startCrisisStep(society.crisisCounters);
    for (const community of society.communities) {
      if (community.population > 0) crisesIn(society, community, assumptions);
    }
  },
};

function crisesIn(society: Society, community: Community, assumptions: CrisisAssumptions): void {
  const p = society.params;
  const armed = p.crisisResponse === 'armed';
  // Under one central budget the purse paid the police; otherwise each community pays its own.
  const police = () => (p.unitaryBudget ? society.services.policeFunded : payPolice(society, community));
  const quality = armed ? police() : (society.services.quality.health[community.id] ?? 0);
  const rng = communityStream(society.streams, community, 'crises');
  const count = rng.poisson(p.crisisRate * community.population);
  const counters = society.crisisCounters;
  for (let i = 0; i < count; i++) {
    const crisis = resolveCrisis(armed ? 'armed' : 'unarmed', assumptions, quality, rng);
    counters.crises++;
    counters.totalCrises++;
    if (crisis.violent) [counters.violent, counters.totalViolent] = [counters.violent + 1, counters.totalViolent + 1];
    if (crisis.armed) counters.armed++;
  }
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
