import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { nearestOlder } from '../../../../models/society/knowledge/links.js';
import { OlderSites } from '../../../../models/society/knowledge/older-sites.js';
import { siteXY } from '../../../../models/society/communities/site-columns.js';
import type { Society } from '../../../../models/society/society.js';

describe('OlderSites', () => {
  it('finds the same parent as the scan over every older community, ties included', () => {
    const rng = new Rng('older-sites');
    for (let trial = 0; trial < 150; trial++) {
      // Small maps crowd sites onto shared and equidistant cells; large ones spread them out.
      const side = 1 + rng.int(trial % 3 === 0 ? 6 : trial % 3 === 1 ? 60 : 3000);
      const communities = Array.from({ length: 1 + rng.int(300) }, () => ({ x: rng.int(side), y: rng.int(1 + rng.int(side)) }));
      const society = { communities } as unknown as Society;
      const sites = new OlderSites(siteXY(communities));
      for (let id = 0; id < communities.length; id++) expect(sites.nearest(id)).toBe(nearestOlder(society, id));
    }
  });

  it('picks among sites at the same distance by index, as the scan does', () => {
    // Four older sites at distance 5 from the last (3-4-5 and 5-0 triangles), one farther.
    const communities = [{ x: 0, y: 0 }, { x: 13, y: 14 }, { x: 15, y: 10 }, { x: 6, y: 7 }, { x: 10, y: 5 }, { x: 10, y: 10 }];
    const society = { communities } as unknown as Society;
    expect(new OlderSites(siteXY(communities)).nearest(5)).toBe(nearestOlder(society, 5));
    expect([1, 2, 3, 4]).toContain(new OlderSites(siteXY(communities)).nearest(5));
  });
});
