import { describe, expect, it } from 'vitest';
import { assessFees, collectFees, optsOut, servedBy, type Funder } from '../../../../models/society/services/funding.js';
import type { ServedPlace } from '../../../../models/society/services/place.js';
import { serviceRegions, type RegionInputs } from '../../../../models/society/services/regions.js';

const WIDTH = 10;
/** Two watersheds: x < 5 drains to basin 7, x ≥ 5 to basin 3. */
const BASIN = Int32Array.from({ length: WIDTH * WIDTH }, (_, cell) => (cell % WIDTH < 5 ? 7 : 3));

function place(id: number, x: number, y: number, population = 100, area = 10): ServedPlace {
  return { id, x, y, population, area };
}

function inputs(places: ServedPlace[]): RegionInputs {
  return { places, basin: BASIN, width: WIDTH, catchmentDensity: 5, catchmentReach: 3, transportRegion: 5 };
}

describe('service regions', () => {
  const places = [place(0, 1, 1), place(1, 8, 2), place(2, 3, 9), place(3, 6, 6), place(4, 4, 4)];

  it('a watershed region holds exactly the communities whose site drains to it', () => {
    const regions = serviceRegions('watershed', inputs(places));
    expect([...regions.keys()]).toEqual([3, 7]);
    expect(regions.get(7)).toEqual([0, 2, 4]);
    expect(regions.get(3)).toEqual([1, 3]);
  });

  it('a water syndicate serves exactly the funding communities of its watershed', () => {
    const members = serviceRegions('watershed', inputs(places)).get(7)!;
    const funders: Funder[] = members.map((id) => ({ id, population: 100, wealthPerHead: 1 + id, fund: id === 2 ? 0 : 50 }));
    const assessed = assessFees(12, funders, 0.5);
    const optedOut = new Set(funders.filter((f, i) => optsOut(assessed[i]! / f.population, 0.5, 0.1, 0.9)).map((f) => f.id));
    const paid = collectFees(assessed, funders, 0.3);
    const served = servedBy(funders, paid, optedOut);
    // Community 2 has an empty fund and pays nothing; the richest (4) finds the fee too high.
    expect(optedOut.has(4)).toBe(true);
    expect(served).toEqual([0]);
    for (const id of served) expect(members).toContain(id);
  });

  it('global, community and none borders give one region, one each, and none', () => {
    expect([...serviceRegions('global', inputs(places)).values()]).toEqual([[0, 1, 2, 3, 4]]);
    expect([...serviceRegions('community', inputs(places)).values()]).toEqual([[0], [1], [2], [3], [4]]);
    expect(serviceRegions('none', inputs(places)).size).toBe(0);
  });

  it('regional borders are square tiles of the given side', () => {
    const regions = serviceRegions('regional', inputs(places));
    expect([...regions.values()]).toEqual([[0, 4], [1], [2], [3]]);
  });
});
