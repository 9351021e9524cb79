import { type Rng, type Streams } from '../../../sim/index.js';
import type { Governance } from '../governance/state.js';

/** Goods kept in physical units, plus a credit balance in labour-hours. */
export interface Account {
  food: number;
  manufactures: number;
  credit: number;
}

/** A community's voted policy (changed by assemblies in later phases). */
export interface Policy {
  /** τ: share of output pooled and given out by need. */
  sharing: number;
  commonsRate: number;
  exitShare: number;
  fundPayout: number;
  /** How the assembly decides: majority, supermajority or consensus. */
  decisionRule: string;
  /** The least civic norm a newcomer must show (0 = open). */
  admission: number;
}

/** The community's worker-owned manufacturing collective: capital, stock and its loan. */
export interface Collective {
  /** Equipment, in manufactures units. */
  capital: number;
  /** Retained output waiting to be sold to repay the loan. */
  manufactures: number;
  /** Its credit-union balance (negative: it owes). */
  credit: number;
}

/** Per-good market state: labour cost per unit, markup, posted price, what is left unmatched. */
export interface Market {
  labourCost: number;
  /** Output per unit of skill × effort last month (for choosing a sector). */
  productivity: number;
  /** Output last month. */
  output: number;
  markup: number;
  price: number;
  unmet: number;
  unsold: number;
}

/**
 * A community: an object (few and large), its members live in the people table. Its markets,
 * hours, fund, taxes and collective are views of the society's columns (market-columns.ts,
 * account-columns.ts): read and write their fields as usual, but copy one with its fields or
 * `toJSON()`, not a spread (a view's fields are accessors, not properties of its own).
 */
export interface Community {
  id: number;
  x: number;
  y: number;
  population: number;
  policy: Policy;
  fund: Account;
  collective: Collective;
  /** Taxes collected this month, waiting for the central budget (a cross-community phase). */
  taxes: Account;
  /** Credit this union is owed by (positive) or owes to (negative) other unions for trade. */
  clearing: number;
  /** Cells it uses (usufruct). */
  cells: Int32Array;
  /** Nearest communities it trades with, by index, in a fixed order. */
  partners: number[];
  food: Market;
  manufactures: Market;
  /** Last production totals, for labour costs and metrics. */
  hours: { food: number; manufactures: number };
  /** One stream per phase, owned by this community alone. */
  streams: PhaseStreams;
  /** Self-government: accountability's findings, the agenda, federation standing. */
  governance: Governance;
}

/** Each phase's slot in every community's streams, numbered as phases first ask for one. */
const PHASE_SLOTS = new Map<string, number>();

function phaseSlot(phase: string): number {
  let slot = PHASE_SLOTS.get(phase);
  if (slot === undefined) PHASE_SLOTS.set(phase, (slot = PHASE_SLOTS.size));
  return slot;
}

/**
 * A community's streams by phase. An array indexed by one slot numbering shared by all
 * communities, not a map per community: kernels ask every community for a stream each month,
 * and a map per community (thousands of them, cold) took about 2.5% of a step at 100k persons.
 */
export class PhaseStreams {
  private readonly bySlot: (Rng | undefined)[] = [];

  get(phase: string): Rng | undefined {
    return this.bySlot[phaseSlot(phase)];
  }

  set(phase: string, rng: Rng): void {
    this.bySlot[phaseSlot(phase)] = rng;
  }
}

/** The community's own stream for a phase (created on first use, kept for the run). */
export function communityStream(streams: Streams, community: Community, phase: string): Rng {
  let rng = community.streams.get(phase);
  if (!rng) community.streams.set(phase, (rng = streams.derive('community', community.id, phase)));
  return rng;
}

/**
 * The kernels' source of community streams on one thread: the very generators `communityStream`
 * keeps on each community (phases that draw outside kernels share them), reached through one
 * list per stream indexed by community. A kernel asks each community in index order, and the
 * path through the community's own objects, which lie all over the heap, took 4% of a CPU
 * profile at 100k persons, and more of the wall time (run W in docs/performance-rounds.md).
 * Communities keep their index for the run, so a list never goes stale.
 */
export function communityStreamSource(streams: Streams, communities: readonly Community[]): (community: number, phase: string) => Rng {
  const byPhase = new Map<string, Rng[]>();
  return (c, phase) => {
    let list = byPhase.get(phase);
    if (!list) byPhase.set(phase, (list = []));
    return list[c] ?? (list[c] = communityStream(streams, communities[c]!, phase));
  };
}
