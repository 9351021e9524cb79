import { attackerWins } from './contest.js';

/** What a community weighs when it re-votes its militia's training. */
export interface TrainingCase {
  /** Chance per month it is the one attacked. */
  attackChance: number;
  /** Strength it expects to face. */
  threat: number;
  /** Its defence without any militia training (soldiers, allies), and per unit of training. */
  baseDefence: number;
  strengthPerTraining: number;
  /** What it would lose if beaten (food-equivalents). */
  atStake: number;
  /** Output lost per unit of training a month (food-equivalents). */
  costPerTraining: number;
  exponent: number;
  /** Levels it can choose between (shares of time), most modest first. */
  levels: readonly number[];
}

/** The training level with the lowest monthly cost plus expected loss; ties go to less training. */
export function chooseTraining(c: TrainingCase): number {
  let best = c.levels[0]!;
  let bestCost = Infinity;
  for (const level of c.levels) {
    const lose = attackerWins(c.threat, c.baseDefence + c.strengthPerTraining * level, c.exponent);
    const cost = c.costPerTraining * level + c.attackChance * lose * c.atStake;
    if (cost < bestCost - 1e-12) [best, bestCost] = [level, cost];
  }
  return best;
}

/** The levels a community chooses between: the default and steps of 0.01 up to the maximum. */
export function trainingLevels(defaultLevel: number, maximum: number): number[] {
  const levels = [defaultLevel];
  for (let level = 0.01; level <= maximum + 1e-9; level += 0.01) if (level > defaultLevel + 1e-9) levels.push(Math.round(level * 100) / 100);
  return levels;
}
