import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { utility } from '../economy/effort.js';
import type { Society } from '../society.js';
import { carers, ensureCarers } from './carers.js';

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
    const communities = society.communities;
    const n = communities.length;
    if (sinks.eaten.length < n) growSinks(n);
    ensureCarers(society.members.start[n]!);
    for (let i = 0; i < n; i++) consumeIn(society, communities[i]!, i);
    // Each community's sinks, posted in community order: the same additions as one post each.
    const ledger = society.ledger;
    ledger.sinkEach('food', 'consumption', sinks.eaten, n);
    ledger.sinkEach('food', 'spoilage', sinks.spoiled, n);
    ledger.sinkEach('manufactures', 'consumption', sinks.used, n);
    ledger.sinkEach('manufactures', 'spoilage', sinks.worn, n);
    ledger.sinkEach('manufactures', 'depreciation', sinks.depreciation, n);
  },
};

/** Per community (by position in the list), what this month's consumption destroyed. */
const sinks = {
  eaten: new Float64Array(0),
  spoiled: new Float64Array(0),
  used: new Float64Array(0),
  worn: new Float64Array(0),
  depreciation: new Float64Array(0),
};

function growSinks(n: number): void {
  const size = Math.ceil(n * 1.25);
  sinks.eaten = new Float64Array(size);
  sinks.spoiled = new Float64Array(size);
  sinks.used = new Float64Array(size);
  sinks.worn = new Float64Array(size);
  sinks.depreciation = new Float64Array(size);
}

/**
 * Dependants short of food take it from their carer's holding, beyond the carer's own need.
 * The carer's row was found by `distribute` this month (`carers`). A pass of its own: a carer
 * may come before or after their dependants in the members' order.
 */
function feedDependants(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { age, food } = people.cols;
  const { adultAge, foodNeed } = p;
  const rows = members.rows;
  const carerAt = carers.rowAt;
  const end = members.start[community.id + 1]!;
  for (let k = members.start[community.id]!; k < end; k++) {
    // Workers, and dependants no one feeds, have no carer (−1): nothing to give.
    const carer = carerAt[k]!;
    if (carer < 0) continue;
    const row = rows[k]!;
    const short = foodNeed * (age[row]! < adultAge ? 0.5 : 1) - food[row]!;
    if (short <= 0) continue;
    const given = Math.min(short, food[carer]! - foodNeed);
    if (given <= 0) continue;
    food[carer]! -= given;
    food[row]! += given;
  }
}

function consumeIn(society: Society, community: Community, index: number): void {
  feedDependants(society, community);
  const { people, members, params: p } = society;
  const { age, food, manufactures, needsMet, utility: utilityOf, satisfaction, effort } = people.cols;
  const rows = members.rows;
  const { adultAge, foodNeed, manufacturesUse, foodSpoilage, manufacturesWear, foodPreference, effortCost } = p;
  let eaten = 0;
  let used = 0;
  let spoiled = 0;
  let worn = 0;
  const end = members.start[community.id + 1]!;
  for (let k = members.start[community.id]!; k < end; k++) {
    const row = rows[k]!;
    const ae = age[row]! < adultAge ? 0.5 : 1;
    const held = food[row]!;
    const owned = manufactures[row]!;
    const eat = Math.max(0, Math.min(held, foodNeed * ae));
    const use = Math.max(0, owned * manufacturesUse);
    const spoil = Math.max(0, (held - eat) * foodSpoilage);
    const wear = Math.max(0, (owned - use) * manufacturesWear);
    food[row] = held - eat - spoil;
    manufactures[row] = owned - use - wear;
    eaten += eat;
    used += use;
    spoiled += spoil;
    worn += wear;
    needsMet[row] = eat / (foodNeed * ae);
    const u = utility(eat / ae, use / ae, effort[row]!, foodPreference, effortCost);
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
  sinks.eaten[index] = eaten;
  sinks.spoiled[index] = spoiled + fundSpoil;
  sinks.used[index] = used;
  sinks.worn[index] = worn + fundWear + stockWear;
  sinks.depreciation[index] = depreciation;
}
