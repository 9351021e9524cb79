import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { CARERS, DISTRIBUTE_OUT, FOUND_CARER } from '../kernels/distribute.js';
import type { Society } from '../society.js';

/**
 * Each output pays, in order: tax (central budget on), the fund's rate, rent (food, under
 * landlords), the owners' cut (wage labour), the collective's retained share
 * (manufactures); of the rest, the sharing share τ is pooled and given out by need (food
 * tops everyone up to the need, then all goods split per adult-equivalent), the remainder
 * kept. Then the fund pays a share of its food to members short of food, and collectives
 * pay interest where interest-bearing capital is on. Transfers only. No randomness. The
 * per-person work and each community's own accounts are in kernels/distribute.ts (it may
 * run on several threads); the society's counters and the collectives' interest are booked
 * here, in community order.
 */
export const distribute: NamedPhase<Society> = {
  name: 'distribute',
  run(society) {
    const { shards, communities, members } = society;
    const count = communities.length;
    shards.array('distribute.out', Float64Array, count * DISTRIBUTE_OUT.stride);
    shards.array(CARERS, Int32Array, members.start[count]!);
    shards.run('distribute.income', count, members.start);
    const out = shards.array('distribute.out', Float64Array, count * DISTRIBUTE_OUT.stride);
    for (let c = 0; c < count; c++) book(society, communities[c]!, out);
  },
};

/**
 * Books one community's counters (its accounts took the cuts in the kernel), the collective's
 * interest, then the ids of carers newly found.
 */
function book(society: Society, community: Community, out: Float64Array): void {
  const o = community.id * DISTRIBUTE_OUT.stride;
  const price = society.markets.price;
  const priceFood = price[2 * community.id]!;
  const priceManufactures = price[2 * community.id + 1]!;
  const counters = society.counters;
  counters.taxCollected += out[o + DISTRIBUTE_OUT.taxedFood]! * priceFood + out[o + DISTRIBUTE_OUT.taxedManufactures]! * priceManufactures;
  counters.rentPaid += out[o + DISTRIBUTE_OUT.rentPaid]!;
  counters.profitsTaken += out[o + DISTRIBUTE_OUT.profitFood]! * priceFood + out[o + DISTRIBUTE_OUT.profitManufactures]! * priceManufactures;
  if (society.params.capital === 'interest') chargeInterest(society, community, out[o + DISTRIBUTE_OUT.proprietors]!);
  if (out[o + DISTRIBUTE_OUT.carersFound]! > 0) recordFoundCarers(society, community);
}

/** The collective's side of the interest the kernel paid its proprietors (or the fund, with none). */
function chargeInterest(society: Society, community: Community, proprietors: number): void {
  const debt = -community.collective.credit;
  if (debt <= 0) return;
  const interest = society.params.interestRate * debt;
  community.collective.credit -= interest;
  society.counters.interestPaid += interest;
  if (proprietors === 0) community.fund.credit += interest;
}

/** Turns the rows of carers the kernel found into ids (the `carer` column keeps ids). */
function recordFoundCarers(society: Society, community: Community): void {
  const { people, members } = society;
  const carer = people.cols.carer;
  const rows = members.rows;
  const end = members.start[community.id + 1]!;
  for (let k = members.start[community.id]!; k < end; k++) {
    const row = rows[k]!;
    const code = carer[row]!;
    if (code <= FOUND_CARER) carer[row] = people.idOf(FOUND_CARER - code);
  }
}
