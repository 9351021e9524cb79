import type { Kernel } from '../../../sim/index.js';
import type { SocietyParams } from '../params.js';
import { accountView, type AccountArrays } from './account-view.js';
import { civicView } from './civic-view.js';
import { marketView } from './market-view.js';
import { cuts, distributeView, type DistributeView, perMember, resetCuts, splitOutputs } from './distribute-split.js';

/**
 * Distribution's per-person work, one community at a time, from the communities' columns
 * (phases/distribute.ts books the counters): the split of each output, the owners' pay, sharing by need,
 * the fund's food for the hungry, each dependant's carer and, under interest-bearing capital,
 * the interest paid to proprietors; then the community's own accounts (its taxes, fund and
 * collective's stock) take the cuts, in the columns. No randomness.
 */

/** distribute.out, per community: what the cuts added up to for the counters, proprietors, and carers newly found. */
export const DISTRIBUTE_OUT = { stride: 7, taxedFood: 0, taxedManufactures: 1, rentPaid: 2, profitFood: 3, profitManufactures: 4, proprietors: 5, carersFound: 6 } as const;

/**
 * `distribute.carers`, per member position k (as in `members.rows[k]`), written by the kernel:
 * the carer's row for a dependant who has one and −1 for everyone else. `consume` reads it; no
 * member moves in between.
 */
export const CARERS = 'distribute.carers';

/**
 * A carer found by searching the family is written to the `carer` column as FOUND − row (ids
 * live in the table, out of a kernel's reach); the phase turns it into the id afterwards.
 */
export const FOUND_CARER = -3;

/** One community's month, in as few passes over its members as the order of operations allows. */
export const distributeIncome: Kernel = {
  name: 'distribute.income',
  streams: [],
  run(scope, c) {
    const out = scope.arrays['distribute.out'] as Float64Array;
    const p = scope.params as unknown as SocietyParams;
    const v = distributeView(scope);
    const civic = civicView(scope);
    const owned = resetCuts(p, civic.commonsRate[c]!, civic.sharing[c]!);
    splitOutputs(v, p, c, owned);
    const accounts = accountView(scope);
    const fund = 2 * c;
    // The fund's food as it is booked below: its share of output, then the owners' part
    // where no proprietor is left to take it — the same additions, in the same order.
    let fundFood = accounts.food[fund]! + cuts.fundedFood;
    if (owned && (cuts.ownedFood !== 0 || cuts.ownedManufactures !== 0) && cuts.proprietors === 0) fundFood += cuts.ownedFood;
    if (owned) payOwners(v, p, c);
    const budget = civic.fundPayout[c]! * fundFood;
    const markets = marketView(scope);
    const fundShortfall = shareSettleAndFindNeed(v, p, c, budget, markets.price[2 * c]!, markets.price[2 * c + 1]!);
    const o = c * DISTRIBUTE_OUT.stride;
    const paying = budget > 0 && fundShortfall > 0;
    const paid = payFundAndFindCarers(v, p, c, paying ? Math.min(1, budget / fundShortfall) : 0, paying);
    out[o + DISTRIBUTE_OUT.carersFound] = found;
    if (p.capital === 'interest') payInterest(v, p, c, accounts.loan[c]!);
    writeCuts(out, o);
    bookAccounts(accounts, c, paying, paid);
  },
};

/**
 * The community's side of the cuts, in the order the month happened: its taxes (waiting for
 * the central budget), the fund's share, the collective's retained output, the owners' part the
 * fund takes where no proprietor is left, then the fund's food payment to the hungry.
 */
function bookAccounts(accounts: AccountArrays, c: number, paying: boolean, paid: number): void {
  const fund = 2 * c;
  const taxes = 2 * c + 1;
  accounts.food[taxes]! += cuts.taxedFood;
  accounts.manufactures[taxes]! += cuts.taxedManufactures;
  accounts.food[fund]! += cuts.fundedFood;
  accounts.manufactures[fund]! += cuts.fundedManufactures;
  accounts.stock[c]! += cuts.retainedTotal;
  if ((cuts.ownedFood !== 0 || cuts.ownedManufactures !== 0) && cuts.proprietors === 0) {
    accounts.food[fund]! += cuts.ownedFood;
    accounts.manufactures[fund]! += cuts.ownedManufactures;
  }
  if (paying) accounts.food[fund]! -= paid;
}

function writeCuts(out: Float64Array, o: number): void {
  out[o + DISTRIBUTE_OUT.taxedFood] = cuts.taxedFood;
  out[o + DISTRIBUTE_OUT.taxedManufactures] = cuts.taxedManufactures;
  out[o + DISTRIBUTE_OUT.rentPaid] = cuts.rentPaid;
  out[o + DISTRIBUTE_OUT.profitFood] = cuts.profitFood;
  out[o + DISTRIBUTE_OUT.profitManufactures] = cuts.profitManufactures;
  out[o + DISTRIBUTE_OUT.proprietors] = cuts.proprietors;
}

/**
 * Pays the owners' part to the proprietors (where there are any: else the fund takes it). Where
 * owners could take a part, the food shortfall is summed here, from the incomes after their pay.
 */
function payOwners(v: DistributeView, p: SocietyParams, c: number): void {
  const { ownedFood, ownedManufactures, proprietors } = cuts;
  const paying = (ownedFood !== 0 || ownedManufactures !== 0) && proprietors !== 0;
  const { proprietor, rows } = v;
  const foodNeed = p.foodNeed;
  const keptFoodAt = perMember.keptFood;
  const keptManufacturesAt = perMember.keptManufactures;
  const adultEquivalentAt = perMember.adultEquivalent;
  const foodEach = ownedFood / proprietors;
  const manufacturesEach = ownedManufactures / proprietors;
  let shortfall = 0;
  const start = v.start[c]!;
  const end = v.start[c + 1]!;
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
 * each member's income to their holdings, and returns the food shortfall the fund will meet.
 */
function shareSettleAndFindNeed(v: DistributeView, p: SocietyParams, c: number, budget: number, priceFood: number, priceManufactures: number): number {
  const { food, manufactures, income, lifetimeIncome, rows } = v;
  const foodNeed = p.foodNeed;
  const { poolFood, poolManufactures, adultEquivalents, shortfall } = cuts;
  const sharing = !((poolFood === 0 && poolManufactures === 0) || adultEquivalents === 0);
  const topUpShare = sharing && shortfall > 0 ? Math.min(1, poolFood / shortfall) : 0;
  const spareFood = poolFood - topUpShare * shortfall;
  const needy = budget > 0;
  const keptFoodAt = perMember.keptFood;
  const keptManufacturesAt = perMember.keptManufactures;
  const adultEquivalentAt = perMember.adultEquivalent;
  const needAt = perMember.need;
  let fundShortfall = 0;
  const start = v.start[c]!;
  const end = v.start[c + 1]!;
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
  return fundShortfall;
}

/** Carers found by searching the family in the last call (this thread's). */
let found = 0;

/**
 * The fund pays `share` of each member's need in food (returns the total paid), and each
 * dependant's carer is found and learns how many adult-equivalents they feed (the market and
 * meals use it). One pass: the payments touch food, the count touches dependants, and each
 * keeps member order.
 */
function payFundAndFindCarers(v: DistributeView, p: SocietyParams, c: number, share: number, paying: boolean): number {
  const { food, dependants, carers, rows, carer: recordedIds, carerRow, rowOfId, idOfRow } = v;
  const adultEquivalentAt = perMember.adultEquivalent;
  const workerAt = perMember.worker;
  const needAt = perMember.need;
  let paid = 0;
  found = 0;
  const start = v.start[c]!;
  const end = v.start[c + 1]!;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    const j = k - start;
    if (paying) {
      const give = share * needAt[j]!;
      food[row]! += give;
      paid += give;
    }
    if (workerAt[j]) {
      carers[k] = -1;
      continue;
    }
    // The recorded carer's row (−1: none or no longer alive; −2: searched before, no one found).
    // The row they held last month, when it still holds them: it lies among this community's rows,
    // where the id map is a read anywhere in millions of entries (most of the pass's time at 1M).
    const id = recordedIds[row]!;
    let recorded = id === -2 ? -2 : -1;
    if (id >= 0) {
      const hint = carerRow[row]!;
      if (hint >= 0 && hint < idOfRow.length && idOfRow[hint] === id) recorded = hint;
      else if (id < rowOfId.length) {
        recorded = rowOfId[id]!;
        carerRow[row] = recorded;
      }
    }
    const carer = carerOf(v, p, c, row, recorded);
    carers[k] = carer;
    if (carer >= 0) dependants[carer]! += adultEquivalentAt[j]!;
  }
  return paid;
}

/**
 * The row of the working adult who feeds a dependant (as people/care.ts's `carerOf`): the
 * recorded carer (`recorded`, their row) while they live, work and share the community; else
 * the first working member of the same family, kept as the new carer; else −1.
 */
function carerOf(v: DistributeView, p: SocietyParams, c: number, row: number, recorded: number): number {
  const { community, age, family, carer, rows } = v;
  const { adultAge, retirementAge } = p;
  if (recorded >= 0 && community[recorded] === c) {
    const years = age[recorded]!;
    if (years >= adultAge && years < retirementAge) return recorded;
  }
  // -2: searched before and found no one; searching every month would cost O(members²).
  if (recorded === -2) return -1;
  const kin = family[row]!;
  const end = v.start[c + 1]!;
  for (let k = v.start[c]!; k < end; k++) {
    const other = rows[k]!;
    if (other === row || family[other] !== kin) continue;
    const years = age[other]!;
    if (years >= adultAge && years < retirementAge) {
      carer[row] = FOUND_CARER - other;
      v.carerRow[row] = other;
      found++;
      return other;
    }
  }
  carer[row] = -2;
  return -1;
}

/** Interest on the collective's debt, paid to its proprietors (the phase books the collective's side). */
function payInterest(v: DistributeView, p: SocietyParams, c: number, collectiveCredit: number): void {
  const debt = -collectiveCredit;
  if (debt <= 0) return;
  const interest = p.interestRate * debt;
  const proprietors = cuts.proprietors;
  if (proprietors === 0) return;
  const { proprietor, credit, rows } = v;
  const end = v.start[c + 1]!;
  for (let k = v.start[c]!; k < end; k++) {
    const row = rows[k]!;
    if (proprietor[row]) credit[row]! += interest / proprietors;
  }
}
