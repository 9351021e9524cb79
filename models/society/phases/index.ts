import type { NamedPhase } from '../../../sim/index.js';
import type { Society } from '../society.js';
import { centralBudget } from './central-budget.js';
import { consume } from './consume.js';
import { crises } from './crises.js';
import { defence } from './defence.js';
import { ecology } from './ecology.js';
import { diffusion, research } from './knowledge.js';
import { syndicates } from './syndicates.js';
import { demography } from './demography.js';
import { disputes } from './disputes.js';
import { distribute } from './distribute.js';
import { exchange } from './exchange.js';
import { produce } from './produce.js';
import { randomExchange } from './random-exchange.js';
import { regrow } from './regrow.js';
import { trade } from './trade.js';
import { accountability } from './accountability.js';
import { assembly } from './assembly.js';
import { culture } from './culture.js';
import { federations } from './federations.js';
import { ideas } from './ideas.js';
import { migration } from './migration.js';
import { splits } from './splits.js';
import { metricsAhead } from './metrics-ahead.js';

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
  syndicates, // 5 (cross-community: fees, budgets, delivery; regions yearly)
  accountability, // 6, inside communities
  culture, // 7, inside communities
  assembly, // 8, inside communities
  migration, // 9 (cross-community: expulsions, then moves)
  splits, // 9 (cross-community: factions found communities)
  metricsAhead, // bookkeeping: the metrics' pass over persons begun on the worker threads (changes nothing)
  federations, // 9 (cross-community: mutual aid, congresses, secession)
  ideas, // 10 (reads neighbours, writes only its own agenda)
  research, // 11, inside communities
  diffusion, // 11, between communities
  disputes, // 12 (cross-community: disputes over water, federation arbitration)
  defence, // 12 (cross-community)
  crises, // 12, inside communities
  ecology, // 13, degradation and stewardship
  regrow, // 13 (collection follows every step)
];
