import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { MonthLinks } from '../../../../models/society/knowledge/month-links.js';

/** Random ascending neighbour lists for `communities` communities. */
function randomLinks(rng: Rng, communities: number): number[][] {
  return Array.from({ length: communities }, () => {
    const set = new Set<number>();
    for (let k = rng.int(5); k > 0; k--) set.add(rng.int(communities));
    return [...set].sort((a, b) => a - b);
  });
}

describe('MonthLinks', () => {
  it('copies each month\'s links flat and names exactly the communities whose list changed', () => {
    const rng = new Rng('month-links');
    const flat = new MonthLinks();
    let before: number[][] = [];
    let communities = 1 + rng.int(5);
    for (let month = 0; month < 300; month++) {
      // Now and then new communities; each month a few lists redrawn, the rest the same (or equal copies).
      if (rng.next() < 0.2) communities += rng.int(30);
      const fresh = randomLinks(rng, communities);
      const links = fresh.map((list, c) => (c < before.length && rng.next() < 0.8 ? (rng.next() < 0.5 ? before[c]! : [...before[c]!]) : list));
      const changed = flat.read((c) => links[c]!, communities);
      const expected = links.flatMap((list, c) => (c >= before.length || list.join() !== before[c]!.join() ? [c] : []));
      expect(changed).toEqual(expected);
      for (let c = 0; c < communities; c++) {
        expect(Array.from(flat.targets.subarray(flat.start[c]!, flat.start[c + 1]!))).toEqual(links[c]);
      }
      before = links;
    }
  });
});
