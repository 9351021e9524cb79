import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { byWatershed, upstreamOf } from '../../../../models/society/association/arbitration.js';
import { join } from '../../../../models/society/association/federation.js';
import { GOODS } from '../../../../models/society/books/ledger.js';
import { holdings } from '../../../../models/society/books/holdings.js';
import { newFederation } from '../../../../models/society/governance/state.js';
import { settleDispute } from '../../../../models/society/phases/disputes.js';
import { small } from '../helpers.js';

function society(extra: Record<string, unknown> = {}, seed = 4): Society {
  return new Society(small('default', { population: 1200, communities: 16, ...extra }), seed);
}

/** A pair of communities with food output and fund food, the first upstream of the second. */
function pair(s: Society) {
  const [upstream, downstream] = [s.communities[0]!, s.communities[1]!];
  downstream.food.output = 100;
  upstream.fund.food = downstream.fund.food = 50;
  return { upstream, downstream };
}

describe('disputes over water and federation arbitration', () => {
  it('the upstream party is the nearest higher site of the same watershed, never another watershed', () => {
    const s = society();
    const { basin, elevation, width } = s.land;
    const cell = (c: { x: number; y: number }) => c.y * width + c.x;
    let found = 0;
    for (const [id, group] of byWatershed(s)) {
      for (const community of group) {
        const up = upstreamOf(s, community, group);
        if (!up) continue;
        found++;
        expect(basin[cell(up)]).toBe(id);
        expect(elevation[cell(up)]!).toBeGreaterThan(elevation[cell(community)]!);
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('between members of one federation it is arbitrated: no crop lost, the fees reach the federation pool', () => {
    const s = society({ arbitrationFee: 0.05 });
    const federation = newFederation(0, 0, 0);
    s.polity.federations.push(federation);
    const rng = s.polity.stream(s.streams, 'test');
    const { upstream, downstream } = pair(s);
    join(s, federation, upstream, rng);
    join(s, federation, downstream, rng);
    expect(settleDispute(s, upstream, downstream)).toBe(true);
    expect(s.ledger.total.get('food:-dispute') ?? 0).toBe(0);
    expect(federation.pool).toBeCloseTo(2 * 0.05 * 0.1 * 100, 9);
    expect(upstream.fund.food + downstream.fund.food).toBeCloseTo(100 - federation.pool, 9);
    expect(s.events.ofType('dispute')[0]!['arbitrated']).toBe(true);
  });

  it('without a common federation it goes unresolved: the downstream crop and the feud are lost', () => {
    const s = society({ feudCost: 0.25 });
    const { upstream, downstream } = pair(s);
    expect(settleDispute(s, upstream, downstream)).toBe(false);
    expect(downstream.fund.food).toBeCloseTo(50 - 1.25 * 10, 9);
    expect(upstream.fund.food).toBeCloseTo(50 - 0.25 * 10, 9);
    expect(s.ledger.total.get('food:-dispute')).toBeCloseTo(15, 9);
    expect(s.events.ofType('dispute')[0]!['arbitrated']).toBe(false);
  });

  it('in a run, federated pairs are arbitrated, others are not, and the books still balance', () => {
    const s = society({ disputeRate: 0.3, federationSolidarity: 0.2 });
    let before = holdings(s);
    for (let step = 0; step < 30; step++) {
      s.step();
      const after = holdings(s);
      for (const good of GOODS) {
        expect(Math.abs(after[good] - before[good] - s.ledger.net(good)) / (1 + Math.abs(before[good])), `${good} at ${s.steps}`).toBeLessThan(1e-6);
      }
      before = after;
    }
    const events = s.events.ofType('dispute');
    const sum = (name: string) => s.collector.column(name).reduce((a, b) => a + b, 0);
    expect(sum('disputes')).toBe(events.length);
    expect(sum('disputes_arbitrated')).toBe(events.filter((e) => e['arbitrated']).length);
    expect(events.some((e) => e['arbitrated'])).toBe(true);
    expect(events.some((e) => !e['arbitrated'])).toBe(true);
  });

  it('with the dispute rate at 0 there are no disputes', () => {
    const s = society({ disputeRate: 0 });
    s.run({ steps: 12 });
    expect(s.events.count('dispute')).toBe(0);
  });
});
