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
 * left unmatched waits for trade between communities. No randomness. The per-person work
 * and the prices are in kernels/exchange.ts (it may run on several threads); the collective
 * and the counters are booked here, in community order.
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

/** The trade volume and the collective's sale and purchase, at the prices the trades were made at. */
function book(society: Society, community: Community, out: Float64Array): void {
  const o = community.id * EXCHANGE_OUT.stride;
  for (let g = 0; g < 2; g++) {
    const traded = Math.min(out[o + EXCHANGE_OUT.supply + g]!, out[o + EXCHANGE_OUT.demand + g]!);
    society.counters.tradeVolume += traded * out[o + EXCHANGE_OUT.price + g]!;
  }
  const sold = community.collective.manufactures * out[o + EXCHANGE_OUT.sold + 1]!;
  const bought = out[o + EXCHANGE_OUT.investment]! * out[o + EXCHANGE_OUT.bought + 1]!;
  settleCollective(society, community, sold, bought, out[o + EXCHANGE_OUT.price + 1]!);
}

function settleCollective(society: Society, community: Community, sold: number, bought: number, price: number): void {
  const collective = community.collective;
  collective.manufactures -= sold;
  collective.capital += bought;
  collective.credit += (sold - bought) * price;
  const limit = 1.5 * society.params.capitalPerWorker * price * Math.max(1, community.population);
  if (collective.credit < -limit) {
    // A default: the excess is written off. Under interest-bearing investment the investors
    // (proprietors) bear the loss; otherwise the union's reserve (the fund) absorbs it.
    const written = -limit - collective.credit;
    collective.credit += written;
    if (society.params.capital !== 'interest' || !chargeInvestors(society, community, written)) community.fund.credit -= written;
    society.counters.loanDefaults++;
    society.events.log(society.steps + 1, 'loan_default', { community: community.id, amount: written });
  }
}

function chargeInvestors(society: Society, community: Community, loss: number): boolean {
  const { people, members } = society;
  const { proprietor, credit } = people.cols;
  let investors = 0;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) investors += proprietor[members.rows[k]!]!;
  if (investors === 0) return false;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    if (proprietor[row]) credit[row]! -= loss / investors;
  }
  return true;
}
