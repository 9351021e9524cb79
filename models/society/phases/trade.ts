import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { ORDERS } from '../kernels/exchange.js';
import { DELIVERIES, SELLING } from '../kernels/exchange-trade.js';
import type { Society } from '../society.js';
import { transitFactor } from '../services/effects.js';

type Good = 'food' | 'manufactures';
const GOODS: Good[] = ['food', 'manufactures'];

/**
 * Trade between communities: each community, in index order, buys what its members still
 * lack from its nearest partners' unsold offers, at the seller's price plus transport
 * (a share of the goods is lost on the way, more with distance). Buyers will pay up to a
 * quarter above their own posted price. Payment crosses unions through their clearing
 * accounts, so each union's balances still sum to zero. Crosses communities: fixed order.
 * The deals need only community totals, so they are struck here; the members' side of each
 * (kernels/exchange-trade.ts) follows, community by community, in the order struck.
 */
export const trade: NamedPhase<Society> = {
  name: 'trade',
  run(society) {
    if (!society.params.markets) return;
    const communities = society.communities;
    deals.count = 0;
    const open = openOrders(communities);
    for (let b = 0; b < communities.length; b++) {
      // Most communities want nothing more (tradePair would return at once): their partners are not read.
      if (open[b * OPEN.stride + OPEN.unmet]! <= MIN_ORDER && open[b * OPEN.stride + OPEN.unmet + 1]! <= MIN_ORDER) continue;
      const buyer = communities[b]!;
      const partners = buyer.partners;
      for (let i = 0; i < partners.length; i++) {
        const s = partners[i]!;
        for (let g = 0; g < GOODS.length; g++) {
          if (open[b * OPEN.stride + OPEN.unmet + g]! <= MIN_ORDER || open[s * OPEN.stride + OPEN.unsold + g]! <= MIN_ORDER) continue;
          const seller = communities[s]!;
          tradePair(society, buyer, seller, g);
          open[b * OPEN.stride + OPEN.unmet + g] = (g === 0 ? buyer.food : buyer.manufactures).unmet;
          open[s * OPEN.stride + OPEN.unsold + g] = (g === 0 ? seller.food : seller.manufactures).unsold;
        }
      }
    }
    deliver(society);
  },
};

/** Below this, an unmet want or an unsold offer counts as none. */
const MIN_ORDER = 1e-9;

/** Per community: unmet wants, then unsold offers, by good (food, manufactures): copies of the markets' own, kept current. */
const OPEN = { stride: 4, unmet: 0, unsold: 2 } as const;
let openScratch = new Float64Array(0);

/** Each community's open orders, read in one pass in community order (the markets' objects lie all over the heap). */
function openOrders(communities: readonly Community[]): Float64Array {
  const n = communities.length;
  if (openScratch.length < n * OPEN.stride) openScratch = new Float64Array(Math.ceil(n * 1.25) * OPEN.stride);
  for (let c = 0; c < n; c++) {
    const { food, manufactures } = communities[c]!;
    const o = c * OPEN.stride;
    openScratch[o + OPEN.unmet] = food.unmet;
    openScratch[o + OPEN.unmet + 1] = manufactures.unmet;
    openScratch[o + OPEN.unsold] = food.unsold;
    openScratch[o + OPEN.unsold + 1] = manufactures.unsold;
  }
  return openScratch;
}

/** The deliveries struck this month, in order: community, kind (good, selling or not), share, price. */
const deals = { count: 0, community: new Int32Array(64), kind: new Uint8Array(64), share: new Float64Array(64), price: new Float64Array(64) };

function addDelivery(community: number, kind: number, share: number, price: number): void {
  if (deals.count === deals.community.length) growDeals(deals.count * 2);
  const d = deals.count++;
  deals.community[d] = community;
  deals.kind[d] = kind;
  deals.share[d] = share;
  deals.price[d] = price;
}

function growDeals(size: number): void {
  const grow = <T extends Int32Array | Uint8Array | Float64Array>(old: T, next: T): T => (next.set(old), next);
  deals.community = grow(deals.community, new Int32Array(size));
  deals.kind = grow(deals.kind, new Uint8Array(size));
  deals.share = grow(deals.share, new Float64Array(size));
  deals.price = grow(deals.price, new Float64Array(size));
}

function tradePair(society: Society, buyer: Community, seller: Community, g: number): void {
  // Each good's market by a plain field read: a key chosen at run time reads far slower.
  const wanted = g === 0 ? buyer.food : buyer.manufactures;
  const offered = g === 0 ? seller.food : seller.manufactures;
  const want = wanted.unmet;
  const offer = offered.unsold;
  if (want <= MIN_ORDER || offer <= MIN_ORDER) return;
  const distance = Math.hypot(buyer.x - seller.x, buyer.y - seller.y);
  const loss = Math.min(0.9, (society.params.transportCost * distance * transitFactor(society, buyer.id, seller.id)) / 10);
  const deliveredPrice = offered.price / (1 - loss);
  if (deliveredPrice > 1.25 * wanted.price) return;
  const shipped = Math.min(offer, want / (1 - loss));
  const delivered = shipped * (1 - loss);
  const value = shipped * offered.price;
  addDelivery(seller.id, g + SELLING, shipped / offer, offered.price);
  addDelivery(buyer.id, g, delivered / want, deliveredPrice);
  offered.unsold -= shipped;
  wanted.unmet -= delivered;
  seller.clearing -= value;
  buyer.clearing += value;
  society.ledger.sink(GOODS[g]!, 'transport', shipped - delivered);
  society.counters.tradeVolume += value;
}

/** Sorts the deliveries by community (keeping their order within each) and has the kernel apply them. */
function deliver(society: Society): void {
  const { shards, communities, members } = society;
  const count = communities.length;
  const n = deals.count;
  if (n === 0) return;
  const start = shards.array(DELIVERIES.start, Int32Array, count + 1);
  const kind = shards.array(DELIVERIES.kind, Uint8Array, n);
  const share = shards.array(DELIVERIES.share, Float64Array, n);
  const price = shards.array(DELIVERIES.price, Float64Array, n);
  start.fill(0, 0, count + 1);
  for (let d = 0; d < n; d++) start[deals.community[d]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  cursor = cursor.length >= count ? cursor : new Int32Array(Math.ceil(count * 1.25));
  cursor.set(start.subarray(0, count));
  for (let d = 0; d < n; d++) {
    const at = cursor[deals.community[d]!]!++;
    kind[at] = deals.kind[d]!;
    share[at] = deals.share[d]!;
    price[at] = deals.price[d]!;
  }
  const total = members.start[count]!;
  for (const name of ORDERS) shards.array(name, Float64Array, total);
  shards.run('trade.deliver', count, members.start);
}

/** Where the next delivery of each community goes while sorting. */
let cursor = new Int32Array(0);
