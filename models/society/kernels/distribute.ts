import type { Kernel } from '../../../sim/index.js';
import type { SocietyParams } from '../params.js';
import { personColumns } from './person-view.js';
import { closureKernel } from '../../../sim/index.js';
import { ownersPart } from '../economy/effort.js';
import { accountView } from './account-view.js';
import { civicView } from './civic-view.js';
import { marketView } from './market-view.js';

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
export const distributeIncome: Kernel = closureKernel('distribute.income', [], { DISTRIBUTE_OUT, FOUND_CARER, ownersPart, accountView, civicView, marketView, personColumns }, (arrays, lib) => {
  const OUT = lib.DISTRIBUTE_OUT;
  /** The columns and arrays the passes read and write. */
  const v = Object.assign(lib.personColumns(arrays), {
    carers: arrays['distribute.carers'] as Int32Array,
    /** The person table's id → row map and row → id map (`Table.idColumns`), to find recorded carers. */
    rowOfId: arrays['ids.rowOfId'] as Int32Array,
    idOfRow: arrays['ids.idOfRow'] as Int32Array,
  });
  /** The communities' accounts, replaced as communities are founded: set at each call. */
  let accounts = undefined as unknown as ReturnType<typeof lib.accountView>;
  /** The members' bucket bounds, read from the scope at each call (they are rebuilt most months). */
  let bounds: Int32Array = new Int32Array(0);

  // Distribution's first pass over one community's members and the state it hands to the
  // later passes: the month's rates, what the cuts added up to, and each member's kept income,
  // in scratch arrays indexed by position in the community's bucket. All of it lives for one
  // call, so each build (and so each thread) keeps its own.

  /** One community's rates for the month, resolved once, and what the cuts added up to. */
  const cuts = {
    tax: 0,
    fund: 0,
    sharing: 0,
    retained: 0,
    /** Rent on food (under landlords) and the owners' whole part, per sector (rent ≤ owners). */
    rentFood: 0,
    ownersFood: 0,
    ownersManufactures: 0,
    // What the pass over members added up to.
    taxedFood: 0,
    taxedManufactures: 0,
    fundedFood: 0,
    fundedManufactures: 0,
    rentPaid: 0,
    /** Owners' part beyond rent, per sector. */
    profitFood: 0,
    profitManufactures: 0,
    retainedTotal: 0,
    ownedFood: 0,
    ownedManufactures: 0,
    poolFood: 0,
    poolManufactures: 0,
    proprietors: 0,
    adultEquivalents: 0,
    /** Σ of members' food shortfall against their need, from their incomes (when known). */
    shortfall: 0,
  };

  /**
   * Per member of the community in hand (at k − start in its bucket): the income kept so far
   * per good, the adult-equivalent, whether of working age, and the food short of need the fund
   * may meet. Later passes read these in order instead of gathering the person columns again.
   */
  const perMember = {
    keptFood: new Float64Array(64),
    keptManufactures: new Float64Array(64),
    adultEquivalent: new Float64Array(64),
    worker: new Uint8Array(64),
    need: new Float64Array(64),
  };

  function ensureScratch(size: number): void {
    if (perMember.keptFood.length >= size) return;
    const length = Math.ceil(size * 1.25);
    perMember.keptFood = new Float64Array(length);
    perMember.keptManufactures = new Float64Array(length);
    perMember.adultEquivalent = new Float64Array(length);
    perMember.worker = new Uint8Array(length);
    perMember.need = new Float64Array(length);
  }

  /** Resolves the month's rates from the run's parameters and the community's policy; true when owners take a part of some output. */
  function resetCuts(p: SocietyParams, commonsRate: number, sharing: number): boolean {
    cuts.tax = p.centralBudget ? p.taxRate : 0;
    cuts.fund = commonsRate;
    cuts.rentFood = p.landTenure === 'landlords' ? p.rentShare : 0;
    cuts.ownersFood = lib.ownersPart(p, 0);
    cuts.ownersManufactures = lib.ownersPart(p, 1);
    cuts.retained = p.retainedShare;
    cuts.sharing = sharing;
    return cuts.ownersFood > 0 || cuts.ownersManufactures > 0;
  }

  /**
   * Distribution's first pass: clears last month's dependants, counts proprietors and adult-equivalents,
   * and splits each output, keeping each member's income in the scratch arrays. Where no owners
   * take a part, incomes are final for the need test here, so the food shortfall is summed in
   * the same pass.
   */
  function splitOutputs(p: SocietyParams, c: number, owned: boolean): void {
    const { age, output, proprietor, sector, dependants, rows } = v;
    const { adultAge, retirementAge, foodNeed } = p;
    const start = bounds[c]!;
    const end = bounds[c + 1]!;
    ensureScratch(end - start);
    const keptFoodAt = perMember.keptFood;
    const keptManufacturesAt = perMember.keptManufactures;
    const adultEquivalentAt = perMember.adultEquivalent;
    const workerAt = perMember.worker;
    const { tax: taxRate, fund: fundRate, rentFood, ownersFood, ownersManufactures, retained: retainedRate, sharing } = cuts;
    let taxedFood = 0, taxedManufactures = 0, fundedFood = 0, fundedManufactures = 0, rentPaid = 0;
    let profitFood = 0, profitManufactures = 0, retainedTotal = 0, ownedFood = 0, ownedManufactures = 0;
    let poolFood = 0, poolManufactures = 0, proprietors = 0, adultEquivalents = 0, shortfall = 0;
    for (let k = start; k < end; k++) {
      const row = rows[k]!;
      let keptFood = 0;
      let keptManufactures = 0;
      dependants[row] = 0;
      proprietors += proprietor[row]!;
      const years = age[row]!;
      const ae = years < adultAge ? 0.5 : 1;
      adultEquivalents += ae;
      const out = output[row]!;
      if (out > 0) {
        const food = sector[row] === 0;
        const tax = taxRate * out;
        const toFund = fundRate * (out - tax);
        if (food) {
          taxedFood += tax;
          fundedFood += toFund;
        } else {
          taxedManufactures += tax;
          fundedManufactures += toFund;
        }
        let rest = out - tax - toFund;
        const ownersRate = food ? ownersFood : ownersManufactures;
        if (proprietor[row] === 0 && ownersRate > 0) {
          const rent = (food ? rentFood : 0) * rest;
          const taken = ownersRate * rest;
          rentPaid += rent;
          if (food) {
            ownedFood += taken;
            profitFood += taken - rent;
          } else {
            ownedManufactures += taken;
            profitManufactures += taken - rent;
          }
          rest -= taken;
        }
        if (!food) {
          const retained = retainedRate * rest;
          retainedTotal += retained;
          rest -= retained;
        }
        const shared = sharing * rest;
        if (food) {
          poolFood += shared;
          keptFood = rest - shared;
        } else {
          poolManufactures += shared;
          keptManufactures = rest - shared;
        }
      }
      const j = k - start;
      keptFoodAt[j] = keptFood;
      keptManufacturesAt[j] = keptManufactures;
      adultEquivalentAt[j] = ae;
      workerAt[j] = years >= adultAge && years < retirementAge ? 1 : 0;
      if (!owned) shortfall += Math.max(0, foodNeed * ae - keptFood);
    }
    cuts.taxedFood = taxedFood;
    cuts.taxedManufactures = taxedManufactures;
    cuts.fundedFood = fundedFood;
    cuts.fundedManufactures = fundedManufactures;
    cuts.rentPaid = rentPaid;
    cuts.profitFood = profitFood;
    cuts.profitManufactures = profitManufactures;
    cuts.retainedTotal = retainedTotal;
    cuts.ownedFood = ownedFood;
    cuts.ownedManufactures = ownedManufactures;
    cuts.poolFood = poolFood;
    cuts.poolManufactures = poolManufactures;
    cuts.proprietors = proprietors;
    cuts.adultEquivalents = adultEquivalents;
    cuts.shortfall = shortfall;
  }

  /**
   * The community's side of the cuts, in the order the month happened: its taxes (waiting for
   * the central budget), the fund's share, the collective's retained output, the owners' part the
   * fund takes where no proprietor is left, then the fund's food payment to the hungry.
   */
  function bookAccounts(c: number, paying: boolean, paid: number): void {
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
    out[o + OUT.taxedFood] = cuts.taxedFood;
    out[o + OUT.taxedManufactures] = cuts.taxedManufactures;
    out[o + OUT.rentPaid] = cuts.rentPaid;
    out[o + OUT.profitFood] = cuts.profitFood;
    out[o + OUT.profitManufactures] = cuts.profitManufactures;
    out[o + OUT.proprietors] = cuts.proprietors;
  }

  /**
   * Pays the owners' part to the proprietors (where there are any: else the fund takes it). Where
   * owners could take a part, the food shortfall is summed here, from the incomes after their pay.
   */
  function payOwners(p: SocietyParams, c: number): void {
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
    const start = bounds[c]!;
    const end = bounds[c + 1]!;
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
  function shareSettleAndFindNeed(p: SocietyParams, c: number, budget: number, priceFood: number, priceManufactures: number): number {
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
    const start = bounds[c]!;
    const end = bounds[c + 1]!;
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

  /** Carers found by searching the family in the last call (this build's, and so this thread's). */
  let found = 0;

  /**
   * The fund pays `share` of each member's need in food (returns the total paid), and each
   * dependant's carer is found and learns how many adult-equivalents they feed (the market and
   * meals use it). One pass: the payments touch food, the count touches dependants, and each
   * keeps member order.
   */
  function payFundAndFindCarers(p: SocietyParams, c: number, share: number, paying: boolean): number {
    const { food, dependants, carers, rows, carer: recordedIds, carerRow, rowOfId, idOfRow } = v;
    const adultEquivalentAt = perMember.adultEquivalent;
    const workerAt = perMember.worker;
    const needAt = perMember.need;
    let paid = 0;
    found = 0;
    const start = bounds[c]!;
    const end = bounds[c + 1]!;
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
      const carer = carerOf(p, c, row, recorded);
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
  function carerOf(p: SocietyParams, c: number, row: number, recorded: number): number {
    const { community, age, family, carer, rows } = v;
    const { adultAge, retirementAge } = p;
    if (recorded >= 0 && community[recorded] === c) {
      const years = age[recorded]!;
      if (years >= adultAge && years < retirementAge) return recorded;
    }
    // -2: searched before and found no one; searching every month would cost O(members²).
    if (recorded === -2) return -1;
    const kin = family[row]!;
    const end = bounds[c + 1]!;
    for (let k = bounds[c]!; k < end; k++) {
      const other = rows[k]!;
      if (other === row || family[other] !== kin) continue;
      const years = age[other]!;
      if (years >= adultAge && years < retirementAge) {
        carer[row] = lib.FOUND_CARER - other;
        v.carerRow[row] = other;
        found++;
        return other;
      }
    }
    carer[row] = -2;
    return -1;
  }

  /** Interest on the collective's debt, paid to its proprietors (the phase books the collective's side). */
  function payInterest(p: SocietyParams, c: number, collectiveCredit: number): void {
    const debt = -collectiveCredit;
    if (debt <= 0) return;
    const interest = p.interestRate * debt;
    const proprietors = cuts.proprietors;
    if (proprietors === 0) return;
    const { proprietor, credit, rows } = v;
    const end = bounds[c + 1]!;
    for (let k = bounds[c]!; k < end; k++) {
      const row = rows[k]!;
      if (proprietor[row]) credit[row]! += interest / proprietors;
    }
  }

  return (scope, c) => {
    const p = scope.params as unknown as SocietyParams;
    bounds = scope.arrays['members.start'] as Int32Array;
    accounts = lib.accountView(scope);
    const civic = lib.civicView(scope);
    const out = scope.arrays['distribute.out'] as Float64Array;
    const owned = resetCuts(p, civic.commonsRate[c]!, civic.sharing[c]!);
    splitOutputs(p, c, owned);
    const fund = 2 * c;
    // The fund's food as it is booked below: its share of output, then the owners' part
    // where no proprietor is left to take it — the same additions, in the same order.
    let fundFood = accounts.food[fund]! + cuts.fundedFood;
    if (owned && (cuts.ownedFood !== 0 || cuts.ownedManufactures !== 0) && cuts.proprietors === 0) fundFood += cuts.ownedFood;
    if (owned) payOwners(p, c);
    const budget = civic.fundPayout[c]! * fundFood;
    const markets = lib.marketView(scope);
    const fundShortfall = shareSettleAndFindNeed(p, c, budget, markets.price[2 * c]!, markets.price[2 * c + 1]!);
    const o = c * OUT.stride;
    const paying = budget > 0 && fundShortfall > 0;
    const paid = payFundAndFindCarers(p, c, paying ? Math.min(1, budget / fundShortfall) : 0, paying);
    out[o + OUT.carersFound] = found;
    if (p.capital === 'interest') payInterest(p, c, accounts.loan[c]!);
    writeCuts(out, o);
    bookAccounts(c, paying, paid);
  };
});
