import type { Kernel, KernelScope } from '../../../sim/index.js';
import { movedPolicy, PROPOSABLE } from '../governance/proposals.js';
import { ownStakes, readPositions, stakesOf, type Standing, type StakeView } from '../governance/stakes.js';
import { passes, tallyStakes, type Tally } from '../governance/votes.js';
import type { SocietyParams } from '../params.js';

/**
 * The assemblies' polls, one community at a time (phases/assembly.ts sets each meeting
 * community's agenda, draws included, and books the outcomes in community order): for each
 * item in turn, every member's stake and the count, the policy moved for the next item when
 * it passes. No randomness.
 */

/** assembly.in, per community: the agenda's length (0: no assembly), the standing, the rule; then ITEM_IN per item. */
export const ASSEMBLY_IN = {
  items: 0, sharing: 1, commonsRate: 2, admission: 3, kept: 4, priceFood: 8, priceManufactures: 9, arrivals: 10, freeRiding: 11, rule: 12, agenda: 13,
} as const;
/** Each agenda item in assembly.in: which policy (its place in PROPOSABLE) and the change asked. */
export const ITEM_IN = { stride: 2, policy: 0, delta: 1 } as const;
/** assembly.out, per community and item: whether it came to a vote, the count, whether it passed, the value it sets. */
export const ITEM_OUT = { stride: 6, voted: 0, yes: 1, no: 2, eligible: 3, passed: 4, to: 5 } as const;
/** The decision rules by code (anything else decides as a majority, as `passes` does). */
export const RULES = ['majority', 'supermajority', 'consensus'] as const;

/** Numbers per community in assembly.in: room for the longest agenda. */
export function inputStride(p: SocietyParams): number {
  return ASSEMBLY_IN.agenda + ITEM_IN.stride * p.proposalsPerAssembly;
}

/** Numbers per community in assembly.out. */
export function outputStride(p: SocietyParams): number {
  return ITEM_OUT.stride * p.proposalsPerAssembly;
}

/** One community's bucket, standing and count, reused (no allocation per community). */
const view = {} as StakeView;
const standing: Standing = { sharing: 0, commonsRate: 0, priceFood: 0, priceManufactures: 0, arrivals: 0, freeRiding: 0, kept: new Float64Array(4) };
const tally: Tally = { yes: 0, no: 0, eligible: 0 };
/** The policy as the assembly moves it, by place in PROPOSABLE. */
const policies = new Float64Array(3);

function fill(scope: KernelScope, c: number, input: Float64Array, i: number): void {
  const a = scope.arrays;
  const start = a['members.start'] as Int32Array;
  view.rows = a['members.rows'] as Int32Array;
  view.start = start[c]!;
  view.n = start[c + 1]! - start[c]!;
  view.sector = a['people.sector'] as Uint8Array;
  view.proprietor = a['people.proprietor'] as Uint8Array;
  view.output = a['people.output'] as Float32Array;
  view.income = a['people.income'] as Float32Array;
  view.effort = a['people.effort'] as Float32Array;
  view.skillFood = a['people.skillFood'] as Float32Array;
  view.skillManufactures = a['people.skillManufactures'] as Float32Array;
  view.age = a['people.age'] as Float32Array;
  view.needsMet = a['people.needsMet'] as Float32Array;
  view.civicNorm = a['people.civicNorm'] as Float32Array;
  view.idealSharing = a['people.idealSharing'] as Float32Array;
  standing.sharing = input[i + ASSEMBLY_IN.sharing]!;
  standing.commonsRate = input[i + ASSEMBLY_IN.commonsRate]!;
  standing.priceFood = input[i + ASSEMBLY_IN.priceFood]!;
  standing.priceManufactures = input[i + ASSEMBLY_IN.priceManufactures]!;
  standing.arrivals = input[i + ASSEMBLY_IN.arrivals]!;
  standing.freeRiding = input[i + ASSEMBLY_IN.freeRiding]!;
  for (let s = 0; s < 4; s++) standing.kept[s] = input[i + ASSEMBLY_IN.kept + s]!;
  policies[0] = standing.sharing;
  policies[1] = standing.commonsRate;
  policies[2] = input[i + ASSEMBLY_IN.admission]!;
}

/** Polls a meeting community's agenda, item by item (see the file's note). */
export const assemblyPolls: Kernel = {
  name: 'assembly.polls',
  streams: [],
  run(scope, c) {
    const p = scope.params as unknown as SocietyParams;
    const input = scope.arrays['assembly.in'] as Float64Array;
    const out = scope.arrays['assembly.out'] as Float64Array;
    const i = c * inputStride(p);
    const items = input[i + ASSEMBLY_IN.items]!;
    if (items === 0) return;
    fill(scope, c, input, i);
    const rule = RULES[input[i + ASSEMBLY_IN.rule]!]!;
    let positionsRead = false;
    for (let j = 0; j < items; j++) {
      const code = input[i + ASSEMBLY_IN.agenda + j * ITEM_IN.stride + ITEM_IN.policy]!;
      const delta = input[i + ASSEMBLY_IN.agenda + j * ITEM_IN.stride + ITEM_IN.delta]!;
      const policy = PROPOSABLE[code]!;
      const from = policies[code]!;
      const to = movedPolicy(policy, from, delta);
      const o = c * outputStride(p) + j * ITEM_OUT.stride;
      out[o + ITEM_OUT.voted] = 0;
      if (to === from) continue;
      // Positions as the meeting opened: read at its first vote, before any item passed.
      if (!positionsRead) readPositions(view, standing, p);
      positionsRead = true;
      standing.sharing = policies[0]!;
      const shared = stakesOf(view, standing, p, policy, delta);
      tallyStakes(view, p, ownStakes(), shared, policy, delta, policies[0]!, tally);
      const passed = passes(rule, tally, p.supermajority);
      out[o + ITEM_OUT.voted] = 1;
      out[o + ITEM_OUT.yes] = tally.yes;
      out[o + ITEM_OUT.no] = tally.no;
      out[o + ITEM_OUT.eligible] = tally.eligible;
      out[o + ITEM_OUT.passed] = passed ? 1 : 0;
      out[o + ITEM_OUT.to] = to;
      if (passed) policies[code] = to;
    }
  },
};
