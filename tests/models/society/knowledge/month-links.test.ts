import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { MonthLinks } from '../../../../models/society/knowledge/month-links.js';

/** Ascending neighbour lists of an undirected graph on `communities` communities. */
function listsOf(edges: Set<string>, communities: number): number[][] {
  const sets = Array.from({ length: communities }, () => new Set<number>());
  for (const edge of edges) {
    const [a, b] = edge.split('-').map(Number) as [number, number];
    sets[a]!.add(b);
    sets[b]!.add(a);
  }
  return sets.map((set) => [...set].sort((x, y) => x - y));
}

describe('MonthLinks', () => {
  it('copies each month\'s links flat and names exactly the communities whose list changed', () => {
    const rng = new Rng('month-links');
    const flat = new MonthLinks();
    const edges = new Set<string>();
    let before: number[][] = [];
    let communities = 1 + rng.int(5);
    for (let month = 0; month < 300; month++) {
      // Now and then new communities; each month a few links made or broken (both ways), the rest the same.
      if (rng.next() < 0.2) communities += rng.int(30);
      for (let k = rng.int(4); k > 0; k--) {
        const [a, b] = [rng.int(communities), rng.int(communities)];
        if (a === b) continue;
        const edge = `${Math.min(a, b)}-${Math.max(a, b)}`;
        if (edges.has(edge)) edges.delete(edge);
        else edges.add(edge);
      }
      const fresh = listsOf(edges, communities);
      // An unchanged list is passed as last month's very array or as an equal copy.
      const links = fresh.map((list, c) => (c < before.length && list.join() === before[c]!.join() && rng.next() < 0.5 ? before[c]! : list));
      const changed = flat.read((c) => links[c]!, communities);
      const expected = links.flatMap((list, c) => (c >= before.length || list.join() !== before[c]!.join() ? [c] : []));
      expect(changed).toEqual(expected);
      // Every list where it belongs: the flat copy's starts and its targets, each compared at once.
      const starts = [0];
      for (const list of links) starts.push(starts[starts.length - 1]! + list.length);
      expect(Array.from(flat.start.subarray(0, communities + 1))).toEqual(starts);
      expect(Array.from(flat.targets.subarray(0, starts[communities]!))).toEqual(links.flat());
      before = links;
    }
  });

  it('refuses links that do not go both ways', () => {
    const flat = new MonthLinks();
    const links = [[1, 2], [0], [1]];
    expect(() => flat.read((c) => links[c]!, 3)).toThrow('knowledge links go both ways: 0 lists 2, which does not list 0');
  });
});
