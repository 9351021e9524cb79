import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
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
 */
export const trade: NamedPhase<Society> = {
  name: 'trade',
  run(society) {
    if (!society.params.markets) return;
    for (const buyer of society.communities) {
      for (const partner of buyer.partners) {
        for (const good of GOODS) tradePair(society, buyer, society.communities[partner]!, good);
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
  const offers = good === 'food' ? cols.offerFood : cols.offerManufactures;
  const price = community[good].price;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    const amount = offers[row]! * share;
    if (amount <= 0) continue;
    holding[row]! -= amount;
    offers[row]! -= amount;
    cols.credit[row]! += amount * price;
  }
}

function giveToBuyers(society: Society, community: Community, good: Good, share: number, price: number): void {
  const { people, members } = society;
  const cols = people.cols;
  const holding = good === 'food' ? cols.food : cols.manufactures;
  const wants = good === 'food' ? cols.wantFood : cols.wantManufactures;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    const amount = wants[row]! * share;
    if (amount <= 0) continue;
    holding[row]! += amount;
    wants[row]! -= amount;
    cols.credit[row]! -= amount * price;
  }
}
