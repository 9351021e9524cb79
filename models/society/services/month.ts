import type { Society } from '../society.js';
import { allocateCentralBudget, electedSurvivalWeight } from './central-allocation.js';
import { collectMonthFees, OptOutMasks } from './collect.js';
import { communityColumns, type CommunityColumns } from './community-columns.js';
import { moveValue, takeValue, worth } from './goods.js';
import { fundingVerdict, workersFunded } from './lifecycle.js';
import { serviceQuality } from './quality.js';
import { dissolve } from './redraw.js';
import { SERVICE_FUNCTIONS, type Syndicate } from './syndicate.js';
import { goodsRatio, wealthAndFunds } from './view.js';
import { governmentView } from '../defence/view.js';

/**
 * A month of syndicates: each asks its fee from the communities it serves, on the sliding
 * scale and within each community's earmarked slice of its fund; under one central budget
 * the fees go to the purse and the government splits it between defence and services.
 * Then each syndicate delivers (a sink) what its own budget allows, its quality follows,
 * and underfunded ones shrink or dissolve.
 */
export function runServiceMonth(society: Society, goodsSums?: Float64Array, columns: CommunityColumns = communityColumns(society)): void {
  const { wealth, funds } = wealthAndFunds(society, goodsSums);
  const unitary = society.params.unitaryBudget;
  const ratio = goodsRatio(society);
  const syndicates = society.services.syndicates;
  const { population } = columns;
  const optOuts = new OptOutMasks(society);
  for (let i = 0; i < syndicates.length; i++) collectMonthFees(society, syndicates[i]!, wealth, funds, unitary, ratio, population, optOuts);
  if (unitary) allocatePurse(society);
  // A copy: a syndicate that dissolves leaves the list while it is walked.
  const spent = { serviceFood: 0, serviceManufactures: 0, spoiledFood: 0, spoiledManufactures: 0 };
  for (const syndicate of syndicates.slice()) deliver(society, syndicate, spent, population);
  // Booked once for all syndicates: four ledger entries each would be 80,000 map updates a month at a million persons.
  society.ledger.sink('food', 'service', spent.serviceFood);
  society.ledger.sink('manufactures', 'service', spent.serviceManufactures);
  society.ledger.sink('food', 'spoilage', spent.spoiledFood);
  society.ledger.sink('manufactures', 'spoilage', spent.spoiledManufactures);
  refreshQuality(society);
}

function allocatePurse(society: Society): void {
  const { services: state, params: p } = society;
  const ratio = goodsRatio(society);
  const total = worth(society.budget, ratio);
  state.policeFunded = 0;
  if (total <= 0) return;
  const police = policeAsked(society);
  let asked = police;
  for (const s of state.syndicates) asked += s.asked;
  const weight = electedSurvivalWeight(p.survivalWeight, 0, p.electoralPull);
  const split = allocateCentralBudget({ ...governmentView(society), total, serviceScale: Math.max(1e-9, asked), survivalWeight: weight, horizonMonths: p.governmentHorizon, contestExponent: p.contestExponent });
  const soldiers = spendFromPurse(society, split.defence, 'defence');
  society.defence.centralSoldiers = soldiers / Math.max(1e-9, p.soldierPay);
  state.counters.centralDefence += soldiers;
  if (police > 0) {
    const paid = spendFromPurse(society, (split.services * police) / asked, 'service');
    state.policeFunded = Math.min(1, paid / police);
    state.counters.centralServices += paid;
  }
  for (const s of state.syndicates) {
    const share = asked > 0 ? (split.services * s.asked) / asked : 0;
    s.received = moveValue(society.budget, s.budget, share, ratio);
    state.counters.centralServices += s.received;
  }
}

/** What armed police would cost this month, when crises are answered by them. */
function policeAsked(society: Society): number {
  const p = society.params;
  if (p.crisisResponse !== 'armed') return 0;
  let persons = 0;
  for (const c of society.communities) persons += c.population;
  return p.policePerPerson * persons * p.soldierPay;
}

function spendFromPurse(society: Society, value: number, sink: 'defence' | 'service'): number {
  const ratio = goodsRatio(society);
  const spent = takeValue(society.budget, value, ratio);
  society.ledger.sink('food', sink, spent.food);
  society.ledger.sink('manufactures', sink, spent.manufactures);
  return spent.food + ratio * spent.manufactures;
}

/** What the month's deliveries used and spoiled, for the books. */
interface Spent {
  serviceFood: number;
  serviceManufactures: number;
  spoiledFood: number;
  spoiledManufactures: number;
}

function deliver(society: Society, syndicate: Syndicate, spent: Spent, population: Float64Array): void {
  const { services: state, params: p } = society;
  const ratio = goodsRatio(society);
  let persons = 0;
  for (const c of syndicate.clients) persons += population[c]!;
  // It delivers what it asked for, or all a central purse gave it when that was more.
  const spend = Math.min(worth(syndicate.budget, ratio), Math.max(syndicate.asked, syndicate.received));
  const used = takeValue(syndicate.budget, spend, ratio);
  syndicate.spent = used.food + ratio * used.manufactures;
  spent.serviceFood += used.food;
  spent.serviceManufactures += used.manufactures;
  state.counters.delivered += syndicate.spent;
  syndicate.quality = serviceQuality(syndicate.spent, syndicate.skim, p.serviceCost, persons, p.economiesOfScale);
  syndicate.workers = workersFunded(persons, p.workersPerService, syndicate.received, syndicate.asked);
  spoil(society, syndicate, spent);
  const verdict = fundingVerdict(syndicate.received, syndicate.asked, p.shrinkBelow, syndicate.underfundedMonths, p.dissolveAfter);
  if (verdict === 'keep') syndicate.underfundedMonths = 0;
  // Under one central budget the government, not its clients, decides what an agency gets:
  // starved, it shrinks (its quality falls) but is not dissolved.
  else if (verdict === 'shrink' || society.params.unitaryBudget) syndicate.underfundedMonths++;
  else dissolve(society, syndicate);
}

function spoil(society: Society, syndicate: Syndicate, spent: Spent): void {
  const p = society.params;
  const food = syndicate.budget.food * p.foodSpoilage;
  const manufactures = syndicate.budget.manufactures * p.manufacturesWear;
  syndicate.budget.food -= food;
  syndicate.budget.manufactures -= manufactures;
  spent.spoiledFood += food;
  spent.spoiledManufactures += manufactures;
}

function refreshQuality(society: Society): void {
  const state = society.services;
  for (const fn of SERVICE_FUNCTIONS) state.quality[fn].fill(0);
  for (const syndicate of state.syndicates) {
    for (const c of syndicate.clients) state.quality[syndicate.function][c] = syndicate.quality;
  }
}
