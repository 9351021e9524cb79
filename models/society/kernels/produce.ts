import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { landInCells } from '../land/cell-index.js';
import { harvestCells } from '../land/yield.js';
import { landView } from './land.js';
import { accountView } from './account-view.js';
import { civicView } from './civic-view.js';
import { marketView, type MarketArrays } from './market-view.js';
import { personView } from './person-view.js';
import { chooseEffort, keptShareAt, workerDetection } from '../economy/effort.js';
import type { SocietyParams } from '../params.js';

/**
 * Production's per-person work, one community at a time (phases/produce.ts prepares the
 * inputs and books the totals); the output kernel records each community's markets and hours
 * in their columns. Two kernels on the community's `produce` stream: effort and
 * sector choices (which sum the labour each sector gets, and from it the community's yields),
 * then each worker's output.
 */

/**
 * produce.effortIn, per community: who is in, and what the yields need: each sector's output factor (services,
 * technology, time away) and the land unit. The policy, the monitors' detection and enforcement, the prices and
 * the collective's capital are the communities' columns.
 */
export const EFFORT_IN = { stride: 4, active: 0, factorFood: 1, factorManufactures: 2, landUnit: 3 } as const;
/** produce.effortOut, per community: labour by sector (skill × effort), free riders, workers, the food land, the detection chance used. */
export const EFFORT_OUT = { stride: 6, labourFood: 0, labourManufactures: 1, freeRiders: 2, workers: 3, land: 4, detection: 5 } as const;
/** produce.outputIn, per community: output per unit of labour, by sector. */
export const OUTPUT_IN = { stride: 2, perUnitFood: 0, perUnitManufactures: 1 } as const;
/** produce.outputOut, per community: goods produced by sector, and the resource the harvest took. */
export const OUTPUT_OUT = { stride: 3, producedFood: 0, producedManufactures: 1, harvested: 2 } as const;

/** The columns both kernels read, typed; rebuilt only when the scope's arrays were replaced. */
const view = cachedView(personView);

/**
 * Effort and sector choices: e* from the kept share, the norm and deterrence; free riders counted.
 * Then the community's yields: output per unit of labour by sector, into produce.outputIn.
 */
export const produceEffort: Kernel = {
  name: 'produce.effort',
  streams: ['produce'],
  run(scope, c) {
    const input = scope.arrays['produce.effortIn'] as Float64Array;
    const out = scope.arrays['produce.effortOut'] as Float64Array;
    const i = c * EFFORT_IN.stride;
    const o = c * EFFORT_OUT.stride;
    out.fill(0, o, o + EFFORT_OUT.stride);
    if (input[i + EFFORT_IN.active] === 0) return;
    const p = scope.params as unknown as SocietyParams;
    const v = view(scope);
    const rng = scope.rng(c, 'produce');
    const { adultAge, retirementAge, switchRate, normWeight, effortCost, shirkingRatio } = p;
    const marginalFood = 1 - p.foodElasticity;
    const marginalManufactures = 1 - p.manufacturesElasticity;
    const civic = civicView(scope);
    const tau = civic.sharing[c]!;
    const sharingFactor = 1 - tau + tau / (v.start[c + 1]! - v.start[c]!);
    // The chance of being named comes from the monitors accountability put in place; members
    // expect a sanction only as often as named acts were in fact punished, and a heavier one
    // for each strike already on their record (the graduated ladder).
    const detection = civic.detection[c]!;
    const sanctionIfNamed = civic.enforcement[c]! * p.sanction;
    const expectedMember = workerDetection(p, detection, false) * sanctionIfNamed;
    const expectedProprietor = workerDetection(p, detection, true) * sanctionIfNamed;
    // Kept shares by sector and ownership (2 × sector + proprietor), computed once per community.
    for (let k = 0; k < 4; k++) kept[k] = keptShareAt(p, civic.commonsRate[c]!, k >> 1, (k & 1) === 1);
    // What an hour of skill earns in each sector at last month's prices and productivity.
    const markets = marketView(scope);
    const foodValue = markets.price[2 * c]! * markets.productivity[2 * c]!;
    const manufacturesValue = markets.price[2 * c + 1]! * markets.productivity[2 * c + 1]!;
    let labourFood = 0;
    let labourManufactures = 0;
    let freeRiders = 0;
    let workers = 0;
    const end = v.start[c + 1]!;
    for (let m = v.start[c]!; m < end; m++) {
      const row = v.rows[m]!;
      v.shirked[row] = 0;
      if (v.age[row]! < adultAge || v.age[row]! >= retirementAge || v.auditor[row] === 1) {
        v.effort[row] = 0;
        continue;
      }
      if (rng.next() < switchRate) v.sector[row] = betterSector(foodValue, manufacturesValue, v.skillFood[row]!, v.skillManufactures[row]!);
      const sector = v.sector[row]!;
      const skill = sector === 0 ? v.skillFood[row]! : v.skillManufactures[row]!;
      const owner = v.proprietor[row]!;
      const keep = kept[2 * sector + owner]!;
      // The marginal product of an hour, in labour-hours at cost: (1 − a) × skill.
      const w = (sector === 0 ? marginalFood : marginalManufactures) * skill;
      const deterrence = (owner === 1 ? expectedProprietor : expectedMember) * (1 + v.strikes[row]!);
      const effort = chooseEffort(keep * sharingFactor, w, v.civicNorm[row]!, normWeight, deterrence, effortCost);
      if (effort < shirkingRatio * chooseEffort(keep, w, v.civicNorm[row]!, normWeight, deterrence, effortCost)) {
        freeRiders++;
        v.shirked[row] = 1;
      }
      workers++;
      v.effort[row] = effort;
      if (sector === 0) labourFood += skill * effort;
      else labourManufactures += skill * effort;
    }
    out[o + EFFORT_OUT.labourFood] = labourFood;
    out[o + EFFORT_OUT.labourManufactures] = labourManufactures;
    out[o + EFFORT_OUT.freeRiders] = freeRiders;
    out[o + EFFORT_OUT.workers] = workers;
    out[o + EFFORT_OUT.detection] = detection;
    // The food land the yield needs, where anyone farms.
    const land = labourFood > 0 ? communityLand(scope, c) : 0;
    out[o + EFFORT_OUT.land] = land;
    const outputIn = scope.arrays['produce.outputIn'] as Float64Array;
    const food = foodYield(p, land / input[i + EFFORT_IN.landUnit]!, labourFood) * input[i + EFFORT_IN.factorFood]!;
    const equipment = accountView(scope).capital[c]! / Math.max(1e-9, p.capitalPerWorker);
    const manufactures = manufacturesYield(p, equipment, labourManufactures) * input[i + EFFORT_IN.factorManufactures]!;
    outputIn[c * OUTPUT_IN.stride + OUTPUT_IN.perUnitFood] = food / Math.max(1e-12, labourFood);
    outputIn[c * OUTPUT_IN.stride + OUTPUT_IN.perUnitManufactures] = manufactures / Math.max(1e-12, labourManufactures);
  },
};

/** The effort kernel's kept shares for one community (one per thread). */
const kept = new Float64Array(4);

/** Food from h hours on `land` units of land: Y = A·h·(land/h)^a. */
function foodYield(p: SocietyParams, land: number, h: number): number {
  if (h <= 0) return 0;
  return p.foodProductivity * h * Math.pow(land / h, p.foodElasticity);
}

/** Manufactures from h hours with the collective's equipment (in workers' worth) plus hand tools standing in for half the target per hour. */
function manufacturesYield(p: SocietyParams, equipment: number, h: number): number {
  if (h <= 0) return 0;
  return p.manufacturesProductivity * h * Math.pow((equipment + 0.5 * h) / h, p.manufacturesElasticity);
}

/** Community c's food land (`landInCells` over its cells in the flat index; see land/cell-index.ts). */
function communityLand(scope: KernelScope, c: number): number {
  const land = landView(scope);
  return landInCells(land, land.cells, land.start[c]!, land.start[c + 1]!);
}

/** The sector where an hour earns more at today's prices (ties and a dead market go by skill). */
function betterSector(foodValue: number, manufacturesValue: number, skillFood: number, skillManufactures: number): number {
  const food = foodValue * skillFood;
  const manufactures = manufacturesValue * skillManufactures;
  if (food === 0 && manufactures === 0) return skillFood >= skillManufactures ? 0 : 1;
  return food >= manufactures ? 0 : 1;
}

/** The output kernel's normal draws for one community (grown to the largest; one per thread). */
let normals = new Float64Array(256);

/** One market's output, productivity, (slowly moving) labour cost and hours for the month. */
function recordMarket(markets: MarketArrays, slot: number, produced: number, labour: number, hours: number): void {
  markets.output[slot] = produced;
  if (labour > 0) markets.productivity[slot] = produced / labour;
  // Labour cost moves slowly: one month's luck should not reprice the goods.
  if (produced > 0) markets.labourCost[slot] = 0.8 * markets.labourCost[slot]! + 0.2 * (hours / produced);
  markets.hours[slot] = hours;
}

/** Each worker's output: their share of the sector's yield times a mean-one lognormal shock. */
export const produceOutput: Kernel = {
  name: 'produce.output',
  streams: ['produce'],
  run(scope, c) {
    const input = scope.arrays['produce.outputIn'] as Float64Array;
    const active = scope.arrays['produce.effortIn'] as Float64Array;
    const out = scope.arrays['produce.outputOut'] as Float64Array;
    const o = c * OUTPUT_OUT.stride;
    out.fill(0, o, o + OUTPUT_OUT.stride);
    if (active[c * EFFORT_IN.stride + EFFORT_IN.active] === 0) return;
    const p = scope.params as unknown as SocietyParams;
    const v = view(scope);
    const rng = scope.rng(c, 'produce');
    const sigma = p.shockSpread;
    const hoursPerMonth = p.hoursPerMonth;
    const perUnitFood = input[c * OUTPUT_IN.stride + OUTPUT_IN.perUnitFood]!;
    const perUnitManufactures = input[c * OUTPUT_IN.stride + OUTPUT_IN.perUnitManufactures]!;
    let producedFood = 0;
    let producedManufactures = 0;
    let hoursFood = 0;
    let hoursManufactures = 0;
    const first = v.start[c]!;
    const end = v.start[c + 1]!;
    // One normal draw per worker, in member order: drawn together first, the same numbers.
    let draws = 0;
    if (sigma > 0) {
      for (let m = first; m < end; m++) if (v.effort[v.rows[m]!]! > 0) draws++;
      if (normals.length < draws) normals = new Float64Array(Math.max(draws, 2 * normals.length));
      rng.fillNormals(normals, draws);
    }
    const drift = (sigma * sigma) / 2;
    let d = 0;
    for (let m = first; m < end; m++) {
      const row = v.rows[m]!;
      const effort = v.effort[row]!;
      if (effort <= 0) {
        v.output[row] = 0;
        continue;
      }
      const sector = v.sector[row]!;
      const skill = sector === 0 ? v.skillFood[row]! : v.skillManufactures[row]!;
      const shock = sigma > 0 ? Math.exp(sigma * normals[d++]! - drift) : 1;
      v.output[row] = (sector === 0 ? perUnitFood : perUnitManufactures) * skill * effort * shock;
      if (sector === 0) {
        producedFood += v.output[row]!;
        hoursFood += effort * hoursPerMonth;
      } else {
        producedManufactures += v.output[row]!;
        hoursManufactures += effort * hoursPerMonth;
      }
    }
    out[o + OUTPUT_OUT.producedFood] = producedFood;
    out[o + OUTPUT_OUT.producedManufactures] = producedManufactures;
    const labour = scope.arrays['produce.effortOut'] as Float64Array;
    const markets = marketView(scope);
    const e = c * EFFORT_OUT.stride;
    recordMarket(markets, 2 * c, producedFood, labour[e + EFFORT_OUT.labourFood]!, hoursFood);
    recordMarket(markets, 2 * c + 1, producedManufactures, labour[e + EFFORT_OUT.labourManufactures]!, hoursManufactures);
    // The harvest draws the food's share of the resource down from the cells the community holds.
    const land = landView(scope);
    out[o + OUTPUT_OUT.harvested] = harvestCells(land.resource, land.user, land.cells, land.start[c]!, land.start[c + 1]!, c, producedFood * p.harvestPerFood);
  },
};
