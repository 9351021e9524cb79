import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { moveFactionMembers, movePerson } from '../../../../models/society/association/move.js';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

/** A society a few months in, its largest (or smallest) community, and a new empty one to move into. */
function setUp(seed: number, largest = true) {
  const society = new Society(small('default', { population: 1200, communities: 4, splits: false, migration: false }), seed);
  society.run({ steps: 4 });
  let from = society.communities[0]!;
  for (const c of society.communities) if (largest ? c.population > from.population : c.population < from.population) from = c;
  const to = society.newCommunity(society.communities.length, from.cells[0]!, new Int32Array(0), 0);
  society.communities.push(to);
  return { society, from, to };
}

/** Moves one faction both ways (the one pass, and movePerson adult by adult) and checks they agree. */
function compareMoves(seed: number, largest: boolean): { moved: number; size: number } {
  const fast = setUp(seed, largest);
  const slow = setUp(seed, largest);
  const side = new Uint8Array(fast.society.people.length + 16);
  const rng = new Rng(`faction-${seed}`);
  for (let row = 0; row < side.length; row++) side[row] = rng.int(2);
  const moved = moveFactionMembers(fast.society, fast.from, fast.to, side, 1);
  let expected = 0;
  const { members, people, params } = slow.society;
  for (let k = members.start[slow.from.id]!; k < members.start[slow.from.id + 1]!; k++) {
    const row = members.rows[k]!;
    if (people.cols.community[row] !== slow.from.id || people.cols.age[row]! < params.adultAge || side[row] !== 1) continue;
    expected += movePerson(slow.society, row, slow.to, false);
  }
  expect(moved).toBe(expected);
  expect(Array.from(fast.society.people.cols.community.subarray(0, people.length))).toEqual(Array.from(people.cols.community.subarray(0, people.length)));
  // The clearing accounts sum the same balances in the same order: the same numbers, bit for bit.
  expect(Object.is(fast.from.clearing, slow.from.clearing)).toBe(true);
  expect(Object.is(fast.to.clearing, slow.to.clearing)).toBe(true);
  return { moved, size: members.count(slow.from.id) };
}

describe('moveFactionMembers', () => {
  it('keeps its scratch by community: a larger community after a smaller one (the scratch grows) moves as movePerson does', () => {
    const smaller = compareMoves(9, false);
    const larger = compareMoves(9, true);
    expect(larger.size).toBeGreaterThan(smaller.size);
    expect(smaller.moved * larger.moved).toBeGreaterThan(0);
    // And back to a smaller one, with the grown scratch holding the larger community's marks.
    compareMoves(10, false);
  });

  it('moves the same persons, children with their carers, in the same order as movePerson for each adult of the faction', () => {
    for (let seed = 1; seed <= 4; seed++) expect(compareMoves(seed, true).moved).toBeGreaterThan(0);
  });
});
