import type { Community } from '../communities/community.js';
import { keptShare } from '../economy/effort.js';
import type { SocietyParams } from '../params.js';
import type { Society } from '../society.js';
import type { Proposal } from './state.js';

/**
 * What a proposal would do to each member, from their own position: a first-order
 * estimate a member could make from last month — their product, their income, their
 * effort — and the effort response everyone would make (the same rule production uses).
 * Per-member changes in utility are held in `own`, by place in the community's bucket
 * (`own[k]` for the member at `members.rows[members.start[c] + k]`); `community` is their
 * mean over adults. `own` is scratch: the next call overwrites it.
 */
export interface Effects {
  own: Float64Array;
  community: number;
}

/** A community's bucket and the columns its stakes and poll read: typed arrays only, so a kernel can fill it. */
export interface StakeView {
  rows: Int32Array;
  /** The community's first position in `rows`, and its member count. */
  start: number;
  n: number;
  sector: Uint8Array;
  proprietor: Uint8Array;
  output: Float32Array;
  income: Float32Array;
  effort: Float32Array;
  skillFood: Float32Array;
  skillManufactures: Float32Array;
  age: Float32Array;
  needsMet: Float32Array;
  civicNorm: Float32Array;
  idealSharing: Float32Array;
}

/** What the stakes read of the community itself when its assembly meets (the policy as it now stands). */
export interface Standing {
  sharing: number;
  commonsRate: number;
  priceFood: number;
  priceManufactures: number;
  arrivals: number;
  freeRiding: number;
  /** Kept shares by 2 × sector + proprietor, at the policy the assembly opened with. */
  kept: Float64Array;
}

/**
 * Each member's position last month, by place in the bucket (values in labour-hours): their
 * product, income and kept share; how much product they would stop making per unit of extra
 * sharing or fund rate (−dx/dτ, from the production rule's effort response); and the effort
 * that would spare them, in utility. Filled once per assembly, read by every proposal; the
 * members' ages and needs are read afresh by each proposal, into `halfShare` and `shortage`.
 * One per thread, reused.
 */
const positions = {
  product: new Float64Array(0),
  income: new Float64Array(0),
  kept: new Float64Array(0),
  slopeSharing: new Float64Array(0),
  slopeCommons: new Float64Array(0),
  reliefSharing: new Float64Array(0),
  reliefCommons: new Float64Array(0),
  /** Adult-equivalents of each member (0.5 for a child, 1 for an adult). */
  adultEquivalent: new Float64Array(0),
  /** max(0, 1 − needs met). */
  shortage: new Float64Array(0),
  own: new Float64Array(0),
};

function grow(n: number): void {
  if (positions.product.length >= n) return;
  const size = Math.ceil(n * 1.25);
  for (const key of ['product', 'income', 'kept', 'slopeSharing', 'slopeCommons', 'reliefSharing', 'reliefCommons', 'adultEquivalent', 'shortage', 'own'] as const) positions[key] = new Float64Array(size);
}

/** The members' changes in utility from the last `stakesOf`, by place in the bucket. */
export function ownStakes(): Float64Array {
  return positions.own;
}

const priceBy = new Float64Array(2);
const marginalBy = new Float64Array(2);

/** Fills the members' positions (see `positions`): once per assembly, before its first proposal's stakes. */
export function readPositions(v: StakeView, s: Standing, p: SocietyParams): void {
  // Whatever `effectsOf` read last is overwritten here.
  positionsOf = NO_POSITIONS;
  const { n, start, rows } = v;
  const { sector: sectors, proprietor, output, income, effort: efforts, skillFood, skillManufactures } = v;
  grow(n);
  const { product, kept, slopeSharing, slopeCommons, reliefSharing, reliefCommons } = positions;
  const tau = s.sharing;
  // By sector (food 0, manufactures 1), and kept shares by 2 × sector + proprietor.
  const keptBy = s.kept;
  priceBy[0] = s.priceFood;
  priceBy[1] = s.priceManufactures;
  marginalBy[0] = 1 - p.foodElasticity;
  marginalBy[1] = 1 - p.manufacturesElasticity;
  const commonsFactor = 1 / Math.max(1e-9, 1 - s.commonsRate);
  const effortCost = p.effortCost;
  for (let k = 0; k < n; k++) {
    const row = rows[start + k]!;
    const sector = sectors[row]!;
    const keep = keptBy[2 * sector + proprietor[row]!]!;
    const made = output[row]! * priceBy[sector]!;
    const effort = efforts[row]!;
    product[k] = made;
    positions.income[k] = income[row]!;
    kept[k] = keep;
    // Only a worker whose effort is interior would change it.
    if (effort <= 0 || effort >= 1) {
      slopeSharing[k] = slopeCommons[k] = reliefSharing[k] = reliefCommons[k] = 0;
      continue;
    }
    const w = marginalBy[sector]! * (sector === 0 ? skillFood[row]! : skillManufactures[row]!);
    const dSharing = Math.min(effort, (keep * (1 - 1 / n) * w) / effortCost);
    const dCommons = Math.min(effort, (keep * commonsFactor * (1 - tau + tau / n) * w) / effortCost);
    slopeSharing[k] = (made / effort) * dSharing;
    slopeCommons[k] = (made / effort) * dCommons;
    reliefSharing[k] = effortCost * effort * dSharing;
    reliefCommons[k] = effortCost * effort * dCommons;
  }
}

/** Sums over the members a proposal's effects need (and each one's adult-equivalents and shortage, kept). */
const totals = { pool: 0, adultEquivalents: 0, short: 0, slope: 0, income: 0 };

function sumTotals(v: StakeView, p: SocietyParams, sharing: boolean): void {
  const { age, needsMet, rows, start, n } = v;
  const { product, kept, income, adultEquivalent, shortage } = positions;
  const slopes = sharing ? positions.slopeSharing : positions.slopeCommons;
  const adultAge = p.adultAge;
  let pool = 0, adultEquivalents = 0, short = 0, slope = 0, incomes = 0;
  for (let k = 0; k < n; k++) {
    const row = rows[start + k]!;
    const keep = kept[k]!;
    pool += keep * product[k]!;
    // Exactly 0.5 or 1, with no branch: children and adults alternate unpredictably along a bucket.
    const equivalent = 1 - 0.5 * +(age[row]! < adultAge);
    adultEquivalent[k] = equivalent;
    adultEquivalents += equivalent;
    const lacking = Math.max(0, 1 - needsMet[row]!);
    shortage[k] = lacking;
    short += lacking;
    slope += keep * slopes[k]!;
    incomes += Math.max(0, income[k]!);
  }
  totals.pool = pool;
  totals.adultEquivalents = adultEquivalents;
  totals.short = short;
  totals.slope = slope;
  totals.income = incomes;
}

/**
 * Each member's change in utility if a proposal moving `policy` by `delta` passed, into
 * `ownStakes()`; returns their mean over adults. Sharing and the fund rate pool δ more of
 * what members keep: sharing gives it out per adult-equivalent, the fund to those short of
 * food (a reserve for all when nobody is); everyone's effort then falls by the production
 * rule, shrinking the pie and sparing effort. Changes in income count relative to one's own
 * income (log utility). The admission bar keeps out newcomers who would not cooperate (worth
 * the pooled share they would take) and those who would (worth the unpooled product they
 * would trade). Needs `readPositions` first.
 */
export function stakesOf(v: StakeView, s: Standing, p: SocietyParams, policy: Proposal['policy'], delta: number): number {
  const n = v.n;
  const sharing = policy === 'sharing';
  sumTotals(v, p, sharing);
  if (policy === 'admission') {
    const tau = s.sharing;
    positions.own.fill(delta * s.arrivals * (tau * s.freeRiding - (1 - tau) * (1 - s.freeRiding)), 0, n);
  } else ownChanges(s, p, delta, sharing, n);
  return adultMean(n);
}

/** Picks, with no branch, between 0 and a member's change (adding 0 leaves a sum unchanged). */
const pick = new Float64Array(2);

/** The mean of `own` over the adults (0 if none). */
function adultMean(n: number): number {
  const { own, adultEquivalent } = positions;
  let total = 0;
  let adults = 0;
  for (let k = 0; k < n; k++) {
    const adult = +(adultEquivalent[k] === 1);
    pick[1] = own[k]!;
    total += pick[adult]!;
    adults += adult;
  }
  return adults > 0 ? total / adults : 0;
}

/** Fills `own` for a sharing or fund-rate proposal moving the policy by `delta`. */
function ownChanges(s: Standing, p: SocietyParams, delta: number, sharing: boolean, n: number): void {
  const { own, product, kept, income, adultEquivalent, shortage } = positions;
  const t = totals;
  const reliefs = sharing ? positions.reliefSharing : positions.reliefCommons;
  const floor = 0.1 * (t.income / Math.max(1, n)) + 1e-6;
  const shrinkPerIncome = -delta * t.slope;
  const incomeDivisor = Math.max(1e-9, t.income);
  const equivalentsDivisor = Math.max(1e-9, t.adultEquivalents);
  // What the fund pays out over time: its payout against spoilage.
  const paidOutPool = (p.fundPayout / Math.max(1e-9, p.fundPayout + p.foodSpoilage)) * t.pool;
  const givenShare = sharing ? 1 : 1 - s.sharing;
  const short = t.short;
  for (let k = 0; k < n; k++) {
    const ownIncome = income[k]!;
    const equivalent = adultEquivalent[k]!;
    const shrink = (shrinkPerIncome * Math.max(0, ownIncome)) / incomeDivisor;
    let received: number;
    if (sharing) received = (t.pool * equivalent) / equivalentsDivisor;
    else received = paidOutPool * (short > 0 ? shortage[k]! / short : (0.5 * equivalent) / equivalentsDivisor);
    const given = kept[k]! * product[k]! * givenShare;
    own[k] = (delta * (received - given) + shrink) / Math.max(floor, ownIncome) + delta * reliefs[k]!;
  }
}

/** A community's bucket and columns, read from the society (outside kernels). */
export function stakeView(society: Society, community: Community): StakeView {
  const { people, members } = society;
  const c = people.cols;
  return {
    rows: members.rows, start: members.start[community.id]!, n: members.count(community.id),
    sector: c.sector, proprietor: c.proprietor, output: c.output, income: c.income, effort: c.effort, skillFood: c.skillFood,
    skillManufactures: c.skillManufactures, age: c.age, needsMet: c.needsMet, civicNorm: c.civicNorm, idealSharing: c.idealSharing,
  };
}

/** The community's standing as it now is (kept shares at its current fund rate). */
export function standingOf(p: SocietyParams, community: Community): Standing {
  const kept = new Float64Array(4);
  writeKept(p, community, kept, 0);
  return {
    sharing: community.policy.sharing, commonsRate: community.policy.commonsRate, priceFood: community.food.price,
    priceManufactures: community.manufactures.price, arrivals: community.governance.arrivals, freeRiding: community.governance.freeRiding, kept,
  };
}

/** Kept shares by 2 × sector + proprietor, from `into[at]`. */
export function writeKept(p: SocietyParams, community: Community, into: Float64Array, at: number): void {
  into[at] = keptShare(p, community, 0, false);
  into[at + 1] = keptShare(p, community, 0, true);
  into[at + 2] = keptShare(p, community, 1, false);
  into[at + 3] = keptShare(p, community, 1, true);
}

/** Which society, community, month and size the positions were last read for (outside kernels). */
const NO_POSITIONS = { society: null as Society | null, community: -1, step: -1, count: -1 };
let positionsOf = NO_POSITIONS;

/**
 * `stakesOf` for one proposal, outside kernels: positions are read once per community and
 * month (the first proposal's standing), as an assembly reads them.
 */
export function effectsOf(society: Society, community: Community, proposal: Proposal): Effects {
  const p = society.params;
  const v = stakeView(society, community);
  const s = standingOf(p, community);
  const of = positionsOf;
  // Once per assembly; the count guards the scratch arrays' length should members change.
  if (of.society !== society || of.community !== community.id || of.step !== society.steps || of.count !== v.n) {
    readPositions(v, s, p);
    positionsOf = { society, community: community.id, step: society.steps, count: v.n };
  }
  const shared = stakesOf(v, s, p, proposal.policy, proposal.delta);
  return { own: positions.own, community: shared };
}

/** The ideal-point term: −h·(|τ' − τ*| − |τ − τ*|), for sharing proposals only. */
export function tasteChange(society: Society, community: Community, proposal: Proposal, row: number): number {
  if (proposal.policy !== 'sharing') return 0;
  const ideal = society.people.cols.idealSharing[row]!;
  const now = community.policy.sharing;
  const next = Math.min(1, Math.max(0, now + proposal.delta));
  return -society.params.idealPointWeight * (Math.abs(next - ideal) - Math.abs(now - ideal));
}
