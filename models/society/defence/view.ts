import type { Society } from '../society.js';
import { measureForces, strengthAt } from './forces.js';

/** What a government sees when it weighs defence against services (see services/central-allocation.ts). */
export interface GovernmentView {
  threat: number;
  attackChance: number;
  baseDefence: number;
  strengthPerUnit: number;
}

/**
 * The threat as the government sees it: the outside States' strength where the average
 * community stands, against the average community's own defence; a food unit buys 1/pay
 * soldiers, of whom the concentrated share fights, at the mean technology.
 */
export function governmentView(society: Society): GovernmentView {
  const p = society.params;
  const aggressors = society.defence.aggressors;
  const forces = measureForces(society);
  let threat = 0, own = 0, technology = 0, alive = 0;
  for (const c of society.communities) {
    if (c.population <= 0) continue;
    alive++;
    own += forces.own[c.id]!;
    technology += forces.technology[c.id]!;
    for (const aggressor of aggressors) threat += strengthAt(aggressor, c.x, c.y, p.aggressorRange);
  }
  if (alive === 0) return { threat: 0, attackChance: 0, baseDefence: 0, strengthPerUnit: 0 };
  return {
    threat: threat / alive,
    attackChance: p.attackRate * aggressors.length,
    baseDefence: own / alive,
    strengthPerUnit: (p.armyConcentration * technology) / alive / Math.max(1e-9, p.soldierPay),
  };
}
