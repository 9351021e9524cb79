// The economy's phases and metrics as first written (one pass over the members per step of
// the rule, fresh arrays per call). Kept as the reference the tuned code must match bit for bit.
import type { Community, Market } from '../../../../models/society/communities/community.js';
import { ownersPart, utility } from '../../../../models/society/economy/effort.js';
import { carerOf } from '../../../../models/society/people/care.js';
import { adultEquivalent } from '../../../../models/society/people/people.js';
import { transitFactor } from '../../../../models/society/services/effects.js';
import type { Society } from '../../../../models/society/society.js';


const pool = new Float64Array(2);
const owners = new Float64Array(2);

/**
 * Each output pays, in order: tax (central budget on), the fund's rate, rent (food, under
 * landlords), the owners' cut (wage labour), the collective's retained share
 * (manufactures); of the rest, the sharing share τ is pooled and given out by need (food
 * tops everyone up to the need, then all goods split per adult-equivalent), the remainder
 * kept. Then the fund pays a share of its food to members short of food, and collectives
 * pay interest where interest-bearing capital is on. Transfers only. No randomness.
 */
/** Scratch the original phases kept in person columns the model no longer has, one slot per table row. */
const SCRATCH = ['foodIncome', 'manufacturesIncome', 'wantFood', 'offerFood', 'wantManufactures', 'offerManufactures'] as const;
type ReferenceCols = Society['people']['cols'] & Record<(typeof SCRATCH)[number], Float64Array> & { carerRow: Int32Array };
const scratch = new WeakMap<object, ReferenceCols>();

/** The person columns plus the reference's own scratch columns (grown with the table, kept per table). */
function colsOf(people: Society['people']): ReferenceCols {
  let cols = scratch.get(people);
  if (!cols || cols.carerRow.length < people.allocated || cols.age !== people.cols.age) {
    const extra: Record<string, Float64Array | Int32Array> = { carerRow: grow(cols?.carerRow, new Int32Array(people.allocated)) };
    for (const name of SCRATCH) extra[name] = grow(cols?.[name], new Float64Array(people.allocated));
    cols = Object.assign({}, people.cols, extra) as ReferenceCols;
    scratch.set(people, cols);
  }
  return cols;
}

function grow<T extends Float64Array | Int32Array>(old: T | undefined, next: T): T {
  if (old) next.set(old.subarray(0, Math.min(old.length, next.length)));
  return next;
}

export function referenceDistribute(society: Society): void {
  for (const community of society.communities) distributeIn(society, community);
}

function distributeIn(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const cols = colsOf(people);
  const { age, output, proprietor, foodIncome, manufacturesIncome } = cols;
  const c = community.id;
  pool[0] = pool[1] = owners[0] = owners[1] = 0;
  let proprietors = 0;
  let adultEquivalents = 0;
  const cuts = resetCuts(society, community);
  for (let k = members.start[c]!; k < members.start[c + 1]!; k++) {
    const row = members.rows[k]!;
    foodIncome[row] = 0;
    manufacturesIncome[row] = 0;
    proprietors += proprietor[row]!;
    adultEquivalents += age[row]! < p.adultAge ? 0.5 : 1;
    const out = output[row]!;
    if (out > 0) splitOutput(cols, row, out, cuts);
  }
  settleCuts(society, community, cuts);
  payOwners(society, community, proprietors);
  shareByNeed(society, community, adultEquivalents);
  settleIncome(society, community);
  payFromFund(society, community);
  if (p.capital === 'interest') payInterest(society, community, proprietors);
  countDependants(society, community);
}

/** One community's rates for the month, resolved once, and what the cuts added up to. */
const cuts = {
  tax: 0,
  fund: 0,
  /** Rent and the owners' whole part, per sector (rent ≤ owners). */
  rent: new Float64Array(2),
  owners: new Float64Array(2),
  retained: 0,
  sharing: 0,
  taxed: new Float64Array(2),
  funded: new Float64Array(2),
  rentPaid: 0,
  /** Owners' part beyond rent, per sector. */
  profit: new Float64Array(2),
  retainedTotal: 0,
};

function resetCuts(society: Society, community: Community): typeof cuts {
  const p = society.params;
  cuts.tax = p.centralBudget ? p.taxRate : 0;
  cuts.fund = community.policy.commonsRate;
  cuts.rent[0] = p.landTenure === 'landlords' ? p.rentShare : 0;
  cuts.owners[0] = ownersPart(p, 0);
  cuts.owners[1] = ownersPart(p, 1);
  cuts.retained = p.retainedShare;
  cuts.sharing = community.policy.sharing;
  cuts.taxed.fill(0);
  cuts.funded.fill(0);
  cuts.profit.fill(0);
  cuts.rentPaid = 0;
  cuts.retainedTotal = 0;
  return cuts;
}

function splitOutput(cols: ReferenceCols, row: number, out: number, cut: typeof cuts): void {
  const sector = cols.sector[row]!;
  const tax = cut.tax * out;
  cut.taxed[sector]! += tax;
  const toFund = cut.fund * (out - tax);
  cut.funded[sector]! += toFund;
  let rest = out - tax - toFund;
  if (cols.proprietor[row] === 0 && cut.owners[sector]! > 0) {
    const rent = cut.rent[sector]! * rest;
    const taken = cut.owners[sector]! * rest;
    owners[sector]! += taken;
    cut.rentPaid += rent;
    cut.profit[sector]! += taken - rent;
    rest -= taken;
  }
  if (sector === 1) {
    const retained = cut.retained * rest;
    cut.retainedTotal += retained;
    rest -= retained;
  }
  const shared = cut.sharing * rest;
  pool[sector]! += shared;
  if (sector === 0) cols.foodIncome[row] = rest - shared;
  else cols.manufacturesIncome[row] = rest - shared;
}

function settleCuts(society: Society, community: Community, cut: typeof cuts): void {
  const priceFood = community.food.price;
  const priceManufactures = community.manufactures.price;
  // Taxes wait in the community until the central budget collects them: this phase
  // writes nothing shared between communities.
  community.taxes.food += cut.taxed[0]!;
  community.taxes.manufactures += cut.taxed[1]!;
  society.counters.taxCollected += cut.taxed[0]! * priceFood + cut.taxed[1]! * priceManufactures;
  society.counters.rentPaid += cut.rentPaid;
  society.counters.profitsTaken += cut.profit[0]! * priceFood + cut.profit[1]! * priceManufactures;
  community.fund.food += cut.funded[0]!;
  community.fund.manufactures += cut.funded[1]!;
  community.collective.manufactures += cut.retainedTotal;
}

function payOwners(society: Society, community: Community, proprietors: number): void {
  if (owners[0] === 0 && owners[1] === 0) return;
  const { people, members } = society;
  const cols = colsOf(people);
  if (proprietors === 0) {
    community.fund.food += owners[0]!;
    community.fund.manufactures += owners[1]!;
    return;
  }
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    if (!cols.proprietor[row]) continue;
    cols.foodIncome[row]! += owners[0]! / proprietors;
    cols.manufacturesIncome[row]! += owners[1]! / proprietors;
  }
}

function shareByNeed(society: Society, community: Community, adultEquivalents: number): void {
  if ((pool[0] === 0 && pool[1] === 0) || adultEquivalents === 0) return;
  const { people, members, params: p } = society;
  const { age, foodIncome, manufacturesIncome } = colsOf(people);
  const { adultAge, foodNeed } = p;
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  let shortfall = 0;
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    shortfall += Math.max(0, foodNeed * (age[row]! < adultAge ? 0.5 : 1) - foodIncome[row]!);
  }
  const topUpShare = shortfall > 0 ? Math.min(1, pool[0]! / shortfall) : 0;
  const spareFood = pool[0]! - topUpShare * shortfall;
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    const ae = age[row]! < adultAge ? 0.5 : 1;
    const short = Math.max(0, foodNeed * ae - foodIncome[row]!);
    foodIncome[row]! += topUpShare * short + (spareFood * ae) / adultEquivalents;
    manufacturesIncome[row]! += (pool[1]! * ae) / adultEquivalents;
  }
}

function settleIncome(society: Society, community: Community): void {
  const { people, members } = society;
  const { food, manufactures, foodIncome, manufacturesIncome, income, lifetimeIncome } = colsOf(people);
  const priceFood = community.food.price;
  const priceManufactures = community.manufactures.price;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    food[row]! += foodIncome[row]!;
    manufactures[row]! += manufacturesIncome[row]!;
    income[row] = priceFood * foodIncome[row]! + priceManufactures * manufacturesIncome[row]!;
    lifetimeIncome[row]! += income[row]!;
  }
}

function payFromFund(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { age, food } = colsOf(people);
  const { adultAge, foodNeed } = p;
  const budget = community.policy.fundPayout * community.fund.food;
  if (budget <= 0) return;
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  let shortfall = 0;
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    shortfall += Math.max(0, foodNeed * (age[row]! < adultAge ? 0.5 : 1) - food[row]!);
  }
  if (shortfall <= 0) return;
  const share = Math.min(1, budget / shortfall);
  let paid = 0;
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    const give = share * Math.max(0, foodNeed * (age[row]! < adultAge ? 0.5 : 1) - food[row]!);
    food[row]! += give;
    paid += give;
  }
  community.fund.food -= paid;
}

function payInterest(society: Society, community: Community, proprietors: number): void {
  const debt = -community.collective.credit;
  if (debt <= 0) return;
  const interest = society.params.interestRate * debt;
  community.collective.credit -= interest;
  society.counters.interestPaid += interest;
  if (proprietors === 0) {
    community.fund.credit += interest;
    return;
  }
  const { people, members } = society;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    if (colsOf(people).proprietor[row]) colsOf(people).credit[row]! += interest / proprietors;
  }
}

/** Each carer learns how many adult-equivalents they feed (the market and meals use it). */
function countDependants(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { age, dependants, carerRow } = colsOf(people);
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  for (let k = start; k < end; k++) dependants[members.rows[k]!] = 0;
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    const years = age[row]!;
    if (years >= p.adultAge && years < p.retirementAge) continue;
    const carer = carerOf(society, row);
    carerRow[row] = carer;
    if (carer >= 0) dependants[carer]! += years < p.adultAge ? 0.5 : 1;
  }
}


/**
 * Members eat up to their food need and use a share of their manufactures; then food
 * spoils and manufactures wear, in holdings, funds and collectives, and collective capital
 * depreciates. Utility, needs met and satisfaction (a moving average of utility) follow
 * from what was consumed. Sinks only; no randomness.
 */
export function referenceConsume(society: Society): void {
  if (!society.params.consumption) return;
  for (const community of society.communities) consumeIn(society, community);
}

/**
 * Dependants short of food take it from their carer's holding, beyond the carer's own need.
 * The carer's row was found by `distribute` this month.
 */
function feedDependants(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { age, food, carerRow } = colsOf(people);
  const { adultAge, retirementAge, foodNeed } = p;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    const years = age[row]!;
    if (years >= adultAge && years < retirementAge) continue;
    const short = foodNeed * (years < adultAge ? 0.5 : 1) - food[row]!;
    const carer = carerRow[row]!;
    if (short <= 0 || carer < 0) continue;
    const given = Math.min(short, food[carer]! - foodNeed);
    if (given <= 0) continue;
    food[carer]! -= given;
    food[row]! += given;
  }
}

function consumeIn(society: Society, community: Community): void {
  feedDependants(society, community);
  const { people, members, params: p, ledger } = society;
  const { age, food, manufactures, needsMet, utility: utilityOf, satisfaction, effort } = colsOf(people);
  const rows = members.rows;
  const { adultAge, foodNeed, manufacturesUse, foodSpoilage, manufacturesWear } = p;
  let eaten = 0;
  let used = 0;
  let spoiled = 0;
  let worn = 0;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = rows[k]!;
    const ae = age[row]! < adultAge ? 0.5 : 1;
    const eat = Math.max(0, Math.min(food[row]!, foodNeed * ae));
    const use = Math.max(0, manufactures[row]! * manufacturesUse);
    const spoil = Math.max(0, (food[row]! - eat) * foodSpoilage);
    const wear = Math.max(0, (manufactures[row]! - use) * manufacturesWear);
    food[row] = food[row]! - eat - spoil;
    manufactures[row] = manufactures[row]! - use - wear;
    eaten += eat;
    used += use;
    spoiled += spoil;
    worn += wear;
    needsMet[row] = eat / (foodNeed * ae);
    const u = utility(eat / ae, use / ae, effort[row]!, p.foodPreference, p.effortCost);
    utilityOf[row] = u;
    satisfaction[row] = 0.9 * satisfaction[row]! + 0.1 * u;
  }
  const fundSpoil = community.fund.food * p.foodSpoilage;
  const fundWear = community.fund.manufactures * p.manufacturesWear;
  const stockWear = community.collective.manufactures * p.manufacturesWear;
  const depreciation = community.collective.capital * p.capitalDepreciation;
  community.fund.food -= fundSpoil;
  community.fund.manufactures -= fundWear;
  community.collective.manufactures -= stockWear;
  community.collective.capital -= depreciation;
  ledger.sink('food', 'consumption', eaten);
  ledger.sink('food', 'spoilage', spoiled + fundSpoil);
  ledger.sink('manufactures', 'consumption', used);
  ledger.sink('manufactures', 'spoilage', worn + fundWear + stockWear);
  ledger.sink('manufactures', 'depreciation', depreciation);
}


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
export function referenceExchange(society: Society): void {
  if (!society.params.markets) return;
  for (const community of society.communities) exchangeIn(society, community);
}

function exchangeIn(society: Society, community: Community): void {
  const investment = collectOrders(society, community);
  const offeredByCollective = community.collective.manufactures;
  supply[1]! += offeredByCollective;
  demand[1]! += investment;
  const markets = [community.food, community.manufactures];
  const sold = [0, 0];
  const bought = [0, 0];
  for (let g = 0; g < 2; g++) {
    const traded = Math.min(supply[g]!, demand[g]!);
    sold[g] = supply[g]! > 0 ? traded / supply[g]! : 0;
    bought[g] = demand[g]! > 0 ? traded / demand[g]! : 0;
    society.counters.tradeVolume += traded * markets[g]!.price;
  }
  settleOrders(society, community, sold, bought);
  settleCollective(society, community, offeredByCollective * sold[1]!, investment * bought[1]!);
  for (let g = 0; g < 2; g++) {
    const market = markets[g]!;
    const traded = Math.min(supply[g]!, demand[g]!);
    market.unmet = (demand[g]! - traded) - (g === 1 ? investment * (1 - bought[1]!) : 0);
    market.unsold = (supply[g]! - traded) - (g === 1 ? offeredByCollective * (1 - sold[1]!) : 0);
    reprice(market, supply[g]!, demand[g]!, society.params.priceAdjustment);
  }
}

function collectOrders(society: Society, community: Community): number {
  const { people, members, params: p } = society;
  const { age, sector, effort, dependants, food, manufactures, credit, offerFood, offerManufactures, wantFood, wantManufactures } = colsOf(people);
  const { adultAge, foodNeed, foodBuffer, creditFloor } = p;
  const manufacturesWanted = p.manufacturesTarget;
  const priceFood = community.food.price;
  const priceManufactures = community.manufactures.price;
  let supplyFood = 0, supplyManufactures = 0, demandFood = 0, demandManufactures = 0, manufacturingLabour = 0;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    const years = age[row]!;
    const ae = years < adultAge ? 0.5 : 1;
    const worker = years >= adultAge && years < p.retirementAge;
    if (worker && sector[row] === 1) manufacturingLabour += effort[row]!;
    // Carers buy for the dependants they feed; dependants may not borrow.
    const foodTarget = foodNeed * (ae + dependants[row]!) * (1 + foodBuffer);
    const manufacturesTarget = manufacturesWanted * ae;
    const offerF = Math.max(0, food[row]! - foodTarget);
    const offerM = Math.max(0, manufactures[row]! - manufacturesTarget);
    let spendable = Math.max(0, credit[row]! + (worker ? creditFloor : 0)) + priceFood * offerF + priceManufactures * offerM;
    const wantF = Math.min(Math.max(0, foodTarget - food[row]!), spendable / priceFood);
    // Never below nothing: rounding may leave a hair under zero, and a want is never negative.
    spendable = Math.max(0, spendable - wantF * priceFood);
    const wantM = Math.min(Math.max(0, manufacturesTarget - manufactures[row]!), spendable / priceManufactures);
    offerFood[row] = offerF;
    offerManufactures[row] = offerM;
    wantFood[row] = wantF;
    wantManufactures[row] = wantM;
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

function settleOrders(society: Society, community: Community, sold: number[], bought: number[]): void {
  const { people, members } = society;
  const { food, manufactures, credit, offerFood, offerManufactures, wantFood, wantManufactures } = colsOf(people);
  const priceFood = community.food.price;
  const priceManufactures = community.manufactures.price;
  const [boughtFood, boughtManufactures] = [bought[0]!, bought[1]!];
  const [soldFood, soldManufactures] = [sold[0]!, sold[1]!];
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    const netFood = wantFood[row]! * boughtFood - offerFood[row]! * soldFood;
    const netManufactures = wantManufactures[row]! * boughtManufactures - offerManufactures[row]! * soldManufactures;
    food[row]! += netFood;
    manufactures[row]! += netManufactures;
    credit[row]! -= netFood * priceFood + netManufactures * priceManufactures;
    wantFood[row]! *= 1 - boughtFood;
    offerFood[row]! *= 1 - soldFood;
    wantManufactures[row]! *= 1 - boughtManufactures;
    offerManufactures[row]! *= 1 - soldManufactures;
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
  const { proprietor, credit } = colsOf(people);
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


type Good = 'food' | 'manufactures';
const GOODS: Good[] = ['food', 'manufactures'];

/**
 * Trade between communities: each community, in index order, buys what its members still
 * lack from its nearest partners' unsold offers, at the seller's price plus transport
 * (a share of the goods is lost on the way, more with distance). Buyers will pay up to a
 * quarter above their own posted price. Payment crosses unions through their clearing
 * accounts, so each union's balances still sum to zero. Crosses communities: fixed order.
 */
export function referenceTrade(society: Society): void {
  if (!society.params.markets) return;
  for (const buyer of society.communities) {
    for (const partner of buyer.partners) {
      for (const good of GOODS) tradePair(society, buyer, society.communities[partner]!, good);
    }
  }
}

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
  const cols = colsOf(people);
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
  const cols = colsOf(people);
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


/**
 * The central budget (when on) collects the month's taxes from every community, in index
 * order; of what they brought in, `welfareShare` is
 * given back per adult-equivalent to every person, the rest is spent by the state (a sink:
 * later parts spend it on services and the army). Crosses communities; no randomness.
 */
export function referenceCentralBudget(society: Society): void {
  {
    const { budget, people, params: p } = society;
    for (const community of society.communities) {
      budget.food += community.taxes.food;
      budget.manufactures += community.taxes.manufactures;
      community.taxes.food = community.taxes.manufactures = 0;
    }
    if (!p.centralBudget || (budget.food === 0 && budget.manufactures === 0)) return;
    const cols = colsOf(people);
    // Persons in member order (communities in turn, each one's members by id), as the phase adds them.
    const order = society.members.rows;
    let adultEquivalents = 0;
    for (let m = 0; m < people.length; m++) adultEquivalents += adultEquivalent(cols.age[order[m]!]!, p.adultAge);
    const welfareFood = p.welfareShare * budget.food;
    const welfareManufactures = p.welfareShare * budget.manufactures;
    let givenFood = 0;
    let givenManufactures = 0;
    if (adultEquivalents > 0) {
      for (let m = 0; m < people.length; m++) {
        const row = order[m]!;
        const ae = adultEquivalent(cols.age[row]!, p.adultAge);
        const food = (welfareFood * ae) / adultEquivalents;
        const manufactures = (welfareManufactures * ae) / adultEquivalents;
        cols.food[row]! += food;
        cols.manufactures[row]! += manufactures;
        givenFood += food;
        givenManufactures += manufactures;
      }
    }
    if (p.unitaryBudget) {
      // One purse: the rest waits for the government's split between defence and services (phase 5).
      budget.food -= givenFood;
      budget.manufactures -= givenManufactures;
      return;
    }
    society.ledger.sink('food', 'publicSpending', budget.food - givenFood);
    society.ledger.sink('manufactures', 'publicSpending', budget.manufactures - givenManufactures);
    budget.food = 0;
    budget.manufactures = 0;
  }
}
