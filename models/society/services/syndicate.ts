import { doubleFields } from '../../../sim/index.js';
import type { BORDER_KINDS } from '../params-services.js';

/** The social functions syndicates serve. */
export const SERVICE_FUNCTIONS = ['water', 'health', 'transport', 'research', 'education'] as const;

/** One social function. */
export type ServiceFunction = (typeof SERVICE_FUNCTIONS)[number];

/** The kind of border a function's service regions have. */
export type BorderKind = (typeof BORDER_KINDS)[number];

/**
 * A syndicate: one function, one service region, its own budget. Its clients are the
 * communities of its region that fund it; the others of the region have opted out.
 */
export interface Syndicate {
  id: number;
  function: ServiceFunction;
  /** The region's key (watershed id, catchment index, transport region, community id, 0 for global). */
  region: number;
  /** Communities of the region, ascending ids. */
  regionMembers: number[];
  /** Communities that fund it this month (served), ascending ids. */
  clients: number[];
  /** Its own budget, in goods: fees come in, delivery goes out (never pooled with another's). */
  budget: { food: number; manufactures: number };
  /** What it asked for this month (food-equivalents). */
  asked: number;
  /** What it received this month (food-equivalents). */
  received: number;
  /** What it spent on delivery this month (food-equivalents). */
  spent: number;
  /** Service quality, 0..1, from last month's spending. */
  quality: number;
  /** Workers drawn from the served communities. */
  workers: number;
  /** Months in a row funded below the shrink threshold. */
  underfundedMonths: number;
  /** Step it was founded. */
  founded: number;
  /** Founded by one community against a bad incumbent (its region is that community). */
  rival: boolean;
  /** Expected share of its spending skimmed by officials (set monthly by oversight). */
  skim: number;
  /** Fee it asks per person served each month (food units), voted yearly by its stakeholders. */
  fee: number;
}

/** A syndicate's amounts and its budget's, which start at 0 and turn fractional (see `doubleFields`). */
const SYNDICATE_AMOUNTS = ['asked', 'received', 'spent', 'quality', 'workers', 'skim', 'fee'] as const;
const BUDGET_AMOUNTS = ['food', 'manufactures'] as const;

/** A new syndicate with an empty budget. */
export function newSyndicate(id: number, fn: ServiceFunction, region: number, members: number[], step: number, rival = false, skim = 0, fee = 0): Syndicate {
  const syndicate: Syndicate = {
    id, function: fn, region, regionMembers: [...members].sort((a, b) => a - b), clients: [],
    budget: doubleFields({ food: 0, manufactures: 0 }, BUDGET_AMOUNTS), asked: 0, received: 0, spent: 0, quality: 0, workers: 0, underfundedMonths: 0, founded: step, rival, skim, fee,
  };
  // Amounts that start at 0 and turn fractional keep one hidden class from the start (see `doubleFields`).
  return doubleFields(syndicate, SYNDICATE_AMOUNTS);
}
