import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import type { Society } from '../society.js';
import { transitFactor } from '../services/effects.js';
import { orders } from './market-orders.js';

type Good = 'food' | 'manufactures';
const GOODS: Good[] = ['food', 'manufactures'];

/**
 * Trade between communities: each community, in index order, buys what its members still
 * lack from its nearest partners' unsold offers, at the seller's price plus transport
 * (a share of the goods is lost on the way, more with distance). Buyers will pay up to a
 * quarter above their own posted price. Payment crosses unions through their clearing
 * accounts, so each union's balances still sum to zero. Crosses communities: fixed order.
 */
export const trade: NamedPhase<Society> = {
  name: 'trade',
  run(society) {
    if (!society.params.markets) return;
    const communities = society.communities;
    for (let b = 0; b < communities.length; b++) {
      const buyer = communities[b]!;
      const partners = buyer.partners;
      for (let i = 0; i < partners.length; i++) {
        const seller = communities[partners[i]!]!;
        for (let g = 0; g < GOODS.length; g++) tradePair(society, buyer, seller, GOODS[g]!);
      }
    }
  },
};

function tradePair(society: Society, buyer: Community, seller: Community, good: Good): void {
  const want = buyer[good].unmet;
  const offer = seller[good].unsold;
  if (want <= 1e-9 || offer <= 1e-9) return;
  const distance = Math.hypot(buyer.x - seller.x, buyer.y - seller.y);
  const loss = Math.min(0.9, (society.params.transportCost * distance * transitFactor(society, buyer.id, seller.id)) / 10);
  const deliveredPrice = seller[good].price / (1 - loss);
  if (deliveredPrice > 1.25 * buyer[good].price) return;
  const shipped = Math.min(offer, want / (1 - loss));
  const delivered = shipped * (1 - loss);
  const value = shipped * seller[good].price;
  takeFromSellers(society, seller, good, shipped / offer);
  giveToBuyers(society, buyer, good, delivered / want, deliveredPrice);
  seller[good].unsold -= shipped;
  buyer[good].unmet -= delivered;
  seller.clearing -= value;
  buyer.clearing += value;
  society.ledger.sink(good, 'transport', shipped - delivered);
  society.counters.tradeVolume += value;
}

function takeFromSellers(society: Society, community: Community, good: Good, share: number): void {
  const { people, members } = society;
  const cols = people.cols;
  const holding = good === 'food' ? cols.food : cols.manufactures;
  const offers = good === 'food' ? orders.offerFood : orders.offerManufactures;
  const credit = cols.credit;
  const price = community[good].price;
  const rows = members.rows;
  const end = members.start[community.id + 1]!;
  for (let k = members.start[community.id]!; k < end; k++) {
    const row = rows[k]!;
    const amount = offers[k]! * share;
    if (amount <= 0) continue;
    holding[row]! -= amount;
    offers[k]! -= amount;
    credit[row]! += amount * price;
  }
}

function giveToBuyers(society: Society, community: Community, good: Good, share: number, price: number): void {
  const { people, members } = society;
  const cols = people.cols;
  const holding = good === 'food' ? cols.food : cols.manufactures;
  const wants = good === 'food' ? orders.wantFood : orders.wantManufactures;
  const credit = cols.credit;
  const rows = members.rows;
  const end = members.start[community.id + 1]!;
  for (let k = members.start[community.id]!; k < end; k++) {
    const row = rows[k]!;
    const amount = wants[k]! * share;
    if (amount <= 0) continue;
    holding[row]! += amount;
    wants[k]! -= amount;
    credit[row]! -= amount * price;
  }
}
