import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { ownersPart } from '../economy/effort.js';
import { carerOf } from '../people/care.js';
import type { Society } from '../society.js';

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
export const distribute: NamedPhase<Society> = {
  name: 'distribute',
  run(society) {
    for (const community of society.communities) distributeIn(society, community);
  },
};

function distributeIn(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const cols = people.cols;
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

function splitOutput(cols: Society['people']['cols'], row: number, out: number, cut: typeof cuts): void {
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
  const cols = people.cols;
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
  const { age, foodIncome, manufacturesIncome } = people.cols;
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
  const { food, manufactures, foodIncome, manufacturesIncome, income, lifetimeIncome } = people.cols;
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
  const { age, food } = people.cols;
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
    if (people.cols.proprietor[row]) people.cols.credit[row]! += interest / proprietors;
  }
}

/** Each carer learns how many adult-equivalents they feed (the market and meals use it). */
function countDependants(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { age, dependants, carerRow } = people.cols;
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
