import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { EXCHANGE_OUT, ORDERS } from '../kernels/exchange.js';
import type { Society } from '../society.js';

/**
 * The market inside each community. Members offer what they hold beyond their targets and
 * ask for what they lack, within their credit (down to the floor) plus their sales; the
 * collective sells its retained output and buys equipment on credit from its union. The
 * short side is served in full, the long side rationed pro rata. Payment in mutual
 * credit (labour-hours). Prices: labour cost × markup, the markup moving by λ·z. What is
 * left unmatched waits for trade between communities. No randomness. The per-person work,
 * the prices and the collective's accounts are in kernels/exchange.ts (it may run on several
 * threads); the counters and the defaults' events are booked here, in community order.
 */
export const exchange: NamedPhase<Society> = {
  name: 'exchange',
  run(society) {
    if (!society.params.markets) return;
    const { shards, communities, members } = society;
    const count = communities.length;
    shards.array('exchange.out', Float64Array, count * EXCHANGE_OUT.stride);
    const total = members.start[count]!;
    for (const name of ORDERS) shards.array(name, Float64Array, total);
    shards.run('exchange.market', count, members.start);
    const out = shards.array('exchange.out', Float64Array, count * EXCHANGE_OUT.stride);
    for (let c = 0; c < count; c++) book(society, communities[c]!, out);
  },
};

/** The trade volume at the prices the trades were made at, and the collective's default, if any (the kernel booked it). */
function book(society: Society, community: Community, out: Float64Array): void {
  const o = community.id * EXCHANGE_OUT.stride;
  for (let g = 0; g < 2; g++) {
    const traded = Math.min(out[o + EXCHANGE_OUT.supply + g]!, out[o + EXCHANGE_OUT.demand + g]!);
    society.counters.tradeVolume += traded * out[o + EXCHANGE_OUT.price + g]!;
  }
  const written = out[o + EXCHANGE_OUT.writtenOff]!;
  if (written > 0) {
    society.counters.loanDefaults++;
    society.events.log(society.steps + 1, 'loan_default', { community: community.id, amount: written });
  }
}
