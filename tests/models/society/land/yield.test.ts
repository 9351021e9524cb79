import { describe, expect, it } from 'vitest';
import { harvestCells, regrowCells } from '../../../../models/society/land/yield.js';
import { Society } from '../../../../models/society/index.js';
import { scenarioParams } from '../helpers.js';

describe('the harvest', () => {
  it('draws the amount from the cells the community holds, in proportion to their stock', () => {
    const resource = Float32Array.from([4, 2, 8, 6]);
    const user = Int32Array.from([3, 3, 5, 3]);
    // Cells 0, 1 and 3 are community 3's; cell 2 is listed but held by community 5.
    const taken = harvestCells(resource, user, [9, 0, 1, 2, 3], 1, 5, 3, 6);
    expect(taken).toBeCloseTo(6, 5);
    expect(Array.from(resource)).toEqual([2, 1, 8, 3]);
  });

  it('takes everything and no more when the amount exceeds the stock, and nothing from bare land', () => {
    const resource = Float32Array.from([1, 2]);
    const user = Int32Array.from([0, 0]);
    expect(harvestCells(resource, user, [0, 1], 0, 2, 0, 10)).toBe(3);
    expect(Array.from(resource)).toEqual([0, 0]);
    expect(harvestCells(resource, user, [0, 1], 0, 2, 0, 1)).toBe(0);
    expect(harvestCells(Float32Array.from([1]), Int32Array.from([0]), [0], 0, 1, 0, 0)).toBe(0);
  });
});

describe('regrowth', () => {
  it('is logistic toward capacity within the range given, and returns the stock added', () => {
    const resource = Float32Array.from([0.5, 0.5, 1, 0.2]);
    const capacity = Float32Array.from([1, 1, 1, 0]);
    const grown = regrowCells(resource, capacity, 1, 4, 0.2);
    expect(resource[0]).toBe(0.5); // outside the range
    expect(resource[1]).toBeCloseTo(0.5 + 0.2 * 0.5 * 0.5, 6);
    expect(resource[2]).toBe(1); // at capacity
    expect(resource[3]).toBeCloseTo(0.2, 6); // no capacity: untouched
    expect(grown).toBeCloseTo(0.05, 6);
  });
});

describe('who holds the land', () => {
  it('a community with members holds every cell it lists, so the land kernels write disjoint cells', () => {
    // Under crisis-armed, communities empty and release their cells (which others may claim anew);
    // the kernels' own check (`land.user`) keeps a stale list from writing another's cell.
    const society = new Society(scenarioParams('crisis-armed'), 7);
    let emptied = 0;
    for (let step = 0; step < 240; step++) {
      society.step();
      for (const community of society.communities) {
        if (society.members.count(community.id) === 0) {
          emptied++;
          continue;
        }
        for (const cell of community.cells) expect(society.land.user[cell]).toBe(community.id);
      }
    }
    expect(emptied).toBeGreaterThan(0);
  }, 60_000);
});
