import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { LivingSites } from '../../../../models/society/association/living-sites.js';
import { NearestK } from '../../../../models/society/communities/place.js';
import { siteXY } from '../../../../models/society/communities/site-columns.js';

/** The k nearest living sites by sorting every (squared distance, id) pair. */
function sortedNearest(sites: { x: number; y: number; population: number }[], x: number, y: number, k: number): number[] {
  return sites
    .map((s, id) => ({ d: (s.x - x) ** 2 + (s.y - y) ** 2, id, alive: s.population !== 0 }))
    .filter((s) => s.alive)
    .sort((a, b) => a.d - b.d || a.id - b.id)
    .slice(0, k)
    .map((s) => s.id);
}

describe('LivingSites', () => {
  it('offers the same k nearest living communities as sorting them all, from points on and off the map', () => {
    const rng = new Rng('living-sites');
    for (let trial = 0; trial < 200; trial++) {
      const side = 1 + rng.int(trial % 2 ? 8 : 500);
      const sites = Array.from({ length: rng.int(200) }, () => ({ x: rng.int(side), y: rng.int(side), population: rng.next() < 0.2 ? 0 : 1 + rng.int(50) }));
      const grid = new LivingSites(sites, siteXY(sites));
      for (let query = 0; query < 10; query++) {
        const k = rng.int(6);
        // Some founding sites fall outside the box the existing sites span.
        const x = rng.int(side + 20) - 10, y = rng.int(side + 20) - 10;
        const best = new NearestK(k);
        grid.search(x, y, best);
        expect(best.ids.slice(0, best.count)).toEqual(sortedNearest(sites, x, y, k));
      }
    }
  });
});
