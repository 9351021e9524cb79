import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { ordersView } from './exchange.js';

/**
 * Trade's per-person work, one community at a time. Which communities trade, and how much,
 * is decided on the calling thread from each community's unmet and unsold totals alone
 * (phases/trade.ts); each deal becomes a delivery for the seller's members (a share of every
 * offer, paid at the seller's price) and one for the buyer's (a share of every want, paid at
 * the delivered price). This kernel applies a community's deliveries in the order they were
 * agreed, so every member sees the same operations, in the same order, as when each deal was
 * applied on the spot.
 */

/** trade.deliveries: `start` per community (length count + 1), then per delivery its kind, share and price. */
export const DELIVERIES = {
  start: 'trade.deliveryStart',
  kind: 'trade.deliveryKind',
  share: 'trade.deliveryShare',
  price: 'trade.deliveryPrice',
} as const;

/** A delivery's kind: the good (0 food, 1 manufactures) plus SELLING when members give up offers (else they receive what they wanted). */
export const SELLING = 2;

/** The columns, the open orders and the month's deliveries, typed. */
function buildView(scope: KernelScope) {
  const a = scope.arrays;
  return Object.assign(ordersView(scope), {
    kind: a[DELIVERIES.kind] as Uint8Array,
    share: a[DELIVERIES.share] as Float64Array,
    price: a[DELIVERIES.price] as Float64Array,
  });
}

/** The view, rebuilt only when the scope's arrays were replaced. */
const view = cachedView(buildView);

/** A community's deliveries, in the order agreed. */
export const tradeDeliver: Kernel = {
  name: 'trade.deliver',
  streams: [],
  run(scope, c) {
    const deliveryStart = scope.arrays[DELIVERIES.start] as Int32Array;
    const first = deliveryStart[c]!;
    const last = deliveryStart[c + 1]!;
    // Most communities strike no deal in a month: nothing else to look up.
    if (first === last) return;
    const v = view(scope);
    for (let d = first; d < last; d++) {
      const kind = v.kind[d]!;
      const food = (kind & 1) === 0;
      const holding = food ? v.food : v.manufactures;
      const orders = food ? v.orderFood : v.orderManufactures;
      if (kind & SELLING) sell(v, c, holding, orders, v.share[d]!, v.price[d]!);
      else receive(v, c, holding, orders, v.share[d]!, v.price[d]!);
    }
  },
};

type TradeView = ReturnType<typeof view>;

/** Each member gives up `share` of their offer (a negative order) and is credited at the seller's price. */
function sell(v: TradeView, c: number, holding: Float64Array, orders: Float64Array, share: number, price: number): void {
  const { rows, credit } = v;
  const end = v.start[c + 1]!;
  for (let k = v.start[c]!; k < end; k++) {
    const open = orders[k]!;
    if (open >= 0) continue;
    const amount = -open * share;
    if (amount <= 0) continue;
    const row = rows[k]!;
    holding[row]! -= amount;
    // −(offer − amount), exactly: rounding is symmetric about zero.
    orders[k] = open + amount;
    credit[row]! += amount * price;
  }
}

/** Each member receives `share` of what they still wanted (a positive order) and pays the delivered price. */
function receive(v: TradeView, c: number, holding: Float64Array, orders: Float64Array, share: number, price: number): void {
  const { rows, credit } = v;
  const end = v.start[c + 1]!;
  for (let k = v.start[c]!; k < end; k++) {
    const open = orders[k]!;
    if (open <= 0) continue;
    const amount = open * share;
    if (amount <= 0) continue;
    const row = rows[k]!;
    holding[row]! += amount;
    orders[k] = open - amount;
    credit[row]! -= amount * price;
  }
}
