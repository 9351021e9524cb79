import type { NamedPhase } from '../../../sim/index.js';
import { communityStream, type Community } from '../communities/community.js';
import { chooseEffort, keptShare, workerDetection } from '../economy/effort.js';
import type { Society } from '../society.js';
import { outputFactor } from '../services/effects.js';

/**
 * Production per community and sector: workers reconsider their sector (a few each
 * month), choose effort from the share they keep, their civic norm and the chance of
 * being named; Y = A·H·(factor/H)^a with land (food) or capital (manufactures) as the
 * factor; each person's output is their share of H times a lognormal shock. Harvest draws
 * down the community's resource. Reads prices, policy, land; mutates sector, effort,
 * output, resource, markets. One stream per community.
 */
export const produce: NamedPhase<Society> = {
  name: 'produce',
  run(society) {
    if (!society.params.production) {
      society.people.cols.output.fill(0);
      return;
    }
    for (const community of society.communities) produceIn(society, community);
  },
};

const labour = new Float64Array(2);

function produceIn(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { age, effort: effortOf, sector: sectorOf, skillFood, skillManufactures, proprietor, civicNorm, strikes, auditor, shirked } = people.cols;
  const rows = members.rows;
  const rng = communityStream(society.streams, community, 'produce');
  const n = members.count(community.id);
  if (n === 0) return;
  const tau = community.policy.sharing;
  const sharingFactor = 1 - tau + tau / n;
  // The chance of being named comes from the monitors accountability put in place; members
  // expect a sanction only as often as named acts were in fact punished, and a heavier one
  // for each strike already on their record (the graduated ladder).
  const detection = community.governance.detection;
  const sanctionIfNamed = community.governance.enforcement * p.sanction;
  const expected = [workerDetection(p, detection, false) * sanctionIfNamed, workerDetection(p, detection, true) * sanctionIfNamed];
  const { adultAge, retirementAge, switchRate, normWeight, effortCost } = p;
  // Kept shares by sector and ownership, computed once per community.
  const kept = [keptShare(p, community, 0, false), keptShare(p, community, 0, true), keptShare(p, community, 1, false), keptShare(p, community, 1, true)];
  const marginal = [1 - p.foodElasticity, 1 - p.manufacturesElasticity];
  labour[0] = labour[1] = 0;
  let freeRiders = 0;
  let workers = 0;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = rows[k]!;
    shirked[row] = 0;
    if (age[row]! < adultAge || age[row]! >= retirementAge || auditor[row] === 1) {
      effortOf[row] = 0;
      continue;
    }
    if (rng.next() < switchRate) sectorOf[row] = betterSector(community, skillFood[row]!, skillManufactures[row]!);
    const sector = sectorOf[row]!;
    const skill = sector === 0 ? skillFood[row]! : skillManufactures[row]!;
    const keep = kept[2 * sector + proprietor[row]!]!;
    // The marginal product of an hour, in labour-hours at cost: (1 − a) × skill.
    const w = marginal[sector]! * skill;
    const deterrence = expected[proprietor[row]!]! * (1 + strikes[row]!);
    const effort = chooseEffort(keep * sharingFactor, w, civicNorm[row]!, normWeight, deterrence, effortCost);
    if (effort < p.shirkingRatio * chooseEffort(keep, w, civicNorm[row]!, normWeight, deterrence, effortCost)) {
      freeRiders++;
      shirked[row] = 1;
    }
    workers++;
    effortOf[row] = effort;
    labour[sector]! += skill * effort;
  }
  society.counters.freeRiders += freeRiders;
  society.counters.workers += workers;
  society.counters.detection += detection * workers;
  const yields = [foodYield(society, community, labour[0]!) * outputFactor(society, community.id, 0), manufacturesYield(society, community, labour[1]!) * outputFactor(society, community.id, 1)];
  assignOutput(society, community, rng, yields);
}

function betterSector(community: Community, skillFood: number, skillManufactures: number): number {
  const food = community.food.price * community.food.productivity * skillFood;
  const manufactures = community.manufactures.price * community.manufactures.productivity * skillManufactures;
  if (food === 0 && manufactures === 0) return skillFood >= skillManufactures ? 0 : 1;
  return food >= manufactures ? 0 : 1;
}

function foodYield(society: Society, community: Community, h: number): number {
  const p = society.params;
  if (h <= 0) return 0;
  const land = society.landOf(community) / society.landUnit;
  return p.foodProductivity * h * Math.pow(land / h, p.foodElasticity);
}

function manufacturesYield(society: Society, community: Community, h: number): number {
  const p = society.params;
  if (h <= 0) return 0;
  // Hand tools stand in for half the target equipment, so a new collective still produces.
  const equipment = community.collective.capital / Math.max(1e-9, p.capitalPerWorker) + 0.5 * h;
  return p.manufacturesProductivity * h * Math.pow(equipment / h, p.manufacturesElasticity);
}

function assignOutput(society: Society, community: Community, rng: ReturnType<typeof communityStream>, yields: number[]): void {
  const { people, members, params: p } = society;
  const { effort: effortOf, sector: sectorOf, skillFood, skillManufactures, output } = people.cols;
  const rows = members.rows;
  const sigma = p.shockSpread;
  const hoursPerMonth = p.hoursPerMonth;
  const perUnit = [yields[0]! / Math.max(1e-12, labour[0]!), yields[1]! / Math.max(1e-12, labour[1]!)];
  const produced = [0, 0];
  const hours = [0, 0];
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) {
    const row = rows[k]!;
    const effort = effortOf[row]!;
    if (effort <= 0) {
      output[row] = 0;
      continue;
    }
    const sector = sectorOf[row]!;
    const skill = sector === 0 ? skillFood[row]! : skillManufactures[row]!;
    const shock = sigma > 0 ? Math.exp(sigma * rng.normal() - (sigma * sigma) / 2) : 1;
    output[row] = perUnit[sector]! * skill * effort * shock;
    produced[sector]! += output[row]!;
    hours[sector]! += effort * hoursPerMonth;
  }
  recordProduction(society, community, produced, hours);
}

function recordProduction(society: Society, community: Community, produced: number[], hours: number[]): void {
  const markets = [community.food, community.manufactures];
  for (let s = 0; s < 2; s++) {
    const market = markets[s]!;
    market.output = produced[s]!;
    market.productivity = labour[s]! > 0 ? produced[s]! / labour[s]! : market.productivity;
    // Labour cost moves slowly: one month's luck should not reprice the goods.
    if (produced[s]! > 0) market.labourCost = 0.8 * market.labourCost + 0.2 * (hours[s]! / produced[s]!);
  }
  community.hours.food = hours[0]!;
  community.hours.manufactures = hours[1]!;
  society.ledger.source('food', 'production', produced[0]!);
  society.ledger.source('manufactures', 'production', produced[1]!);
  harvest(society, community, produced[0]! * society.params.harvestPerFood);
}

function harvest(society: Society, community: Community, amount: number): void {
  const { resource } = society.land;
  let stock = 0;
  for (const cell of community.cells) stock += resource[cell]!;
  if (stock <= 0 || amount <= 0) return;
  const share = Math.min(1, amount / stock);
  let taken = 0;
  for (const cell of community.cells) {
    const before = resource[cell]!;
    resource[cell] = before * (1 - share);
    taken += before - resource[cell]!;
  }
  society.ledger.sink('resource', 'harvest', taken);
}
