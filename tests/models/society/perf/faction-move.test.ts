import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { moveFactionMembers, movePerson } from '../../../../models/society/association/move.js';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

/** A society a few months in, its largest community, and a new empty one to move into. */
function setUp(seed: number) {
  const society = new Society(small('default', { population: 1200, communities: 4, splits: false, migration: false }), seed);
  society.run({ steps: 4 });
  let from = society.communities[0]!;
  for (const c of society.communities) if (c.population > from.population) from = c;
  const to = society.newCommunity(society.communities.length, from.cells[0]!, new Int32Array(0), 0);
  society.communities.push(to);
  return { society, from, to };
}

describe('moveFactionMembers', () => {
  it('moves the same persons, children with their carers, in the same order as movePerson for each adult of the faction', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const fast = setUp(seed);
      const slow = setUp(seed);
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
      expect(moved).toBeGreaterThan(0);
      expect(Array.from(fast.society.people.cols.community.subarray(0, people.length))).toEqual(Array.from(people.cols.community.subarray(0, people.length)));
      // The clearing accounts sum the same balances in the same order: the same numbers, bit for bit.
      expect(Object.is(fast.from.clearing, slow.from.clearing)).toBe(true);
      expect(Object.is(fast.to.clearing, slow.to.clearing)).toBe(true);
    }
  });
});
