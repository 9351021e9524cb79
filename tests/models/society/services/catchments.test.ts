import { describe, expect, it } from 'vitest';
import { healthCatchments } from '../../../../models/society/services/catchments.js';
import type { ServedPlace } from '../../../../models/society/services/place.js';

function place(id: number, x: number, y: number, population: number, area = 10): ServedPlace {
  return { id, x, y, population, area };
}

describe('health catchments', () => {
  // Two cities of dense communities far apart, a suburb beside the first, a village far from both.
  const cityA = [place(0, 10, 10, 500), place(1, 13, 10, 400), place(2, 16, 11, 300)];
  const cityB = [place(3, 50, 50, 600), place(4, 52, 53, 350)];
  const suburb = place(5, 21, 11, 50);
  const village = place(6, 80, 10, 40);
  const catchments = healthCatchments([...cityA, ...cityB, suburb, village], 20, 4);

  it('dense communities within reach of each other, transitively, share one catchment', () => {
    expect(new Set(cityA.map((p) => catchments.get(p.id)))).toEqual(new Set([0]));
    expect(new Set(cityB.map((p) => catchments.get(p.id)))).toEqual(new Set([3]));
  });

  it('a sparse community joins the nearest dense cluster within twice the reach', () => {
    expect(catchments.get(5)).toBe(0);
  });

  it('a sparse community far from any city is a catchment of its own', () => {
    expect(catchments.get(6)).toBe(6);
  });

  it('density, not size, makes a core: a big but spread-out community is not urban', () => {
    const spread = healthCatchments([place(0, 0, 0, 1000, 1000), place(1, 2, 0, 300, 10)], 20, 4);
    expect(spread.get(0)).toBe(1);
    expect(spread.get(1)).toBe(1);
  });

  it('does not depend on the order places are given in', () => {
    const places = [...cityA, ...cityB, suburb, village];
    const reversed = healthCatchments([...places].reverse(), 20, 4);
    for (const p of places) expect(reversed.get(p.id)).toBe(catchments.get(p.id));
  });
});
