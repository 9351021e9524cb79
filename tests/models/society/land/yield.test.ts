import { describe, expect, it } from 'vitest';
import { harvestCells, regrowCells } from '../../../../models/society/land/yield.js';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';
import { movePerson, settleMembership } from '../../../../models/society/association/move.js';

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
    const society = new Society(small('default', { population: 1500, communities: 12 }), 7);
    const check = () => {
      for (const community of society.communities) {
        if (society.members.count(community.id) === 0) continue;
        for (const cell of community.cells) expect(society.land.user[cell]).toBe(community.id);
      }
    };
    for (let step = 0; step < 6; step++) society.step();
    // Everyone leaves community 0: it is abandoned and lets its cells go (it keeps its list),
    // and the land kernels must leave them to whoever claims them next.
    const [emptied, host] = [society.communities[0]!, society.communities[1]!];
    const rows = Array.from(society.members.rows.subarray(society.members.start[0]!, society.members.start[1]!));
    for (const row of rows) if (society.people.cols.community[row] === 0) movePerson(society, row, host, false);
    settleMembership(society);
    expect(emptied.governance.founded).toBe(-1);
    for (const cell of emptied.cells) expect(society.land.user[cell]).toBe(-1);
    check();
    for (let step = 0; step < 60; step++) {
      society.step();
      check();
    }
  }, 60_000);
});
