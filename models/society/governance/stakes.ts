import type { Community } from '../communities/community.js';
import { keptShare } from '../economy/effort.js';
import type { Society } from '../society.js';
import type { Proposal } from './state.js';

/**
 * What a proposal would do to each member, from their own position: a first-order
 * estimate a member could make from last month — their product, their income, their
 * effort — and the effort response everyone would make (the same rule production uses).
 * Per-member changes in utility are held in `own`; `community` is their mean.
 */
export interface Effects {
  own: Float64Array;
  community: number;
}

let own = new Float64Array(0);

/**
 * Each member's position last month, in columns by row (values in labour-hours): their
 * product, income and kept share; how much product they would stop making per unit of
 * extra sharing or fund rate (−dx/dτ, from the production rule's effort response); and the
 * effort that would spare them, in utility. Filled once per assembly, read by every proposal.
 */
const positions = {
  of: { society: null as Society | null, community: -1, step: -1 },
  product: new Float64Array(0),
  income: new Float64Array(0),
  kept: new Float64Array(0),
  slopeSharing: new Float64Array(0),
  slopeCommons: new Float64Array(0),
  reliefSharing: new Float64Array(0),
  reliefCommons: new Float64Array(0),
};

function grow(n: number): void {
  if (positions.product.length >= n) return;
  const size = Math.ceil(n * 1.25);
  for (const key of ['product', 'income', 'kept', 'slopeSharing', 'slopeCommons', 'reliefSharing', 'reliefCommons'] as const) positions[key] = new Float64Array(size);
  own = new Float64Array(size);
}

function readPositions(society: Society, community: Community): void {
  const of = positions.of;
  if (of.society === society && of.community === community.id && of.step === society.steps) return;
  positions.of = { society, community: community.id, step: society.steps };
  const { people, members, params: p } = society;
  const cols = people.cols;
  grow(people.length);
  const n = members.count(community.id);
  const tau = community.policy.sharing;
  const kept = [keptShare(p, community, 0, false), keptShare(p, community, 0, true), keptShare(p, community, 1, false), keptShare(p, community, 1, true)];
  const marginal = [1 - p.foodElasticity, 1 - p.manufacturesElasticity];
  const prices = [community.food.price, community.manufactures.price];
  const commonsFactor = 1 / Math.max(1e-9, 1 - community.policy.commonsRate);
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = members.rows[k]!;
    const sector = cols.sector[row]!;
    const keep = kept[2 * sector + cols.proprietor[row]!]!;
    const product = cols.output[row]! * prices[sector]!;
    const effort = cols.effort[row]!;
    positions.product[row] = product;
    positions.income[row] = cols.income[row]!;
    positions.kept[row] = keep;
    // Only a worker whose effort is interior would change it.
    if (effort <= 0 || effort >= 1) {
      positions.slopeSharing[row] = positions.slopeCommons[row] = positions.reliefSharing[row] = positions.reliefCommons[row] = 0;
      continue;
    }
    const w = marginal[sector]! * (sector === 0 ? cols.skillFood[row]! : cols.skillManufactures[row]!);
    const dSharing = Math.min(effort, (keep * (1 - 1 / n) * w) / p.effortCost);
    const dCommons = Math.min(effort, (keep * commonsFactor * (1 - tau + tau / n) * w) / p.effortCost);
    positions.slopeSharing[row] = (product / effort) * dSharing;
    positions.slopeCommons[row] = (product / effort) * dCommons;
    positions.reliefSharing[row] = p.effortCost * effort * dSharing;
    positions.reliefCommons[row] = p.effortCost * effort * dCommons;
  }
}

/**
 * Each member's change in utility if the proposal passed. Sharing and the fund rate pool δ
 * more of what members keep: sharing gives it out per adult-equivalent, the fund to those
 * short of food (a reserve for all when nobody is); everyone's effort then falls by the
 * production rule, shrinking the pie and sparing effort. Changes in income count relative
 * to one's own income (log utility). The admission bar keeps out newcomers who would not
 * cooperate (worth the pooled share they would take) and those who would (worth the
 * unpooled product they would trade).
 */
export function effectsOf(society: Society, community: Community, proposal: Proposal): Effects {
  const { people, members, params: p } = society;
  const { age, needsMet } = people.cols;
  readPositions(society, community);
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  const sharing = proposal.policy === 'sharing';
  let pool = 0, adultEquivalents = 0, short = 0, slope = 0, income = 0;
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    const kept = positions.kept[row]!;
    pool += kept * positions.product[row]!;
    adultEquivalents += age[row]! < p.adultAge ? 0.5 : 1;
    short += Math.max(0, 1 - needsMet[row]!);
    slope += kept * (sharing ? positions.slopeSharing[row]! : positions.slopeCommons[row]!);
    income += Math.max(0, positions.income[row]!);
  }
  const n = end - start;
  const totals: Totals = { pool, adultEquivalents, short, slope, income, floor: 0.1 * (income / Math.max(1, n)) + 1e-6 };
  let total = 0;
  let adults = 0;
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    const change = ownChange(society, community, proposal, row, totals);
    own[row] = change;
    if (age[row]! >= p.adultAge) {
      total += change;
      adults++;
    }
  }
  return { own, community: adults > 0 ? total / adults : 0 };
}

interface Totals {
  pool: number;
  adultEquivalents: number;
  short: number;
  slope: number;
  income: number;
  floor: number;
}

function ownChange(society: Society, community: Community, proposal: Proposal, row: number, t: Totals): number {
  const p = society.params;
  const cols = society.people.cols;
  const delta = proposal.delta;
  const g = community.governance;
  if (proposal.policy === 'admission') {
    const tau = community.policy.sharing;
    return delta * g.arrivals * (tau * g.freeRiding - (1 - tau) * (1 - g.freeRiding));
  }
  const sharing = proposal.policy === 'sharing';
  const ae = cols.age[row]! < p.adultAge ? 0.5 : 1;
  const ownIncome = positions.income[row]!;
  const income = Math.max(t.floor, ownIncome);
  const shrink = (-delta * t.slope * Math.max(0, ownIncome)) / Math.max(1e-9, t.income);
  let received: number;
  if (sharing) received = (t.pool * ae) / Math.max(1e-9, t.adultEquivalents);
  else {
    // What the fund pays out over time: its payout against spoilage.
    const paidOut = p.fundPayout / Math.max(1e-9, p.fundPayout + p.foodSpoilage);
    const need = t.short > 0 ? Math.max(0, 1 - cols.needsMet[row]!) / t.short : (0.5 * ae) / Math.max(1e-9, t.adultEquivalents);
    received = paidOut * t.pool * need;
  }
  const given = positions.kept[row]! * positions.product[row]! * (sharing ? 1 : 1 - community.policy.sharing);
  const relief = delta * (sharing ? positions.reliefSharing[row]! : positions.reliefCommons[row]!);
  return (delta * (received - given) + shrink) / income + relief;
}

/** The ideal-point term: −h·(|τ' − τ*| − |τ − τ*|), for sharing proposals only. */
export function tasteChange(society: Society, community: Community, proposal: Proposal, row: number): number {
  if (proposal.policy !== 'sharing') return 0;
  const ideal = society.people.cols.idealSharing[row]!;
  const now = community.policy.sharing;
  const next = Math.min(1, Math.max(0, now + proposal.delta));
  return -society.params.idealPointWeight * (Math.abs(next - ideal) - Math.abs(now - ideal));
}
