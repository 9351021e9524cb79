import type { Society } from '../society.js';

/** Everything held, per good, in physical units: persons, funds, collectives, the budget, the land. */
export interface Holdings {
  food: number;
  manufactures: number;
  resource: number;
  /** The largest |Σ balances| over the credit unions (0 when every union balances). */
  creditImbalance: number;
  /** Σ of every union's clearing account (0 when inter-union trade balances). */
  clearing: number;
}

/** Totals the books compare with sources − sinks (O(persons + cells)). */
export function holdings(society: Society): Holdings {
  const { people, communities, budget, land } = society;
  const cols = people.cols;
  let food = budget.food;
  let manufactures = budget.manufactures;
  for (const syndicate of society.services.syndicates) [food, manufactures] = [food + syndicate.budget.food, manufactures + syndicate.budget.manufactures];
  for (const federation of society.polity.federations) food += federation.pool;
  const union = new Float64Array(communities.length);
  for (let row = 0; row < people.length; row++) {
    food += cols.food[row]!;
    manufactures += cols.manufactures[row]!;
    union[cols.community[row]!]! += cols.credit[row]!;
  }
  let clearing = 0;
  let creditImbalance = 0;
  for (const community of communities) {
    food += community.fund.food + community.taxes.food;
    manufactures += community.fund.manufactures + community.taxes.manufactures + community.collective.manufactures + community.collective.capital;
    const balance = union[community.id]! + community.fund.credit + community.collective.credit + community.clearing;
    creditImbalance = Math.max(creditImbalance, Math.abs(balance));
    clearing += community.clearing;
  }
  let resource = 0;
  for (const r of land.resource) resource += r;
  return { food, manufactures, resource, creditImbalance, clearing };
}
