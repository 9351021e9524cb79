import { attackerWins } from '../defence/contest.js';

/** What a government weighs when it splits one central budget between defence and services. */
export interface CentralBudgetCase {
  /** The month's budget (food units). */
  total: number;
  /** Strength of the outside threat (0: none). */
  threat: number;
  /** Chance per month that the threat attacks. */
  attackChance: number;
  /** Defence strength it has without spending (militia, allies). */
  baseDefence: number;
  /** Defence strength a food unit a month buys (soldiers per unit of pay). */
  strengthPerUnit: number;
  contestExponent: number;
  /** Spending at which services give half their value (their cost scale). */
  serviceScale: number;
  /** Weight of the government's survival against services (after elections). */
  survivalWeight: number;
  /** Months over which it counts its survival. */
  horizonMonths: number;
}

/** The government's utility of spending `defence` on defence and the rest on services. */
export function governmentUtility(c: CentralBudgetCase, defence: number): number {
  const lost = c.attackChance * attackerWins(c.threat, c.baseDefence + c.strengthPerUnit * defence, c.contestExponent);
  const survival = c.horizonMonths * Math.log(Math.max(1e-12, 1 - lost));
  const services = Math.log(1 + (c.total - defence) / Math.max(1e-12, c.serviceScale));
  return c.survivalWeight * survival + (1 - c.survivalWeight) * services;
}

/**
 * The split a government chooses: the defence spending (on a grid of `steps` + 1 levels from
 * 0 to the whole budget) that maximises its utility; ties go to less defence. A decision, not
 * a rule: a greater threat or a government less bound by elections moves money from services.
 */
export function allocateCentralBudget(c: CentralBudgetCase, steps = 100): { defence: number; services: number } {
  let best = 0;
  let bestUtility = governmentUtility(c, 0);
  for (let i = 1; i <= steps; i++) {
    const defence = (c.total * i) / steps;
    const utility = governmentUtility(c, defence);
    if (utility > bestUtility + 1e-12) [best, bestUtility] = [defence, utility];
  }
  return { defence: best, services: c.total - best };
}

/** The weight elections leave on survival: pulled from the government's own toward the voters'. */
export function electedSurvivalWeight(governmentWeight: number, voterWeight: number, electoralPull: number): number {
  return (1 - electoralPull) * governmentWeight + electoralPull * voterWeight;
}
