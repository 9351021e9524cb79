import type { Reporter } from '../../sim/index.js';
import { SERVICE_FUNCTIONS, type ServiceFunction } from './services/syndicate.js';
import { goodsRatio } from './services/view.js';
import { worth } from './services/goods.js';
import type { Society } from './society.js';

/** Share of persons a function's syndicates serve, and the mean quality they get (over all persons). */
function coverage(society: Society, fn: ServiceFunction): { covered: number; quality: number } {
  const quality = society.services.quality[fn];
  let persons = 0, covered = 0, total = 0;
  for (const c of society.communities) {
    persons += c.population;
    const q = quality[c.id] ?? 0;
    if (q > 0) covered += c.population;
    total += q * c.population;
  }
  return persons > 0 ? { covered: covered / persons, quality: total / persons } : { covered: 0, quality: 0 };
}

function functionsOn(society: Society): ServiceFunction[] {
  const p = society.params;
  const borders: Record<ServiceFunction, string> = { water: p.waterBorder, health: p.healthBorder, transport: p.transportBorder, research: p.researchBorder, education: p.educationBorder };
  return SERVICE_FUNCTIONS.filter((fn) => borders[fn] !== 'none');
}

function averaged(society: Society, pick: 'covered' | 'quality'): number {
  const functions = functionsOn(society);
  if (functions.length === 0) return 0;
  return functions.reduce((total, fn) => total + coverage(society, fn)[pick], 0) / functions.length;
}

function techMean(society: Society): number {
  let persons = 0, total = 0;
  for (const c of society.communities) {
    if (c.id >= society.knowledge.stock.size) continue;
    persons += c.population;
    total += c.population * society.knowledge.stock.meanLevel(c.id);
  }
  return persons > 0 ? total / persons : 1;
}

/** The metrics of syndicates, knowledge, defence, crises and ecology (MODEL.md names, snake_case). */
export function servicesMetrics(): Record<string, Reporter<Society>> {
  const reporters: Record<string, Reporter<Society>> = {
    syndicates: (s) => s.services.syndicates.length,
    service_coverage: (s) => averaged(s, 'covered'),
    service_quality: (s) => averaged(s, 'quality'),
  };
  for (const fn of SERVICE_FUNCTIONS) {
    reporters[`service_coverage_${fn}`] = (s) => coverage(s, fn).covered;
    reporters[`service_quality_${fn}`] = (s) => coverage(s, fn).quality;
  }
  return {
    ...reporters,
    syndicate_budgets: (s) => s.services.syndicates.reduce((total, syn) => total + worth(syn.budget, goodsRatio(s)), 0),
    service_fees: (s) => s.services.counters.fees,
    service_delivered: (s) => s.services.counters.delivered,
    central_defence: (s) => s.services.counters.centralDefence,
    central_services: (s) => s.services.counters.centralServices,
    tech_mean: techMean,
    innovations: (s) => s.knowledge.counters.innovations,
    adoptions: (s) => s.knowledge.counters.adoptions,
    licences: (s) => s.knowledge.counters.licences,
    aggressions: (s) => s.defence.counters.aggressions,
    repelled: (s) => s.defence.counters.repelled,
    annexations: (s) => s.defence.counters.annexations,
    liberations: (s) => s.defence.counters.liberations,
    annexed: (s) => s.communities.filter((c) => c.population > 0 && s.defence.isAnnexed(c.id)).length,
    aggressor_strength: (s) => s.defence.aggressors.reduce((total, a) => total + a.strength, 0),
    tribute_taken: (s) => s.defence.counters.taken,
    war_destroyed: (s) => s.defence.counters.destroyed,
    crises: (s) => s.crisisCounters.crises,
    crises_violent: (s) => s.crisisCounters.violent,
    crisis_violence_rate: (s) => (s.crisisCounters.totalCrises > 0 ? s.crisisCounters.totalViolent / s.crisisCounters.totalCrises : 0),
    land_capacity: (s) => s.land.capacity.reduce((total, c) => total + c, 0),
  };
}
