import { describe, expect, it } from 'vitest';
import { Society } from '../../../models/society/index.js';
import { worth } from '../../../models/society/services/goods.js';
import { goodsRatio } from '../../../models/society/services/view.js';
import { small } from './helpers.js';

/** A small society with enough communities for several watersheds, regions and catchments. */
function society(extra: Record<string, unknown> = {}, seed = 2): Society {
  return new Society(small('default', { population: 2000, communities: 30, ...extra }), seed);
}

describe('syndicates in the society', () => {
  it('a water syndicate serves exactly the funding communities of its watershed', () => {
    const s = society();
    s.run({ steps: 14 });
    const { basin, width } = s.land;
    const water = s.services.syndicates.filter((syn) => syn.function === 'water');
    expect(water.length).toBeGreaterThan(1);
    for (const syn of water.filter((w) => !w.rival)) {
      const basins = new Set(syn.regionMembers.map((c) => basin[s.communities[c]!.y * width + s.communities[c]!.x]));
      expect(basins.size).toBe(1);
      const funding = syn.regionMembers.filter((c) => s.services.provider.water[c] === syn.id && !s.services.optedOut.water.has(c) && s.communities[c]!.population > 0);
      expect(syn.clients).toEqual(funding.filter((c) => s.services.quality.water[c]! > 0 || syn.quality === 0));
      for (const c of syn.clients) expect(syn.regionMembers).toContain(c);
    }
  });

  it('a community that opts out loses the service', () => {
    const s = society();
    s.run({ steps: 13 });
    const c = s.services.syndicates.find((syn) => syn.function === 'health')!.clients[0]!;
    s.services.optedOut.health.add(c);
    s.step();
    expect(s.services.quality.health[c]).toBe(0);
  });

  it('the transport network connects the communities it serves', () => {
    const s = society();
    s.run({ steps: 2 });
    const network = s.services.transport!;
    const served = s.communities.filter((c) => c.population > 0 && s.services.provider.transport[c.id]! >= 0 && !s.services.optedOut.transport.has(c.id)).map((c) => c.id);
    expect(network.nodes()).toEqual(served);
    expect(network.components()).toHaveLength(1);
  });

  it('health catchments, water basins and research have their own borders', () => {
    const s = society();
    s.step();
    const count = (fn: string) => s.services.syndicates.filter((syn) => syn.function === fn).length;
    expect(count('research')).toBe(1);
    expect(count('education')).toBe(s.communities.filter((c) => c.population > 0).length);
    expect(count('water')).toBeLessThan(count('education'));
  });

  it('cutting one syndicate’s funding leaves every other syndicate’s budget unchanged', () => {
    const a = society();
    const b = society();
    a.run({ steps: 13 });
    b.run({ steps: 13 });
    const cut = b.services.syndicates.find((syn) => syn.function === 'water' && syn.clients.length > 1)!;
    for (const c of cut.regionMembers) b.services.optedOut.water.add(c);
    a.step();
    b.step();
    expect(b.services.byId(cut.id)!.received).toBe(0);
    const ratio = goodsRatio(a);
    for (const syn of a.services.syndicates) {
      if (syn.id === cut.id) continue;
      const other = b.services.byId(syn.id)!;
      expect(other.received).toBeCloseTo(syn.received, 9);
      expect(worth(other.budget, ratio)).toBeCloseTo(worth(syn.budget, ratio), 9);
    }
  });

  it('under the single budget a threat moves money away from services', () => {
    const calm = society({ unitaryBudget: true, aggressors: 0 });
    const threatened = society({ unitaryBudget: true, aggressors: 2, aggressorStrength: 200 });
    calm.run({ steps: 13 });
    threatened.run({ steps: 13 });
    const share = (s: Society) => s.services.counters.centralServices / (s.services.counters.centralServices + s.services.counters.centralDefence);
    expect(share(calm)).toBe(1);
    expect(share(threatened)).toBeLessThan(0.95);
  });

  it('with separate budgets no threat takes money from any syndicate', () => {
    const calm = society({ aggressors: 0 });
    const threatened = society({ aggressors: 2, aggressorStrength: 200 });
    calm.run({ steps: 13 });
    threatened.run({ steps: 13 });
    expect(threatened.services.counters.centralDefence).toBe(0);
    expect(threatened.services.counters.fees).toBeGreaterThan(0);
  });

  it('service quality feeds back: with every function off nothing is delivered and nobody is covered', () => {
    const none = society({ waterBorder: 'none', healthBorder: 'none', transportBorder: 'none', researchBorder: 'none', educationBorder: 'none' });
    none.run({ steps: 3 });
    expect(none.services.syndicates).toHaveLength(0);
    expect(none.collector.last()['service_coverage']).toBe(0);
  });
});
