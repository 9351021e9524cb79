import type { KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { personView } from './person-view.js';
import { ownersPart } from '../economy/effort.js';
import type { SocietyParams } from '../params.js';

// Distribution's first pass over one community's members and the state it hands to the rest
// of the kernel (kernels/distribute.ts): the month's rates, what the cuts added up to, and
// each member's kept income, in scratch arrays indexed by position in the community's bucket.
// All of it lives for one kernel call, so each thread keeps its own.

/** The columns and arrays the distribution kernel reads and writes, typed. */
function buildDistributeView(scope: KernelScope) {
  const a = scope.arrays;
  return Object.assign(personView(scope), {
    carers: a['distribute.carers'] as Int32Array,
    /** The person table's id → row map and row → id map (`Table.idColumns`), to find recorded carers. */
    rowOfId: a['ids.rowOfId'] as Int32Array,
    idOfRow: a['ids.idOfRow'] as Int32Array,
  });
}

/** What the distribution kernel works on. */
export type DistributeView = ReturnType<typeof buildDistributeView>;

/** The view distribution's kernel works on, rebuilt only when the scope's arrays were replaced. */
export const distributeView = cachedView(buildDistributeView);

/** One community's rates for the month, resolved once, and what the cuts added up to. */
export const cuts = {
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
export const perMember = {
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
export function resetCuts(p: SocietyParams, commonsRate: number, sharing: number): boolean {
  cuts.tax = p.centralBudget ? p.taxRate : 0;
  cuts.fund = commonsRate;
  cuts.rentFood = p.landTenure === 'landlords' ? p.rentShare : 0;
  cuts.ownersFood = ownersPart(p, 0);
  cuts.ownersManufactures = ownersPart(p, 1);
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
export function splitOutputs(v: DistributeView, p: SocietyParams, c: number, owned: boolean): void {
  const { age, output, proprietor, sector, dependants, rows } = v;
  const { adultAge, retirementAge, foodNeed } = p;
  const start = v.start[c]!;
  const end = v.start[c + 1]!;
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
