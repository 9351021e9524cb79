import type { Rng } from '../../../sim/index.js';
import { attackerWins } from './contest.js';

/** An outside State at the map's edge. */
export interface Aggressor {
  id: number;
  /** Where it stands (cell coordinates, on the edge). */
  x: number;
  y: number;
  strength: number;
  /** Goods it has taken (tribute and seized wealth), in food units: leaves the society's books. */
  taken: number;
}

/** Where the i-th of n outside States stands: spread around the map's edge, in a fixed order. */
export function aggressorSite(index: number, count: number, width: number, height: number): { x: number; y: number } {
  const perimeter = 2 * (width + height);
  const along = ((index + 0.5) / count) * perimeter;
  if (along < width) return { x: Math.floor(along), y: 0 };
  if (along < width + height) return { x: width - 1, y: Math.floor(along - width) };
  if (along < 2 * width + height) return { x: width - 1 - Math.floor(along - width - height), y: height - 1 };
  return { x: 0, y: height - 1 - Math.floor(along - 2 * width - height) };
}

/** A month's growth of an outside State's strength. */
export function grow(aggressor: Aggressor, rate: number): void {
  aggressor.strength *= 1 + rate;
}

/** A possible target as an outside State sees it. */
export interface Target {
  id: number;
  /** The State's strength where the target stands. */
  attack: number;
  /** What it would take (wealth it can seize plus tribute it expects). */
  worth: number;
  /** Defending strength it expects to meet, allies included. */
  defence: number;
}

/**
 * The target worth the most given the chance to win: the largest P(win) × worth; ties go
 * to the lower id. Undefined when nothing is worth attacking.
 */
export function chooseTarget(targets: readonly Target[], exponent: number): Target | undefined {
  let best: Target | undefined;
  let bestValue = 0;
  for (const target of targets) {
    const value = attackerWins(target.attack, target.defence, exponent) * target.worth;
    if (value > bestValue || (value === bestValue && best !== undefined && target.id < best.id)) [best, bestValue] = [target, value];
  }
  return best;
}

/** What a battle did: who won, and the strength each side lost. */
export interface BattleResult {
  attackerWon: boolean;
  attackerLoss: number;
  defenderLoss: number;
}

/** Fights one battle with the contest function; each side loses a share of the weaker side's strength. */
export function fight(attack: number, defence: number, exponent: number, lossShare: number, rng: Rng): BattleResult {
  const attackerWon = rng.next() < attackerWins(attack, defence, exponent);
  const loss = lossShare * Math.min(attack, defence);
  return { attackerWon, attackerLoss: loss, defenderLoss: loss };
}
