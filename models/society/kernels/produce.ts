import type { Kernel } from '../../../sim/index.js';
import { closureKernel } from '../../../sim/index.js';
import { landInCells } from '../land/cell-index.js';
import { harvestCells } from '../land/yield.js';
import { accountView } from './account-view.js';
import { civicView } from './civic-view.js';
import { landView } from './land.js';
import { marketView, type MarketArrays } from './market-view.js';
import { chooseEffort, keptShareAt, workerDetection } from '../economy/effort.js';
import type { SocietyParams } from '../params.js';
import { personColumns } from './person-view.js';

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

/**
 * Effort and sector choices: e* from the kept share, the norm and deterrence; free riders counted.
 * Then the community's yields: output per unit of labour by sector, into produce.outputIn.
 */
export const produceEffort: Kernel = closureKernel(
  'produce.effort',
  ['produce'],
  { EFFORT_IN, EFFORT_OUT, OUTPUT_IN, chooseEffort, keptShareAt, workerDetection, betterSector, landInCells, foodYield, manufacturesYield, civicView, marketView, accountView, landView, personColumns },
  (arrays, lib) => {
    const { EFFORT_IN: IN, EFFORT_OUT: OUT, OUTPUT_IN: YIELD } = lib;
    const { rows, age, auditor, shirked, effort: effortOf, sector: sectorOf, skillFood, skillManufactures, proprietor, strikes, civicNorm } = lib.personColumns(arrays);
    /** Kept shares by sector and ownership (2 × sector + proprietor), for the community at hand. */
    const kept = new Float64Array(4);
    return (scope, c) => {
      // The arrays indexed by community are replaced as communities are founded: read at each call.
      const input = scope.arrays['produce.effortIn'] as Float64Array;
      const out = scope.arrays['produce.effortOut'] as Float64Array;
      const i = c * IN.stride;
      const o = c * OUT.stride;
      out.fill(0, o, o + OUT.stride);
      if (input[i + IN.active] === 0) return;
      const p = scope.params as unknown as SocietyParams;
      const start = scope.arrays['members.start'] as Int32Array;
      const rng = scope.rng(c, 'produce');
      const { adultAge, retirementAge, switchRate, normWeight, effortCost, shirkingRatio } = p;
      const marginalFood = 1 - p.foodElasticity;
      const marginalManufactures = 1 - p.manufacturesElasticity;
      const civic = lib.civicView(scope);
      const tau = civic.sharing[c]!;
      const sharingFactor = 1 - tau + tau / (start[c + 1]! - start[c]!);
      // The chance of being named comes from the monitors accountability put in place; members
      // expect a sanction only as often as named acts were in fact punished, and a heavier one
      // for each strike already on their record (the graduated ladder).
      const detection = civic.detection[c]!;
      const sanctionIfNamed = civic.enforcement[c]! * p.sanction;
      const expectedMember = lib.workerDetection(p, detection, false) * sanctionIfNamed;
      const expectedProprietor = lib.workerDetection(p, detection, true) * sanctionIfNamed;
      // Kept shares by sector and ownership (2 × sector + proprietor), computed once per community.
      for (let k = 0; k < 4; k++) kept[k] = lib.keptShareAt(p, civic.commonsRate[c]!, k >> 1, (k & 1) === 1);
      // What an hour of skill earns in each sector at last month's prices and productivity.
      const markets = lib.marketView(scope);
      const foodValue = markets.price[2 * c]! * markets.productivity[2 * c]!;
      const manufacturesValue = markets.price[2 * c + 1]! * markets.productivity[2 * c + 1]!;
      let labourFood = 0;
      let labourManufactures = 0;
      let freeRiders = 0;
      let workers = 0;
      const end = start[c + 1]!;
      for (let m = start[c]!; m < end; m++) {
        const row = rows[m]!;
        shirked[row] = 0;
        if (age[row]! < adultAge || age[row]! >= retirementAge || auditor[row] === 1) {
          effortOf[row] = 0;
          continue;
        }
        if (rng.next() < switchRate) sectorOf[row] = lib.betterSector(foodValue, manufacturesValue, skillFood[row]!, skillManufactures[row]!);
        const sector = sectorOf[row]!;
        const skill = sector === 0 ? skillFood[row]! : skillManufactures[row]!;
        const owner = proprietor[row]!;
        const keep = kept[2 * sector + owner]!;
        // The marginal product of an hour, in labour-hours at cost: (1 − a) × skill.
        const w = (sector === 0 ? marginalFood : marginalManufactures) * skill;
        const deterrence = (owner === 1 ? expectedProprietor : expectedMember) * (1 + strikes[row]!);
        const effort = lib.chooseEffort(keep * sharingFactor, w, civicNorm[row]!, normWeight, deterrence, effortCost);
        if (effort < shirkingRatio * lib.chooseEffort(keep, w, civicNorm[row]!, normWeight, deterrence, effortCost)) {
          freeRiders++;
          shirked[row] = 1;
        }
        workers++;
        effortOf[row] = effort;
        if (sector === 0) labourFood += skill * effort;
        else labourManufactures += skill * effort;
      }
      out[o + OUT.labourFood] = labourFood;
      out[o + OUT.labourManufactures] = labourManufactures;
      out[o + OUT.freeRiders] = freeRiders;
      out[o + OUT.workers] = workers;
      out[o + OUT.detection] = detection;
      // The food land the yield needs, where anyone farms (land/cell-index.ts: the community's cells in the flat index).
      const land = lib.landView(scope);
      const landHeld = labourFood > 0 ? lib.landInCells(land, land.cells, land.start[c]!, land.start[c + 1]!) : 0;
      out[o + OUT.land] = landHeld;
      const food = lib.foodYield(p, landHeld / input[i + IN.landUnit]!, labourFood) * input[i + IN.factorFood]!;
      const equipment = lib.accountView(scope).capital[c]! / Math.max(1e-9, p.capitalPerWorker);
      const manufactures = lib.manufacturesYield(p, equipment, labourManufactures) * input[i + IN.factorManufactures]!;
      const outputIn = scope.arrays['produce.outputIn'] as Float64Array;
      outputIn[c * YIELD.stride + YIELD.perUnitFood] = food / Math.max(1e-12, labourFood);
      outputIn[c * YIELD.stride + YIELD.perUnitManufactures] = manufactures / Math.max(1e-12, labourManufactures);
    };
  },
);

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

/** The sector where an hour earns more at today's prices (ties and a dead market go by skill). */
function betterSector(foodValue: number, manufacturesValue: number, skillFood: number, skillManufactures: number): number {
  const food = foodValue * skillFood;
  const manufactures = manufacturesValue * skillManufactures;
  if (food === 0 && manufactures === 0) return skillFood >= skillManufactures ? 0 : 1;
  return food >= manufactures ? 0 : 1;
}

/** Each worker's output: their share of the sector's yield times a mean-one lognormal shock. */
export const produceOutput: Kernel = closureKernel('produce.output', ['produce'], { EFFORT_IN, EFFORT_OUT, OUTPUT_IN, OUTPUT_OUT, harvestCells, marketView, landView, personColumns }, (arrays, lib) => {
  const { EFFORT_IN: ACTIVE, EFFORT_OUT: LABOUR, OUTPUT_IN: IN, OUTPUT_OUT: OUT } = lib;
  const { rows, effort: effortOf, sector: sectorOf, skillFood, skillManufactures, output } = lib.personColumns(arrays);
  /** The community's normal draws (grown to the largest; one per build, and so per thread). */
  let normals = new Float64Array(256);

  /** One market's output, productivity, (slowly moving) labour cost and hours for the month. */
  function recordMarket(markets: MarketArrays, slot: number, produced: number, labourUsed: number, hours: number): void {
    markets.output[slot] = produced;
    if (labourUsed > 0) markets.productivity[slot] = produced / labourUsed;
    // Labour cost moves slowly: one month's luck should not reprice the goods.
    if (produced > 0) markets.labourCost[slot] = 0.8 * markets.labourCost[slot]! + 0.2 * (hours / produced);
    markets.hours[slot] = hours;
  }

  return (scope, c) => {
    // The arrays indexed by community are replaced as communities are founded: read at each call.
    const input = scope.arrays['produce.outputIn'] as Float64Array;
    const active = scope.arrays['produce.effortIn'] as Float64Array;
    const out = scope.arrays['produce.outputOut'] as Float64Array;
    const o = c * OUT.stride;
    out.fill(0, o, o + OUT.stride);
    if (active[c * ACTIVE.stride + ACTIVE.active] === 0) return;
    const p = scope.params as unknown as SocietyParams;
    const start = scope.arrays['members.start'] as Int32Array;
    const rng = scope.rng(c, 'produce');
    const sigma = p.shockSpread;
    const hoursPerMonth = p.hoursPerMonth;
    const perUnitFood = input[c * IN.stride + IN.perUnitFood]!;
    const perUnitManufactures = input[c * IN.stride + IN.perUnitManufactures]!;
    let producedFood = 0;
    let producedManufactures = 0;
    let hoursFood = 0;
    let hoursManufactures = 0;
    const first = start[c]!;
    const end = start[c + 1]!;
    // One normal draw per worker, in member order: drawn together first, the same numbers.
    let draws = 0;
    if (sigma > 0) {
      for (let m = first; m < end; m++) if (effortOf[rows[m]!]! > 0) draws++;
      if (normals.length < draws) normals = new Float64Array(Math.max(draws, 2 * normals.length));
      rng.fillNormals(normals, draws);
    }
    const drift = (sigma * sigma) / 2;
    let d = 0;
    for (let m = first; m < end; m++) {
      const row = rows[m]!;
      const effort = effortOf[row]!;
      if (effort <= 0) {
        output[row] = 0;
        continue;
      }
      const sector = sectorOf[row]!;
      const skill = sector === 0 ? skillFood[row]! : skillManufactures[row]!;
      const shock = sigma > 0 ? Math.exp(sigma * normals[d++]! - drift) : 1;
      output[row] = (sector === 0 ? perUnitFood : perUnitManufactures) * skill * effort * shock;
      if (sector === 0) {
        producedFood += output[row]!;
        hoursFood += effort * hoursPerMonth;
      } else {
        producedManufactures += output[row]!;
        hoursManufactures += effort * hoursPerMonth;
      }
    }
    out[o + OUT.producedFood] = producedFood;
    out[o + OUT.producedManufactures] = producedManufactures;
    const labour = scope.arrays['produce.effortOut'] as Float64Array;
    const markets = lib.marketView(scope);
    const e = c * LABOUR.stride;
    recordMarket(markets, 2 * c, producedFood, labour[e + LABOUR.labourFood]!, hoursFood);
    recordMarket(markets, 2 * c + 1, producedManufactures, labour[e + LABOUR.labourManufactures]!, hoursManufactures);
    // The harvest draws the food's share of the resource down from the cells the community holds.
    const land = lib.landView(scope);
    out[o + OUT.harvested] = lib.harvestCells(land.resource, land.user, land.cells, land.start[c]!, land.start[c + 1]!, c, producedFood * p.harvestPerFood);
  };
});
