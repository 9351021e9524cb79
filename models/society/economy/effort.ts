import type { Community } from '../communities/community.js';
import type { SocietyParams } from '../params.js';

/**
 * The share of one's own marginal product one keeps, before sharing: what is left after
 * tax, the fund, the owners' part (rent and profit, for non-proprietors) and the
 * collective's retained share (manufactures).
 */
export function keptShare(p: SocietyParams, community: Community, sector: number, proprietor: boolean): number {
  return keptShareAt(p, community.policy.commonsRate, sector, proprietor);
}

/** `keptShare` for a community whose fund's rate is `commonsRate`. */
export function keptShareAt(p: SocietyParams, commonsRate: number, sector: number, proprietor: boolean): number {
  const tax = p.centralBudget ? p.taxRate : 0;
  const owners = proprietor ? 0 : ownersPart(p, sector);
  const retained = sector === 1 ? p.retainedShare : 0;
  return (1 - tax) * (1 - commonsRate) * (1 - owners) * (1 - retained);
}

/**
 * The owners' part of a non-proprietor's output: rent (food, under landlords) and, under
 * wage labour, whatever more it takes to leave the worker `wageShare` — rent comes out of
 * the owners' part, not on top of it (a labour share is a share of all income, rent included).
 */
export function ownersPart(p: SocietyParams, sector: number): number {
  const rent = sector === 0 && p.landTenure === 'landlords' ? p.rentShare : 0;
  return p.labour === 'wage' ? Math.max(rent, 1 - p.wageShare) : rent;
}

/**
 * π: the chance a shirker is named — the one detection function. With the attribution
 * channel on, π = ω·min(1, D/N) with N the group a monitor tracks; off, π = ω. Lateral and
 * hierarchical accountability differ only in ω and N (governance/detection.ts).
 */
export function detectionChance(p: SocietyParams, groupSize: number, base = p.detectionBase): number {
  return p.detectionBySize ? base * Math.min(1, p.trackableGroup / Math.max(1, groupSize)) : base;
}

/** e* = clamp((m·w + θ·γ + π·F)/κ, 0, 1): MODEL.md's effort choice (deterrence = π·F). */
export function chooseEffort(m: number, w: number, civicNorm: number, normWeight: number, deterrence: number, effortCost: number): number {
  const e = (m * w + civicNorm * normWeight + deterrence) / effortCost;
  return e < 0 ? 0 : e > 1 ? 1 : e;
}

/** MODEL.md's utility: α·ln(food) + (1−α)·ln(manufactures + 1) − κ·effort²/2, per adult-equivalent. */
export function utility(food: number, manufactures: number, effort: number, alpha: number, effortCost: number): number {
  return alpha * Math.log(Math.max(food, 0.05)) + (1 - alpha) * Math.log(manufactures + 1) - (effortCost * effort * effort) / 2;
}

/**
 * π for one worker: the community's monitoring, and under wage labour a proprietor who, as
 * residual claimant, also watches the wage workers (each names a shirker independently).
 */
export function workerDetection(p: SocietyParams, detection: number, proprietor: boolean): number {
  if (p.labour !== 'wage' || proprietor) return detection;
  return 1 - (1 - detection) * (1 - p.ownerSupervision);
}
