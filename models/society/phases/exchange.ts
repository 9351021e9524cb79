import type { NamedPhase } from '../../../sim/index.js';
import type { Community, Market } from '../communities/community.js';
import type { Society } from '../society.js';
import { ensureOrders, orders } from './market-orders.js';

const supply = new Float64Array(2);
const demand = new Float64Array(2);

/**
 * The market inside each community. Members offer what they hold beyond their targets and
 * ask for what they lack, within their credit (down to the floor) plus their sales; the
 * collective sells its retained output and buys equipment on credit from its union. The
 * short side is served in full, the long side rationed pro rata. Payment in mutual
 * credit (labour-hours). Prices: labour cost × markup, the markup moving by λ·z. What is
 * left unmatched waits for trade between communities. No randomness.
 */
export const exchange: NamedPhase<Society> = {
  name: 'exchange',
  run(society) {
    if (!society.params.markets) return;
    ensureOrders(society.members.start[society.communities.length]!);
    for (const community of society.communities) exchangeIn(society, community);
  },
};

/** This community's matched shares: of each good offered, the part sold; of each asked, the part bought. */
const sold = new Float64Array(2);
const bought = new Float64Array(2);

function exchangeIn(society: Society, community: Community): void {
  const investment = collectOrders(society, community);
  const offeredByCollective = community.collective.manufactures;
  supply[1]! += offeredByCollective;
  demand[1]! += investment;
  for (let g = 0; g < 2; g++) {
    const traded = Math.min(supply[g]!, demand[g]!);
    sold[g] = supply[g]! > 0 ? traded / supply[g]! : 0;
    bought[g] = demand[g]! > 0 ? traded / demand[g]! : 0;
    society.counters.tradeVolume += traded * (g === 0 ? community.food : community.manufactures).price;
  }
  settleOrders(society, community);
  settleCollective(society, community, offeredByCollective * sold[1]!, investment * bought[1]!);
  for (let g = 0; g < 2; g++) {
    const market = g === 0 ? community.food : community.manufactures;
    const traded = Math.min(supply[g]!, demand[g]!);
    market.unmet = (demand[g]! - traded) - (g === 1 ? investment * (1 - bought[1]!) : 0);
    market.unsold = (supply[g]! - traded) - (g === 1 ? offeredByCollective * (1 - sold[1]!) : 0);
    reprice(market, supply[g]!, demand[g]!, society.params.priceAdjustment);
  }
}

function collectOrders(society: Society, community: Community): number {
  const { people, members, params: p } = society;
  const { age, sector, effort, dependants, food, manufactures, credit } = people.cols;
  const { offerFood, offerManufactures, wantFood, wantManufactures } = orders;
  const { adultAge, retirementAge, foodNeed, foodBuffer, creditFloor } = p;
  const manufacturesWanted = p.manufacturesTarget;
  const rows = members.rows;
  const priceFood = community.food.price;
  const priceManufactures = community.manufactures.price;
  let supplyFood = 0, supplyManufactures = 0, demandFood = 0, demandManufactures = 0, manufacturingLabour = 0;
  const end = members.start[community.id + 1]!;
  for (let k = members.start[community.id]!; k < end; k++) {
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
    spendable -= wantF * priceFood;
    const wantM = Math.min(Math.max(0, manufacturesTarget - heldManufactures), spendable / priceManufactures);
    offerFood[k] = offerF;
    offerManufactures[k] = offerM;
    wantFood[k] = wantF;
    wantManufactures[k] = wantM;
    supplyFood += offerF;
    supplyManufactures += offerM;
    demandFood += wantF;
    demandManufactures += wantM;
  }
  supply[0] = supplyFood;
  supply[1] = supplyManufactures;
  demand[0] = demandFood;
  demand[1] = demandManufactures;
  return investmentOrder(society, community, manufacturingLabour);
}

/** Share of a collective's capital shortfall its credit union funds each month. */
const UNION_PACE = 0.1;

function investmentOrder(society: Society, community: Community, manufacturingLabour: number): number {
  const p = society.params;
  const target = p.capitalPerWorker * manufacturingLabour;
  const gap = Math.max(0, target - community.collective.capital);
  // The union lends up to the value of the target equipment; outside investors, pooling
  // savings from beyond the union, close the shortfall at their own pace.
  const room = Math.max(0, target * community.manufactures.price + community.collective.credit);
  const pace = p.capital === 'interest' ? p.investorPace : UNION_PACE;
  return Math.min(pace * gap, room / community.manufactures.price);
}

function settleOrders(society: Society, community: Community): void {
  const { people, members } = society;
  const { food, manufactures, credit } = people.cols;
  const { offerFood, offerManufactures, wantFood, wantManufactures } = orders;
  const priceFood = community.food.price;
  const priceManufactures = community.manufactures.price;
  const boughtFood = bought[0]!;
  const boughtManufactures = bought[1]!;
  const soldFood = sold[0]!;
  const soldManufactures = sold[1]!;
  const rows = members.rows;
  const end = members.start[community.id + 1]!;
  for (let k = members.start[community.id]!; k < end; k++) {
    const row = rows[k]!;
    const wantF = wantFood[k]!;
    const offerF = offerFood[k]!;
    const wantM = wantManufactures[k]!;
    const offerM = offerManufactures[k]!;
    const netFood = wantF * boughtFood - offerF * soldFood;
    const netManufactures = wantM * boughtManufactures - offerM * soldManufactures;
    food[row]! += netFood;
    manufactures[row]! += netManufactures;
    credit[row]! -= netFood * priceFood + netManufactures * priceManufactures;
    wantFood[k] = wantF * (1 - boughtFood);
    offerFood[k] = offerF * (1 - soldFood);
    wantManufactures[k] = wantM * (1 - boughtManufactures);
    offerManufactures[k] = offerM * (1 - soldManufactures);
  }
}

function settleCollective(society: Society, community: Community, sold: number, bought: number): void {
  const collective = community.collective;
  const price = community.manufactures.price;
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

function reprice(market: Market, supplied: number, demanded: number, rate: number): void {
  const scale = Math.max(supplied, demanded);
  const z = scale > 0 ? (demanded - supplied) / scale : 0;
  market.markup = Math.min(3, Math.max(0.33, market.markup * (1 + rate * z)));
  market.price = market.labourCost * market.markup;
}
