import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { JUDGE_OUT } from '../kernels/accountability.js';
import type { Society } from '../society.js';

/**
 * Phase 6. Each act (a shirker flagged by production; a steward who skims the fund) is
 * attributed to its author with one draw at π, the community's detection chance from its
 * monitors (governance/detection.ts). A named act meets a sanction — by a peer who pays for
 * it (lateral) or by an auditor who may take a bribe (hierarchical) — and the strikes climb
 * a graduated ladder that ends in expulsion. Reads shirked, civic norms, the fund; mutates
 * holdings, strikes, the fund, auditor marks, the community's governance record. Local to
 * each community and its own stream: the judging is in kernels/accountability.ts (it may run
 * on several threads), which also books each community's fund; the books, counters and
 * record are kept here, in community order.
 */
export const accountability: NamedPhase<Society> = {
  name: 'accountability',
  run(society) {
    const { shards, communities, members } = society;
    const count = communities.length;
    shards.array('accountability.out', Float64Array, count * JUDGE_OUT.stride);
    const room = listRoom(society, count);
    shards.array('accountability.costs', Float64Array, room);
    shards.array('accountability.expelled', Int32Array, room);
    shards.run('accountability.judge', count, members.start);
    const out = shards.array('accountability.out', Float64Array, count * JUDGE_OUT.stride);
    const costs = shards.array('accountability.costs', Float64Array, room);
    const expelled = shards.array('accountability.expelled', Int32Array, room);
    const listStart = shards.array('accountability.listStart', Int32Array, count + 1);
    spent.count = 0;
    for (let c = 0; c < count; c++) {
      const o = c * JUDGE_OUT.stride;
      if (out[o + JUDGE_OUT.active] === 0) continue;
      bookJudgement(society, communities[c]!, out, o, costs, expelled, listStart[c]!);
    }
    // The food spent punishing, in the order it was spent: the same additions as one `sink` per act.
    society.ledger.sinkEach('food', 'sanctioning', spent.amounts, spent.count);
  },
};

/**
 * Counts each community's acts to judge (kernel `accountability.flagged`) and turns the counts
 * into where its lists start, in community order; returns the room all the lists need.
 */
function listRoom(society: Society, count: number): number {
  const { shards, members } = society;
  shards.array('accountability.listStart', Int32Array, count + 1);
  shards.run('accountability.flagged', count, members.start);
  const listStart = shards.array('accountability.listStart', Int32Array, count + 1);
  listStart[0] = 0;
  for (let c = 0; c < count; c++) listStart[c + 1]! += listStart[c]!;
  return listStart[count]!;
}

/** Every community's punishing costs, gathered in community order for the ledger. */
const spent = { amounts: new Float64Array(64), count: 0 };

function spend(amount: number): void {
  if (spent.count === spent.amounts.length) {
    const grown = new Float64Array(spent.amounts.length * 2);
    grown.set(spent.amounts);
    spent.amounts = grown;
  }
  spent.amounts[spent.count++] = amount;
}

/**
 * A community's month of judging, booked in the order it happened: the food spent punishing,
 * the members who reached expulsion and the counters (the kernel booked the fund and the
 * governance record).
 */
function bookJudgement(society: Society, community: Community, out: Float64Array, o: number, costs: Float64Array, expelled: Int32Array, from: number): void {
  const sinks = out[o + JUDGE_OUT.costs]!;
  for (let j = 0; j < sinks; j++) spend(costs[from + j]!);
  const named = out[o + JUDGE_OUT.expelled]!;
  if (named > 0 && community.governance.expelled.length === 0) society.polity.expelling.push(community.id);
  for (let j = 0; j < named; j++) community.governance.expelled.push(society.people.idOf(expelled[from + j]!));
  const counters = society.polity.counters;
  counters.bribes += out[o + JUDGE_OUT.bribes]!;
  counters.skims += out[o + JUDGE_OUT.skims]!;
  counters.acts += out[o + JUDGE_OUT.acts]!;
  counters.attributed += out[o + JUDGE_OUT.attributed]!;
  counters.sanctions += out[o + JUDGE_OUT.punished]!;
}
