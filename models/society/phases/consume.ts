import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { utility } from '../economy/effort.js';
import type { Society } from '../society.js';

/**
 * Members eat up to their food need and use a share of their manufactures; then food
 * spoils and manufactures wear, in holdings, funds and collectives, and collective capital
 * depreciates. Utility, needs met and satisfaction (a moving average of utility) follow
 * from what was consumed. Sinks only; no randomness.
 */
export const consume: NamedPhase<Society> = {
  name: 'consume',
  run(society) {
    if (!society.params.consumption) return;
    for (const community of society.communities) consumeIn(society, community);
  },
};

/**
 * Dependants short of food take it from their carer's holding, beyond the carer's own need.
 * The carer's row was found by `distribute` this month.
 */
function feedDependants(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { age, food, carerRow } = people.cols;
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
  const { age, food, manufactures, needsMet, utility: utilityOf, satisfaction, effort } = people.cols;
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
