import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { createPeopleTable, type People } from '../../../../models/society/people/people.js';
import { markProprietors } from '../../../../models/society/people/populate.js';

/** The rule as first written: sort the rows by food, richest first, lower row first on ties, and mark the first count. */
function referenceMarks(food: number[], share: number): number[] {
  const rows = food.map((_, k) => k);
  rows.sort((a, b) => food[b]! - food[a]! || a - b);
  const count = Math.max(1, Math.round(share * rows.length));
  const marks = food.map(() => 0);
  for (let k = 0; k < Math.min(count, rows.length); k++) marks[rows[k]!] = 1;
  return marks;
}

function tableWith(before: number, food: number[]): People {
  const people = createPeopleTable(4);
  for (let k = 0; k < before; k++) people.add({ food: 1e9 });
  for (const value of food) people.add({ food: value });
  return people;
}

describe('markProprietors', () => {
  it('marks the same rows as sorting every row by food, ties included', () => {
    const rng = new Rng('proprietors');
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + rng.int(60);
      // Few distinct values make ties common, including at the threshold.
      const distinct = 1 + rng.int(6);
      const food = Array.from({ length: n }, () => (rng.bernoulli(0.5) ? rng.int(distinct) : rng.lognormal(0, 1)));
      const share = [0.01, 0.1, 0.25, 0.5, 0.99, 1][rng.int(6)]!;
      const before = rng.int(5);
      const people = tableWith(before, food);
      markProprietors(people, before, before + n, share);
      expect(Array.from(people.cols.proprietor.subarray(before, before + n))).toEqual(referenceMarks(food, share));
      expect(Array.from(people.cols.proprietor.subarray(0, before)).every((mark) => mark === 0)).toBe(true);
    }
  });

  it('marks nobody when the share is zero', () => {
    const people = tableWith(0, [3, 1, 2]);
    markProprietors(people, 0, 3, 0);
    expect(Array.from(people.cols.proprietor.subarray(0, 3))).toEqual([0, 0, 0]);
  });
});
