import type { NamedPhase } from '../../../sim/index.js';
import type { Society } from '../society.js';
import { centralBudget } from './central-budget.js';
import { consume } from './consume.js';
import { demography } from './demography.js';
import { distribute } from './distribute.js';
import { exchange } from './exchange.js';
import { produce } from './produce.js';
import { randomExchange } from './random-exchange.js';
import { regrow } from './regrow.js';
import { trade } from './trade.js';

/**
 * The step, in order (MODEL.md's numbering). 1–4 and 13 are here; 5–12 (syndicates,
 * accountability, culture, self-management, free association, ideas, knowledge,
 * defence) slot in between `consume` and `regrow`.
 */
export const SOCIETY_PHASES: NamedPhase<Society>[] = [
  demography, // 1
  produce, // 2
  distribute, // 3
  centralBudget, // 3 (cross-community: the central budget, when on)
  exchange, // 4, inside communities
  trade, // 4, between communities
  randomExchange, // validation only
  consume, // 4 → the month's consumption, spoilage and wear
  regrow, // 13 (collection follows every step)
];
