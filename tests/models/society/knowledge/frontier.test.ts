import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { mergeIntoFrontier, newFrontier, UNCOUNTED } from '../../../../models/society/knowledge/frontier.js';

/** An ascending list without repeats, drawn from [0, range). */
function ascending(rng: Rng, count: number, range: number): number[] {
  const set = new Set<number>();
  for (let i = 0; i < count; i++) set.add(rng.int(range));
  return [...set].sort((a, b) => a - b);
}

describe('mergeIntoFrontier', () => {
  it('keeps the frontier the ascending union of everything merged in, whether or not its array has room; what was merged in is uncounted, the rest keeps its offers', () => {
    const rng = new Rng('frontier');
    for (let trial = 0; trial < 200; trial++) {
      const frontier = newFrontier();
      const union = new Set<number>();
      const range = 1 + rng.int(trial % 3 === 0 ? 10 : 500);
      for (let round = 0; round < 12; round++) {
        const additions = ascending(rng, rng.int(40), range);
        // Sometimes as a typed array with spare room past `count`, as the stock passes its scratch.
        const passed = round % 2 === 0 ? additions : Int32Array.from([...additions, -1, -1]);
        // Each member's offers as a walk left them: any count.
        const offers = new Map<number, number>();
        for (let i = 0; i < frontier.size; i++) offers.set(frontier.members[i]!, (frontier.offers[i] = rng.int(9)));
        mergeIntoFrontier(frontier, passed, additions.length);
        for (const c of additions) union.add(c);
        expect(Array.from(frontier.members.subarray(0, frontier.size))).toEqual([...union].sort((a, b) => a - b));
        for (let i = 0; i < frontier.size; i++) {
          const c = frontier.members[i]!;
          expect(frontier.offers[i]).toBe(additions.includes(c) ? UNCOUNTED : offers.get(c));
        }
        // Walking it may drop members (knowers with no one left to reach); the rest stay ascending.
        if (round % 4 === 3 && frontier.size > 0) {
          let kept = 0;
          for (let i = 0; i < frontier.size; i++) if (i % 3 !== 0) frontier.members[kept++] = frontier.members[i]!;
          frontier.size = kept;
          union.clear();
          for (let i = 0; i < kept; i++) union.add(frontier.members[i]!);
        }
      }
    }
  });
});
