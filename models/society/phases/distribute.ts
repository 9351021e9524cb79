import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { carerOf } from '../people/care.js';
import type { Society } from '../society.js';
import { carers, ensureCarers } from './carers.js';
import { cuts, perMember, resetCuts, splitOutputs } from './distribute-split.js';

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
    ensureCarers(society.members.start[society.communities.length]!);
    for (const community of society.communities) distributeIn(society, community);
  },
};

/**
 * One community's month, in as few passes over its members as the order of operations
 * allows: every sum still adds the same terms in member order, so results match the
 * step-by-step reading above exactly.
 */
function distributeIn(society: Society, community: Community): void {
  const owned = resetCuts(society, community);
  splitOutputs(society, community.id, owned);
  settleCuts(society, community);
  if (owned) payOwners(society, community);
  shareSettleAndFindNeed(society, community);
  payFundAndCountDependants(society, community);
  if (society.params.capital === 'interest') payInterest(society, community, cuts.proprietors);
}

function settleCuts(society: Society, community: Community): void {
  const priceFood = community.food.price;
  const priceManufactures = community.manufactures.price;
  // Taxes wait in the community until the central budget collects them: this phase
  // writes nothing shared between communities.
  community.taxes.food += cuts.taxedFood;
  community.taxes.manufactures += cuts.taxedManufactures;
  society.counters.taxCollected += cuts.taxedFood * priceFood + cuts.taxedManufactures * priceManufactures;
  society.counters.rentPaid += cuts.rentPaid;
  society.counters.profitsTaken += cuts.profitFood * priceFood + cuts.profitManufactures * priceManufactures;
  community.fund.food += cuts.fundedFood;
  community.fund.manufactures += cuts.fundedManufactures;
  community.collective.manufactures += cuts.retainedTotal;
}

/**
 * Pays the owners' part to the proprietors (or to the fund where there are none). Where owners
 * could take a part, the food shortfall is summed here, from the incomes after their pay.
 */
function payOwners(society: Society, community: Community): void {
  const { ownedFood, ownedManufactures, proprietors } = cuts;
  const paying = (ownedFood !== 0 || ownedManufactures !== 0) && proprietors !== 0;
  if ((ownedFood !== 0 || ownedManufactures !== 0) && proprietors === 0) {
    community.fund.food += ownedFood;
    community.fund.manufactures += ownedManufactures;
  }
  const { people, members, params: p } = society;
  const proprietor = people.cols.proprietor;
  const foodNeed = p.foodNeed;
  const rows = members.rows;
  const keptFoodAt = perMember.keptFood;
  const keptManufacturesAt = perMember.keptManufactures;
  const adultEquivalentAt = perMember.adultEquivalent;
  const foodEach = ownedFood / proprietors;
  const manufacturesEach = ownedManufactures / proprietors;
  let shortfall = 0;
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  for (let k = start; k < end; k++) {
    const j = k - start;
    if (paying && proprietor[rows[k]!]) {
      keptFoodAt[j]! += foodEach;
      keptManufacturesAt[j]! += manufacturesEach;
    }
    shortfall += Math.max(0, foodNeed * adultEquivalentAt[j]! - keptFoodAt[j]!);
  }
  cuts.shortfall = shortfall;
}

/**
 * Shares the pool by need (food tops everyone up, then all goods per adult-equivalent), adds
 * each member's income to their holdings, and sums the food shortfall the fund will meet.
 */
function shareSettleAndFindNeed(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { food, manufactures, income, lifetimeIncome } = people.cols;
  const foodNeed = p.foodNeed;
  const { poolFood, poolManufactures, adultEquivalents, shortfall } = cuts;
  const sharing = !((poolFood === 0 && poolManufactures === 0) || adultEquivalents === 0);
  const topUpShare = sharing && shortfall > 0 ? Math.min(1, poolFood / shortfall) : 0;
  const spareFood = poolFood - topUpShare * shortfall;
  const priceFood = community.food.price;
  const priceManufactures = community.manufactures.price;
  const budget = community.policy.fundPayout * community.fund.food;
  const needy = budget > 0;
  const rows = members.rows;
  const keptFoodAt = perMember.keptFood;
  const keptManufacturesAt = perMember.keptManufactures;
  const adultEquivalentAt = perMember.adultEquivalent;
  const needAt = perMember.need;
  let fundShortfall = 0;
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    const j = k - start;
    const ae = adultEquivalentAt[j]!;
    let foodIn = keptFoodAt[j]!;
    let manufacturesIn = keptManufacturesAt[j]!;
    if (sharing) {
      const short = Math.max(0, foodNeed * ae - foodIn);
      foodIn += topUpShare * short + (spareFood * ae) / adultEquivalents;
      manufacturesIn += (poolManufactures * ae) / adultEquivalents;
    }
    food[row]! += foodIn;
    manufactures[row]! += manufacturesIn;
    income[row] = priceFood * foodIn + priceManufactures * manufacturesIn;
    lifetimeIncome[row]! += income[row]!;
    if (needy) {
      const need = Math.max(0, foodNeed * ae - food[row]!);
      needAt[j] = need;
      fundShortfall += need;
    }
  }
  fund.budget = budget;
  fund.shortfall = fundShortfall;
}

/** What the fund may pay this month and the shortfall it meets (from the pass before). */
const fund = { budget: 0, shortfall: 0 };

/**
 * The fund pays a share of its food to members short of food, and each carer learns how many
 * adult-equivalents they feed (the market and meals use it). One pass: the fund's payments
 * touch food, the count touches dependants and carers, and each keeps member order.
 */
function payFundAndCountDependants(society: Society, community: Community): void {
  const { people, members } = society;
  const { food, dependants } = people.cols;
  const carerAt = carers.rowAt;
  const paying = fund.budget > 0 && fund.shortfall > 0;
  const share = paying ? Math.min(1, fund.budget / fund.shortfall) : 0;
  const rows = members.rows;
  const adultEquivalentAt = perMember.adultEquivalent;
  const workerAt = perMember.worker;
  const needAt = perMember.need;
  let paid = 0;
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    const j = k - start;
    if (paying) {
      const give = share * needAt[j]!;
      food[row]! += give;
      paid += give;
    }
    if (workerAt[j]) {
      carerAt[k] = -1;
      continue;
    }
    const carer = carerOf(society, row);
    carerAt[k] = carer;
    if (carer >= 0) dependants[carer]! += adultEquivalentAt[j]!;
  }
  if (paying) community.fund.food -= paid;
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
