import type { Society } from '../society.js';

/**
 * How services, technology and the time given to research and militia training change a
 * community's output in a sector: × (1 + water effect·q_water, food only) × (1 + health
 * effect·q_health) × technology × (1 − time not spent producing). 1 before anything is set.
 */
export function outputFactor(society: Society, c: number, sector: number): number {
  const p = society.params;
  const q = society.services.quality;
  const water = sector === 0 ? 1 + p.waterFoodEffect * (q.water[c] ?? 0) : 1;
  const health = 1 + p.healthOutputEffect * (q.health[c] ?? 0);
  const technology = society.knowledge.level(c, sector);
  const training = p.defence === 'militia' ? p.militiaShare * (society.defence.training[c] ?? p.militiaTraining) : 0;
  const away = Math.min(0.9, (society.knowledge.researchShare[c] ?? 0) + training);
  return water * health * technology * (1 - away);
}

/** Mortality multiplier from health care: 1 − effect·q_health. */
export function mortalityFactor(society: Society, c: number): number {
  return 1 - society.params.healthMortalityEffect * (society.services.quality.health[c] ?? 0);
}

/** Transit-loss multiplier between two communities: transport lowers it where both ends are served. */
export function transitFactor(society: Society, a: number, b: number): number {
  const q = society.services.quality.transport;
  return 1 - society.params.transportTradeEffect * Math.min(q[a] ?? 0, q[b] ?? 0);
}
