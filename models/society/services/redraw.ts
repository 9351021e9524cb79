import type { Society } from '../society.js';
import { earmark } from './funding.js';
import { takeValue, worth } from './goods.js';
import { shouldFound, shouldSplit, splitRegion } from './lifecycle.js';
import type { ServedPlace } from './place.js';
import { serviceQuality } from './quality.js';
import { serviceRegions } from './regions.js';
import { SERVICE_FUNCTIONS, newSyndicate, type BorderKind, type ServiceFunction, type Syndicate } from './syndicate.js';
import { decideOptOuts } from './opt-outs.js';
import { goodsRatio, placesOf, wealthPerHead } from './view.js';

/** Months over which founders count a new syndicate's gain. */
const FOUNDING_HORIZON = 120;

/** The border each function has under the parameters. */
export function borderOf(society: Society, fn: ServiceFunction): BorderKind {
  const p = society.params;
  const borders: Record<ServiceFunction, string> = {
    water: p.waterBorder, health: p.healthBorder, transport: p.transportBorder, research: p.researchBorder, education: p.educationBorder,
  };
  return borders[fn] as BorderKind;
}

/** Regions too large for their clients to oversee split in two, recursively; each keyed by its smallest member id. */
export function splitOversized(regions: Iterable<number[]>, byId: Map<number, ServedPlace>, splitAbove: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const queue = [...regions];
  // First in, first out, as a queue read by index (a shift per region would move the rest).
  for (let head = 0; head < queue.length; head++) {
    const members = queue[head]!;
    if (!shouldSplit(members.length, splitAbove)) {
      out.set(smallest(members), members);
      continue;
    }
    const places = new Array<ServedPlace>(members.length);
    for (let i = 0; i < members.length; i++) places[i] = byId.get(members[i]!)!;
    const [first, second] = splitRegion(places);
    queue.push(first, second);
  }
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

function smallest(ids: readonly number[]): number {
  let least = Infinity;
  for (let i = 0; i < ids.length; i++) if (ids[i]! < least) least = ids[i]!;
  return least;
}

/**
 * Redraws every function's service regions (at the start and yearly):
 * regional syndicates follow their region, new regions get a syndicate when their members
 * find it worth founding, syndicates whose region is gone dissolve, clients of bad ones may
 * found rivals, and each community decides whether to opt out. Replans the transport network (built when first read).
 * `goodsSums`: members' goods per community, when a pass over persons already summed them.
 */
export function redrawRegions(society: Society, goodsSums?: Float64Array): void {
  const state = society.services;
  state.ensure(society.communities.length);
  const places = placesOf(society);
  const byId = new Map(places.map((place) => [place.id, place]));
  const wealth = wealthPerHead(society, goodsSums);
  const inputs = { places, basin: society.land.basin, width: society.land.width, catchmentDensity: society.params.catchmentDensity, catchmentReach: society.params.catchmentReach, transportRegion: society.params.transportRegion };
  for (const fn of SERVICE_FUNCTIONS) {
    const regions = splitOversized(serviceRegions(borderOf(society, fn), inputs).values(), byId, society.params.splitAbove);
    reconcile(society, fn, regions);
    foundRivals(society, fn);
    decideOptOuts(society, fn, wealth);
  }
  const served = places.filter((place) => state.provider.transport[place.id]! >= 0 && !state.optedOut.transport.has(place.id));
  state.planTransport(served, society.params.transportRegion, society.land.width);
  state.drawnFor = society.communities.length;
}

function reconcile(society: Society, fn: ServiceFunction, regions: Map<number, number[]>): void {
  const state = society.services;
  const provider = state.provider[fn];
  const regional = new Map(state.syndicates.filter((s) => s.function === fn && !s.rival).map((s) => [s.region, s]));
  for (const [key, syndicate] of regional) if (!regions.has(key)) dissolve(society, syndicate);
  for (const [key, members] of regions) {
    let syndicate = regional.get(key);
    if (!syndicate && wantsFounding(society, members, 0)) syndicate = found(society, fn, key, members, false);
    if (syndicate) syndicate.regionMembers = members;
    for (const c of members) {
      const current = provider[c]! >= 0 ? state.byId(provider[c]!) : undefined;
      if (current?.rival) continue;
      provider[c] = syndicate ? syndicate.id : -1;
    }
  }
  for (let c = 0; c < provider.length; c++) {
    if (provider[c]! >= 0 && !state.byId(provider[c]!)) provider[c] = -1;
  }
}

function wantsFounding(society: Society, members: number[], incumbentQuality: number): boolean {
  const p = society.params;
  let persons = 0;
  let affordable = 0;
  for (const c of members) {
    persons += society.communities[c]!.population;
    affordable += affordableFee(society, c);
  }
  if (persons <= 0) return false;
  const expectedQuality = serviceQuality(affordable, p.syndicateSkim, p.serviceCost, persons, p.economiesOfScale);
  return shouldFound({ incumbentQuality, expectedQuality, rivalBelow: p.rivalBelow, valuePerHead: p.serviceValue, foundingCostPerHead: p.syndicateFoundingCost, horizonMonths: FOUNDING_HORIZON });
}

/**
 * What a community could pay a new syndicate each month: its full fee under one central
 * budget (the purse pays), else no more than its earmark of its fund or of what the fund
 * takes in a month, whichever is larger — founders judge by what they could pay.
 */
function affordableFee(society: Society, c: number): number {
  const p = society.params;
  const community = society.communities[c]!;
  const fee = p.serviceFee * community.population;
  if (p.unitaryBudget) return fee;
  const ratio = goodsRatio(society);
  const inflow = community.policy.commonsRate * (community.food.output + ratio * community.manufactures.output);
  return Math.min(fee, earmark(Math.max(worth(community.fund, ratio), inflow), p.feeCap));
}

/** Founds a syndicate; its founders pay the founding cost from their funds (used up in setting it up). */
export function found(society: Society, fn: ServiceFunction, key: number, members: number[], rival: boolean): Syndicate {
  const state = society.services;
  const syndicate = newSyndicate(state.nextId++, fn, key, members, society.steps, rival, 0, society.params.serviceFee);
  state.add(syndicate);
  state.counters.founded++;
  const ratio = goodsRatio(society);
  for (const c of members) {
    const community = society.communities[c]!;
    const cost = takeValue(community.fund, society.params.syndicateFoundingCost * community.population, ratio);
    society.ledger.sink('food', 'service', cost.food);
    society.ledger.sink('manufactures', 'service', cost.manufactures);
  }
  society.events.log(society.steps + 1, 'syndicate_founded', { syndicate: syndicate.id, function: fn, communities: members.length, rival });
  return syndicate;
}

/** Dissolves a syndicate: what is left of its budget goes back to its region's funds, per head. */
export function dissolve(society: Society, syndicate: Syndicate): void {
  const state = society.services;
  const members = syndicate.regionMembers;
  const communities = society.communities;
  let persons = 0;
  for (let k = 0; k < members.length; k++) {
    const population = communities[members[k]!]!.population;
    if (population > 0) persons += population;
  }
  for (let k = 0; k < members.length; k++) {
    const community = communities[members[k]!]!;
    if (community.population <= 0) continue;
    const share = community.population / persons;
    community.fund.food += syndicate.budget.food * share;
    community.fund.manufactures += syndicate.budget.manufactures * share;
  }
  if (persons <= 0) {
    society.ledger.sink('food', 'service', syndicate.budget.food);
    society.ledger.sink('manufactures', 'service', syndicate.budget.manufactures);
  }
  syndicate.budget.food = syndicate.budget.manufactures = 0;
  state.remove(syndicate);
  const provider = state.provider[syndicate.function];
  for (let c = 0; c < provider.length; c++) if (provider[c] === syndicate.id) provider[c] = -1;
  state.counters.dissolved++;
  society.events.log(society.steps + 1, 'syndicate_dissolved', { syndicate: syndicate.id, function: syndicate.function });
}

function foundRivals(society: Society, fn: ServiceFunction): void {
  const state = society.services;
  const provider = state.provider[fn];
  for (let c = 0; c < provider.length; c++) {
    const community = society.communities[c]!;
    // An annexed community has lost its self-management: it founds nothing.
    if (community.population <= 0 || provider[c]! < 0 || society.defence.isAnnexed(c)) continue;
    const incumbent = state.byId(provider[c]!)!;
    // A rival to a syndicate that serves this community alone would be the same syndicate again.
    if (incumbent.rival || incumbent.regionMembers.length === 1 || society.steps - incumbent.founded < 12) continue;
    if (wantsFounding(society, [c], incumbent.quality)) provider[c] = found(society, fn, c, [c], true).id;
  }
}

