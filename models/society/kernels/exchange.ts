import type { Kernel, KernelScope } from '../../../sim/index.js';
import { closureKernel } from '../../../sim/index.js';
import { accountView } from './account-view.js';
import { marketView } from './market-view.js';
import { personColumns, personView } from './person-view.js';
import type { SocietyParams } from '../params.js';

/**
 * The market inside each community, one community at a time (phases/exchange.ts books the
 * counters and logs the defaults): members' orders, the collective's investment order, the
 * matched shares, each member's settlement, then what is left unmatched and the new prices
 * (in the markets' columns) and the collective's sale, purchase and any default (in the
 * accounts' columns). No randomness.
 */

/**
 * exchange.out, per community: supply and demand per good (the collective's included), matched shares, the investment
 * order, the prices the month's trades were made at (the kernel then reprices the markets), and the collective's loan
 * written off (0: none; the kernel books the collective, the fund and the investors).
 */
export const EXCHANGE_OUT = { stride: 12, supply: 0, demand: 2, sold: 4, bought: 6, investment: 8, price: 9, writtenOff: 11 } as const;

/**
 * Each member's open order per good this month, per member position k (as in
 * `members.rows[k]`): what they still want to buy (positive) or, negated, what they still offer
 * to sell. No member both wants and offers the same good (an offer is what is held beyond the
 * target, a want what falls short of it), so one signed number per good holds both sides and
 * the market's books cost 16 bytes a member, not 32. The kernel writes them for every member,
 * `trade` reads and draws them down, both walking members in order. Valid from `exchange` to
 * `trade` (no member moves in between). Named in a list, not an object keyed food/manufactures:
 * an object of strings under those two keys would share its hidden class with the budgets' and
 * hours' goods, and V8 would then box every number stored in those.
 */
export const ORDERS = ['exchange.orderFood', 'exchange.orderManufactures'] as const;

/** Share of a collective's capital shortfall its credit union funds each month. */
const UNION_PACE = 0.1;

/** The person columns and the market's open orders, typed (trade's deliveries read them too). */
export function ordersView(scope: KernelScope) {
  const a = scope.arrays;
  return Object.assign(personView(scope), {
    orderFood: a[ORDERS[0]] as Float64Array,
    orderManufactures: a[ORDERS[1]] as Float64Array,
  });
}

/** Orders, matching (the short side served in full, the long side pro rata) and settlement. */
export const exchangeMarket: Kernel = closureKernel('exchange.market', [], { EXCHANGE_OUT, ORDERS, UNION_PACE, marketView, accountView, personColumns }, (arrays, lib) => {
  const OUT = lib.EXCHANGE_OUT;
  const v = Object.assign(lib.personColumns(arrays), { orderFood: arrays[lib.ORDERS[0]] as Float64Array, orderManufactures: arrays[lib.ORDERS[1]] as Float64Array });
  // The arrays indexed by community are replaced as communities are founded: these are set at each call.
  let markets = undefined as unknown as ReturnType<typeof lib.marketView>;
  let accounts = undefined as unknown as ReturnType<typeof lib.accountView>;
  /** The members' bucket bounds, read from the scope at each call (they are rebuilt most months). */
  let start: Int32Array = new Int32Array(0);

  /**
   * The collective's sale and purchase at the month's price, on its union account. Past its credit
   * limit the excess is written off: under interest-bearing investment the investors (proprietors)
   * bear the loss, otherwise the union's reserve (the fund) absorbs it.
   */
  function settleCollective(p: SocietyParams, c: number, price: number, out: Float64Array, o: number): void {
    const sold = accounts.stock[c]! * out[o + OUT.sold + 1]!;
    const bought = out[o + OUT.investment]! * out[o + OUT.bought + 1]!;
    accounts.stock[c]! -= sold;
    accounts.capital[c]! += bought;
    accounts.loan[c]! += (sold - bought) * price;
    // The community's population is its members' count at this point of the month.
    const limit = 1.5 * p.capitalPerWorker * price * Math.max(1, start[c + 1]! - start[c]!);
    out[o + OUT.writtenOff] = 0;
    if (accounts.loan[c]! < -limit) {
      const written = -limit - accounts.loan[c]!;
      accounts.loan[c]! += written;
      if (p.capital !== 'interest' || !chargeInvestors(c, written)) accounts.credit[2 * c]! -= written;
      out[o + OUT.writtenOff] = written;
    }
  }

  /** The loss shared by the community's proprietors, from their credit; false (nothing charged) when it has none. */
  function chargeInvestors(c: number, loss: number): boolean {
    const { proprietor, credit, rows } = v;
    const from = start[c]!;
    const to = start[c + 1]!;
    let investors = 0;
    for (let k = from; k < to; k++) investors += proprietor[rows[k]!]!;
    if (investors === 0) return false;
    for (let k = from; k < to; k++) {
      const row = rows[k]!;
      if (proprietor[row]) credit[row]! -= loss / investors;
    }
    return true;
  }

  /**
   * What is left unmatched for trade between communities (the collective's unsold stock and
   * unfunded investment are its own, not the market's), and each good's new price: the markup
   * moves by the rate times the excess demand's share of the larger side, within [0.33, 3].
   */
  function leaveForTrade(c: number, rate: number, offeredByCollective: number, out: Float64Array, o: number): void {
    const investment = out[o + OUT.investment]!;
    for (let g = 0; g < 2; g++) {
      const slot = 2 * c + g;
      const supply = out[o + OUT.supply + g]!;
      const demand = out[o + OUT.demand + g]!;
      const traded = Math.min(supply, demand);
      markets.unmet[slot] = (demand - traded) - (g === 1 ? investment * (1 - out[o + OUT.bought + 1]!) : 0);
      markets.unsold[slot] = (supply - traded) - (g === 1 ? offeredByCollective * (1 - out[o + OUT.sold + 1]!) : 0);
      const scale = Math.max(supply, demand);
      const z = scale > 0 ? (demand - supply) / scale : 0;
      markets.markup[slot] = Math.min(3, Math.max(0.33, markets.markup[slot]! * (1 + rate * z)));
      markets.price[slot] = markets.labourCost[slot]! * markets.markup[slot]!;
    }
  }

  /** Each member's offers and wants; writes the members' supply and demand, returns the manufacturing labour. */
  function collectOrders(p: SocietyParams, c: number, priceFood: number, priceManufactures: number, out: Float64Array, o: number): number {
    const { age, sector, effort, dependants, food, manufactures, credit, rows, orderFood, orderManufactures } = v;
    const { adultAge, retirementAge, foodNeed, foodBuffer, creditFloor } = p;
    const manufacturesWanted = p.manufacturesTarget;
    let supplyFood = 0, supplyManufactures = 0, demandFood = 0, demandManufactures = 0, manufacturingLabour = 0;
    const end = start[c + 1]!;
    for (let k = start[c]!; k < end; k++) {
      const row = rows[k]!;
      const years = age[row]!;
      const ae = years < adultAge ? 0.5 : 1;
      const worker = years >= adultAge && years < retirementAge;
      if (worker && sector[row] === 1) manufacturingLabour += effort[row]!;
      // Carers buy for the dependants they feed; dependants may not borrow.
      const foodTarget = foodNeed * (ae + dependants[row]!) * (1 + foodBuffer);
      const manufacturesTarget = manufacturesWanted * ae;
      const heldFood = food[row]!;
      const heldManufactures = manufactures[row]!;
      const offerF = Math.max(0, heldFood - foodTarget);
      const offerM = Math.max(0, heldManufactures - manufacturesTarget);
      let spendable = Math.max(0, credit[row]! + (worker ? creditFloor : 0)) + priceFood * offerF + priceManufactures * offerM;
      const wantF = Math.min(Math.max(0, foodTarget - heldFood), spendable / priceFood);
      // Never below nothing: rounding may leave a hair under zero, and a want is never negative.
      spendable = Math.max(0, spendable - wantF * priceFood);
      const wantM = Math.min(Math.max(0, manufacturesTarget - heldManufactures), spendable / priceManufactures);
      orderFood[k] = offerF > 0 ? -offerF : wantF;
      orderManufactures[k] = offerM > 0 ? -offerM : wantM;
      supplyFood += offerF;
      supplyManufactures += offerM;
      demandFood += wantF;
      demandManufactures += wantM;
    }
    out[o + OUT.supply] = supplyFood;
    out[o + OUT.supply + 1] = supplyManufactures;
    out[o + OUT.demand] = demandFood;
    out[o + OUT.demand + 1] = demandManufactures;
    return manufacturingLabour;
  }

  /** What the collective asks its union (or investors) for: a part of its capital shortfall, within its credit room. */
  function investmentOrder(p: SocietyParams, manufacturingLabour: number, price: number, capital: number, credit: number): number {
    const target = p.capitalPerWorker * manufacturingLabour;
    const gap = Math.max(0, target - capital);
    // The union lends up to the value of the target equipment; outside investors, pooling
    // savings from beyond the union, close the shortfall at their own pace.
    const room = Math.max(0, target * price + credit);
    const pace = p.capital === 'interest' ? p.investorPace : lib.UNION_PACE;
    return Math.min(pace * gap, room / price);
  }

  /** Each member gets the matched part of their orders, paid in credit; what is left waits for trade. */
  function settleOrders(c: number, priceFood: number, priceManufactures: number, out: Float64Array, o: number): void {
    const { food, manufactures, credit, rows, orderFood, orderManufactures } = v;
    const soldFood = out[o + OUT.sold]!;
    const soldManufactures = out[o + OUT.sold + 1]!;
    const boughtFood = out[o + OUT.bought]!;
    const boughtManufactures = out[o + OUT.bought + 1]!;
    const end = start[c + 1]!;
    for (let k = start[c]!; k < end; k++) {
      const row = rows[k]!;
      const openFood = orderFood[k]!;
      const openManufactures = orderManufactures[k]!;
      const wantF = openFood > 0 ? openFood : 0;
      const offerF = openFood < 0 ? -openFood : 0;
      const wantM = openManufactures > 0 ? openManufactures : 0;
      const offerM = openManufactures < 0 ? -openManufactures : 0;
      const netFood = wantF * boughtFood - offerF * soldFood;
      const netManufactures = wantM * boughtManufactures - offerM * soldManufactures;
      food[row]! += netFood;
      manufactures[row]! += netManufactures;
      credit[row]! -= netFood * priceFood + netManufactures * priceManufactures;
      // What is left of each side (the other side is nothing).
      orderFood[k] = offerF > 0 ? -(offerF * (1 - soldFood)) : wantF * (1 - boughtFood);
      orderManufactures[k] = offerM > 0 ? -(offerM * (1 - soldManufactures)) : wantM * (1 - boughtManufactures);
    }
  }

  return (scope, c) => {
    const p = scope.params as unknown as SocietyParams;
    start = scope.arrays['members.start'] as Int32Array;
    markets = lib.marketView(scope);
    accounts = lib.accountView(scope);
    const out = scope.arrays['exchange.out'] as Float64Array;
    const o = c * OUT.stride;
    const priceFood = markets.price[2 * c]!;
    const priceManufactures = markets.price[2 * c + 1]!;
    out[o + OUT.price] = priceFood;
    out[o + OUT.price + 1] = priceManufactures;
    const manufacturingLabour = collectOrders(p, c, priceFood, priceManufactures, out, o);
    const investment = investmentOrder(p, manufacturingLabour, priceManufactures, accounts.capital[c]!, accounts.loan[c]!);
    out[o + OUT.supply + 1]! += accounts.stock[c]!;
    out[o + OUT.demand + 1]! += investment;
    out[o + OUT.investment] = investment;
    for (let g = 0; g < 2; g++) {
      const supply = out[o + OUT.supply + g]!;
      const demand = out[o + OUT.demand + g]!;
      const traded = Math.min(supply, demand);
      out[o + OUT.sold + g] = supply > 0 ? traded / supply : 0;
      out[o + OUT.bought + g] = demand > 0 ? traded / demand : 0;
    }
    settleOrders(c, priceFood, priceManufactures, out, o);
    leaveForTrade(c, p.priceAdjustment, accounts.stock[c]!, out, o);
    settleCollective(p, c, priceManufactures, out, o);
  };
});
