import type { Rng } from '../../../sim/index.js';

/** How knowledge is held: a commons that spreads, or patents with a term. */
export type KnowledgeHolding = 'commons' | 'patents';

/** Sectors technology applies to (0 = food, 1 = manufactures, as in the persons table). */
export const SECTORS = 2;

/** One innovation: where and when it arose, the sector it improves and by how much. */
export interface Innovation {
  id: number;
  origin: number;
  sector: number;
  gain: number;
  step: number;
  /** Step the patent ends (= step under the commons: nothing to wait for). */
  expires: number;
}

/** What a community weighs when it decides how much labour to put into research. */
export interface ResearchReturnInputs {
  holding: KnowledgeHolding;
  gain: number;
  /** Its own output per month (food units). */
  ownOutput: number;
  /** Output per month of the communities linked to it (possible licensees). */
  linkedOutput: number;
  links: number;
  ownUseMonths: number;
  patentTerm: number;
  licenceRate: number;
  licenceFee: number;
  reputationValue: number;
  reciprocityValue: number;
}

/**
 * The expected private return of one innovation, in food units. Both holdings value its own
 * use over a horizon; patents add the licence fees the linked communities are expected to
 * pay within the term (the monopoly rent); the commons add the maker's reputation and the
 * reciprocal access sharing buys, per link.
 */
export function researchReturn(r: ResearchReturnInputs): number {
  const ownGain = r.gain * r.ownOutput;
  const ownUse = ownGain * r.ownUseMonths;
  if (r.holding === 'patents') {
    const licensedWithinTerm = 1 - Math.pow(1 - r.licenceRate, r.patentTerm);
    return ownUse + licensedWithinTerm * r.licenceFee * r.gain * r.linkedOutput;
  }
  return ownUse + ownGain * (r.reputationValue + r.reciprocityValue * r.links);
}

/**
 * Share of labour put into research: the reference share, scaled by the return relative to
 * own use alone raised to an elasticity; at most half the labour.
 */
export function researchEffort(expectedReturn: number, ownUseReturn: number, referenceShare: number, elasticity: number): number {
  if (ownUseReturn <= 0) return referenceShare;
  return Math.min(0.5, referenceShare * Math.pow(Math.max(0, expectedReturn) / ownUseReturn, elasticity));
}

/** Innovations a community's research yields this month, drawn from its own stream. */
export function drawInnovations(researchWorkers: number, ratePerWorkerYear: number, qualityBoost: number, rng: Rng): number {
  return rng.poisson((researchWorkers * ratePerWorkerYear * qualityBoost) / 12);
}

/** A new innovation: its sector drawn from the same stream; patented for the term under patents. */
export function newInnovation(id: number, origin: number, gain: number, step: number, holding: KnowledgeHolding, patentTerm: number, rng: Rng): Innovation {
  return innovationIn(rng.int(SECTORS), id, origin, gain, step, holding, patentTerm);
}

/** A new innovation in a sector already drawn (`rng.int(SECTORS)`, as `newInnovation` draws it). */
export function innovationIn(sector: number, id: number, origin: number, gain: number, step: number, holding: KnowledgeHolding, patentTerm: number): Innovation {
  return { id, origin, sector, gain, step, expires: holding === 'patents' ? step + patentTerm : step };
}
