import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { CellIndex, landInCells, shareLand } from '../../../../models/society/land/cell-index.js';
import { Society } from '../../../../models/society/society.js';
import { small } from '../helpers.js';

/** Communities with random cell lists (some empty), as founding hands them out. */
function communities(count: number, rng: Rng): { cells: Int32Array }[] {
  return Array.from({ length: count }, () => ({ cells: Int32Array.from({ length: rng.int(12) }, () => rng.int(5000)) }));
}

describe('CellIndex', () => {
  it("lists each community's cells flat, in its own order, appending communities founded since", () => {
    for (const shared of [false, true]) {
      const rng = new Rng('cells');
      const list = communities(40, rng);
      const index = new CellIndex(shared);
      index.update(list);
      list.push(...communities(300, rng)); // enough to outgrow both arrays
      index.update(list);
      index.update(list); // nothing new: nothing moves
      for (let c = 0; c < list.length; c++) expect(Array.from(index.cells.subarray(index.start[c]!, index.start[c + 1]!))).toEqual(Array.from(list[c]!.cells));
      expect(index.start.buffer).toBeInstanceOf(shared ? SharedArrayBuffer : ArrayBuffer);
      expect(index.cells.buffer).toBeInstanceOf(shared ? SharedArrayBuffer : ArrayBuffer);
    }
  });
});

describe('landInCells', () => {
  it("is the society's food land of a community, bit for bit, through its own list or the flat index", () => {
    const society = new Society(small('default', { population: 2000, communities: 20 }) as never, 4);
    society.run({ steps: 3 });
    const index = new CellIndex(false);
    index.update(society.communities);
    for (const community of society.communities) {
      const { fertility, water, resource, capacity } = society.land;
      let expected = 0;
      for (const cell of community.cells) {
        const cap = capacity[cell]!;
        expected += fertility[cell]! * (0.5 + 0.5 * water[cell]!) * (0.5 + 0.5 * (cap > 0 ? resource[cell]! / cap : 0));
      }
      expect(society.landOf(community)).toBe(expected);
      expect(landInCells(society.land, index.cells, index.start[community.id]!, index.start[community.id + 1]!)).toBe(expected);
    }
  });

  it('reads the same from the land shared for threads', () => {
    const society = new Society(small('default', { population: 2000, communities: 20 }) as never, 4);
    const before = society.communities.map((c) => society.landOf(c));
    shareLand(society.land);
    expect(society.land.resource.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(society.communities.map((c) => society.landOf(c))).toEqual(before);
  });
});
