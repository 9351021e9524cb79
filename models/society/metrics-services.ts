import type { Reporter } from '../../sim/index.js';
import { SERVICE_FUNCTIONS, type ServiceFunction } from './services/syndicate.js';
import { goodsRatio } from './services/view.js';
import { worth } from './services/goods.js';
import type { KnowledgeFigures } from './knowledge/state.js';
import type { Society } from './society.js';

/** Per service function (SERVICE_FUNCTIONS order): the share of persons served, and the mean quality they get. */
const served = { society: null as Society | null, step: -1, covered: new Float64Array(SERVICE_FUNCTIONS.length), quality: new Float64Array(SERVICE_FUNCTIONS.length) };

/**
 * Every function's coverage, worked out once a step (a dozen reporters read it): one pass over
 * the communities per function, the same additions in the same order as a pass per reporter.
 */
function coverage(society: Society): typeof served {
  if (served.society === society && served.step === society.steps) return served;
  for (let f = 0; f < SERVICE_FUNCTIONS.length; f++) {
    const quality = society.services.quality[SERVICE_FUNCTIONS[f]!];
    let persons = 0, covered = 0, total = 0;
    for (const c of society.communities) {
      persons += c.population;
      const q = quality[c.id] ?? 0;
      if (q > 0) covered += c.population;
      total += q * c.population;
    }
    served.covered[f] = persons > 0 ? covered / persons : 0;
    served.quality[f] = persons > 0 ? total / persons : 0;
  }
  served.society = society;
  served.step = society.steps;
  return served;
}

/** The functions in service (borders not 'none'), as indices into SERVICE_FUNCTIONS. */
function functionsOn(society: Society): number[] {
  const p = society.params;
  const borders: Record<ServiceFunction, string> = { water: p.waterBorder, health: p.healthBorder, transport: p.transportBorder, research: p.researchBorder, education: p.educationBorder };
  const on: number[] = [];
  SERVICE_FUNCTIONS.forEach((fn, f) => {
    if (borders[fn] !== 'none') on.push(f);
  });
  return on;
}

function averaged(society: Society, pick: 'covered' | 'quality'): number {
  const functions = functionsOn(society);
  if (functions.length === 0) return 0;
  const values = coverage(society)[pick];
  let total = 0;
  for (const f of functions) total += values[f]!;
  return total / functions.length;
}

/** Σ capacity over the land's cells, in cell order (a loop: `reduce` boxed every partial sum). */
function landCapacity(society: Society): number {
  const capacity = society.land.capacity;
  let total = 0;
  for (let cell = 0; cell < capacity.length; cell++) total += capacity[cell]!;
  return total;
}

/** The knowledge stock's figures for the row being collected (see `KnowledgeState.figures`). */
function knowledgeFigures(society: Society): KnowledgeFigures {
  return society.knowledge.figures(society.collector.rows, society.communities);
}

/**
 * Lets the society's knowledge state fill in a row's figures collected before its month was
 * settled (a threaded run), and settle before the collected rows are read.
 */
export function amendKnowledgeFigures(society: Society): void {
  const collector = society.collector;
  const names = (['tech_mean', 'adoptions', 'licences'] as const).filter((name) => collector.names.includes(name));
  society.knowledge.amend = (row, figures) => {
    const values = { tech_mean: figures.techMean, adoptions: figures.adoptions, licences: figures.licences };
    for (const name of names) collector.amend(row, name, values[name]);
  };
  society.collector.beforeRead(() => society.knowledge.settle());
}

/** The metrics of syndicates, knowledge, defence, crises and ecology (MODEL.md names, snake_case). */
export function servicesMetrics(): Record<string, Reporter<Society>> {
  const reporters: Record<string, Reporter<Society>> = {
    syndicates: (s) => s.services.syndicates.length,
    service_coverage: (s) => averaged(s, 'covered'),
    service_quality: (s) => averaged(s, 'quality'),
  };
  SERVICE_FUNCTIONS.forEach((fn, f) => {
    reporters[`service_coverage_${fn}`] = (s) => coverage(s).covered[f]!;
    reporters[`service_quality_${fn}`] = (s) => coverage(s).quality[f]!;
  });
  return {
    ...reporters,
    syndicate_budgets: (s) => s.services.syndicates.reduce((total, syn) => total + worth(syn.budget, goodsRatio(s)), 0),
    service_fees: (s) => s.services.counters.fees,
    service_delivered: (s) => s.services.counters.delivered,
    central_defence: (s) => s.services.counters.centralDefence,
    central_services: (s) => s.services.counters.centralServices,
    tech_mean: (s) => knowledgeFigures(s).techMean,
    innovations: (s) => s.knowledge.counters.innovations,
    adoptions: (s) => knowledgeFigures(s).adoptions,
    licences: (s) => knowledgeFigures(s).licences,
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
    land_capacity: landCapacity,
  };
}
