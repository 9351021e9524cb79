import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { healthCatchments } from '../../../../models/society/services/catchments.js';
import { assessFees, optsOut } from '../../../../models/society/services/funding.js';
import { splitRegion } from '../../../../models/society/services/lifecycle.js';
import { decideOptOuts } from '../../../../models/society/services/opt-outs.js';
import { distance, type ServedPlace } from '../../../../models/society/services/place.js';
import { serviceQuality } from '../../../../models/society/services/quality.js';
import { splitOversized } from '../../../../models/society/services/redraw.js';
import { ServiceState } from '../../../../models/society/services/state.js';
import { newSyndicate } from '../../../../models/society/services/syndicate.js';
import { fundersOf } from '../../../../models/society/services/view.js';
import type { Society } from '../../../../models/society/society.js';

/** The straightforward versions the yearly redraw used before: sorts with comparators, queue.shift, per-funder objects. */
const reference = {
  splitRegion(places: readonly ServedPlace[]): [number[], number[]] {
    const xs = places.map((p) => p.x);
    const ys = places.map((p) => p.y);
    const alongX = Math.max(...xs) - Math.min(...xs) >= Math.max(...ys) - Math.min(...ys);
    const sorted = [...places].sort((a, b) => (alongX ? a.x - b.x : a.y - b.y) || a.id - b.id);
    const half = Math.ceil(sorted.length / 2);
    const ids = (part: ServedPlace[]) => part.map((p) => p.id).sort((a, b) => a - b);
    return [ids(sorted.slice(0, half)), ids(sorted.slice(half))];
  },
  splitOversized(regions: number[][], byId: Map<number, ServedPlace>, splitAbove: number): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const queue = [...regions];
    while (queue.length > 0) {
      const members = queue.shift()!;
      if (members.length > splitAbove) queue.push(...reference.splitRegion(members.map((id) => byId.get(id)!)));
      else out.set(Math.min(...members), members);
    }
    return new Map([...out].sort((a, b) => a[0] - b[0]));
  },
  catchments(places: readonly ServedPlace[], threshold: number, reach: number): Map<number, number> {
    const density = (p: ServedPlace) => (p.area > 0 ? p.population / p.area : p.population);
    const cores = places.filter((p) => density(p) >= threshold).sort((a, b) => a.id - b.id);
    const within = (centre: ServedPlace, radius: number) => cores.filter((core) => distance(core, centre) <= radius);
    const parent = new Map<number, number>(cores.map((core) => [core.id, core.id]));
    const root = (id: number): number => (parent.get(id) === id ? id : root(parent.get(id)!));
    for (const core of cores) {
      for (const other of within(core, reach)) {
        const [a, b] = [root(core.id), root(other.id)];
        if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
      }
    }
    const catchment = new Map<number, number>();
    for (const place of places) {
      if (parent.has(place.id)) catchment.set(place.id, root(place.id));
      else {
        let best: ServedPlace | undefined;
        let bestDistance = Infinity;
        for (const core of within(place, 2 * reach)) {
          const d = distance(core, place);
          if (d < bestDistance) [best, bestDistance] = [core, d];
        }
        catchment.set(place.id, best === undefined ? place.id : root(best.id));
      }
    }
    return catchment;
  },
};

/** Places crowded onto a small map (shared cells, equal distances) or spread over a large one; ids shuffled. */
function randomPlaces(rng: Rng, trial: number): ServedPlace[] {
  const side = 1 + rng.int(trial % 3 === 0 ? 8 : trial % 3 === 1 ? 80 : 2000);
  const n = 1 + rng.int(200);
  const ids = rng.shuffle(Array.from({ length: n }, (_, i) => i * (1 + (trial % 4))));
  const fractional = trial % 5 === 4;
  return ids.map((id) => ({ id, x: rng.int(side) + (fractional ? rng.next() : 0), y: rng.int(side), population: 1 + rng.int(400), area: 1 + rng.int(30) }));
}

describe('the yearly redraw of service regions', () => {
  it('splits regions in two exactly as the comparator sort did, ties and fractional sites included', () => {
    const rng = new Rng('split-region');
    for (let trial = 0; trial < 200; trial++) {
      const places = randomPlaces(rng, trial);
      expect(splitRegion(places)).toEqual(reference.splitRegion(places));
    }
  });

  it('splits oversized regions into the same keyed regions as the queue of arrays did', () => {
    const rng = new Rng('split-oversized');
    for (let trial = 0; trial < 60; trial++) {
      const places = randomPlaces(rng, trial);
      const byId = new Map(places.map((p) => [p.id, p]));
      const sorted = places.map((p) => p.id).sort((a, b) => a - b);
      const cut = 1 + rng.int(sorted.length);
      const regions = [sorted.slice(0, cut), sorted.slice(cut)].filter((r) => r.length > 0);
      const splitAbove = 2 + rng.int(20);
      expect([...splitOversized(regions, byId, splitAbove)]).toEqual([...reference.splitOversized(regions, byId, splitAbove)]);
    }
  });

  it('draws the same health catchments as checking every core, nearest ties by id', () => {
    const rng = new Rng('catchments');
    for (let trial = 0; trial < 120; trial++) {
      const places = randomPlaces(rng, trial);
      const threshold = rng.int(40);
      const reach = 1 + rng.int(trial % 2 === 0 ? 4 : 40);
      expect([...healthCatchments(places, threshold, reach)]).toEqual([...reference.catchments(places, threshold, reach)]);
    }
  });

  it('lets the same communities opt out as the per-funder objects did', () => {
    const rng = new Rng('opt-outs');
    let out = 0;
    for (let trial = 0; trial < 40; trial++) {
      const { society, wealth } = fakeSociety(rng, trial);
      decideOptOuts(society, 'health', wealth);
      const expected = referenceOptOuts(society, wealth);
      expect([...society.services.optedOut.health].sort((a, b) => a - b)).toEqual(expected);
      out += expected.length;
    }
    // Some communities stay and some leave, so both sides of the decision are compared.
    expect(out).toBeGreaterThan(10);
  });
});

/** A society with what opting out reads: communities, syndicates of one function and who serves whom. */
function fakeSociety(rng: Rng, trial: number): { society: Society; wealth: Float64Array } {
  const count = 5 + rng.int(120);
  const communities = Array.from({ length: count }, (_, id) => ({ id, population: rng.next() < 0.1 ? 0 : 1 + rng.int(300), fund: { food: rng.next() * 500, manufactures: rng.next() * 100 } }));
  const wealth = Float64Array.from(communities, () => (rng.next() < 0.1 ? 0 : rng.next() * 40));
  const services = new ServiceState();
  services.ensure(count);
  for (let s = 0; s < 1 + rng.int(8); s++) {
    const members = communities.filter(() => rng.next() < 0.4).map((c) => c.id);
    const syndicate = newSyndicate(s, s % 4 === 3 ? 'water' : 'health', s, members, rng.int(30), false, rng.next() * 0.3, rng.next() * 2);
    syndicate.quality = rng.next();
    services.add(syndicate);
    for (const c of members) if (rng.next() < 0.8) services.provider[syndicate.function][c] = syndicate.id;
  }
  const annexed = new Set(communities.filter(() => rng.next() < 0.05).map((c) => c.id));
  const params = { unitaryBudget: false, slidingScale: rng.next(), serviceCost: 1 + rng.next(), economiesOfScale: rng.next() * 0.5, serviceValue: rng.next(), optOutBurden: trial % 2 === 0 ? 0.5 : 3, foodProductivity: 1, manufacturesProductivity: 2 };
  const society = { communities, services, params, steps: 24, defence: { isAnnexed: (c: number) => annexed.has(c) } } as unknown as Society;
  return { society, wealth };
}

function referenceOptOuts(society: Society, wealth: Float64Array): number[] {
  const p = society.params;
  const out = new Set<number>();
  for (const syndicate of society.services.syndicates) {
    if (syndicate.function !== 'health') continue;
    const members = syndicate.regionMembers.filter((c) => society.services.provider.health[c] === syndicate.id && society.communities[c]!.population > 0);
    const funders = fundersOf(society, members, wealth);
    const persons = funders.reduce((total, f) => total + f.population, 0);
    const assessed = assessFees(syndicate.fee * persons, funders, p.slidingScale);
    const quality = society.steps - syndicate.founded < 12 ? serviceQuality(syndicate.fee * persons, syndicate.skim, p.serviceCost, persons, p.economiesOfScale) : syndicate.quality;
    funders.forEach((f, i) => {
      if (!society.defence.isAnnexed(f.id) && optsOut(assessed[i]! / f.population, quality, p.serviceValue, p.optOutBurden)) out.add(f.id);
    });
  }
  return [...out].sort((a, b) => a - b);
}
