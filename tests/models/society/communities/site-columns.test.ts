import { describe, expect, it } from 'vitest';
import { SiteColumns } from '../../../../models/society/communities/site-columns.js';
import { createSimulation } from '../../../../scenarios/create.js';
import { loadScenario } from '../../../../scenarios/load.js';
import type { Society } from '../../../../models/society/society.js';

describe('the communities\' sites as columns', () => {
  it('reads each community once, as the list grows, and gives columns as long as the list', () => {
    const sites = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
    const columns = new SiteColumns();
    expect(columns.of(sites)).toEqual({ xs: Float64Array.of(1, 3), ys: Float64Array.of(2, 4) });
    // Sites never move: one already read is not read again (changing it here shows that).
    sites[0]!.x = 99;
    for (let i = 0; i < 20; i++) sites.push({ x: 10 + i, y: 20 + i });
    const grown = columns.of(sites);
    expect(grown.xs.length).toBe(22);
    expect(grown.xs[0]).toBe(1);
    expect(Array.from(grown.xs.subarray(1))).toEqual(sites.slice(1).map((s) => s.x));
    expect(Array.from(grown.ys)).toEqual(sites.map((s) => s.y));
  });

  it('matches every community\'s site after months of splits and foundings', () => {
    const file = new URL('../../../../scenarios/default.json', import.meta.url).pathname;
    const society = createSimulation(loadScenario(file, { seed: 4, set: ['params.population=3000', 'params.communities=30'] })) as unknown as Society;
    const before = society.communities.length;
    for (let step = 0; step < 48 && society.communities.length === before; step++) society.step();
    expect(society.communities.length).toBeGreaterThan(before);
    const { xs, ys } = society.sites.of(society.communities);
    expect(Array.from(xs)).toEqual(society.communities.map((c) => c.x));
    expect(Array.from(ys)).toEqual(society.communities.map((c) => c.y));
  });
});
