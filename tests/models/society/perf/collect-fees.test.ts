import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { collectMonthFees } from '../../../../models/society/services/collect.js';
import { assessFees, collectFees as capFees, servedBy } from '../../../../models/society/services/funding.js';
import { moveValue } from '../../../../models/society/services/goods.js';
import { newSyndicate, type Syndicate } from '../../../../models/society/services/syndicate.js';
import type { Society } from '../../../../models/society/society.js';
import { FundColumns } from '../../../../models/society/services/view.js';

/** A month's collection as first written: funder objects, assessed and paid arrays, a sorted served list. */
function referenceCollect(society: Society, syndicate: Syndicate, wealth: Float64Array, funds: Float64Array, unitary: boolean, ratio: number): void {
  const { services: state, params: p } = society;
  const fn = syndicate.function;
  const candidates = syndicate.regionMembers.filter((c) => state.provider[fn][c] === syndicate.id && !state.optedOut[fn].has(c) && society.communities[c]!.population > 0);
  const funders = candidates.map((id) => ({ id, population: society.communities[id]!.population, wealthPerHead: wealth[id]!, fund: funds[id]! }));
  let persons = 0;
  for (const f of funders) persons += f.population;
  syndicate.asked = syndicate.fee * persons;
  const paid = capFees(assessFees(syndicate.asked, funders, p.slidingScale), funders, p.feeCap);
  let received = 0;
  funders.forEach((f, i) => {
    received += moveValue(society.communities[f.id]!.fund, unitary ? society.budget : syndicate.budget, paid[i]!, ratio);
  });
  syndicate.received = unitary ? 0 : received;
  syndicate.clients = unitary ? candidates : servedBy(funders, paid, state.optedOut[fn]);
  state.counters.fees += received;
}

function randomMonth(rng: Rng) {
  const n = 1 + rng.int(40);
  const communities = Array.from({ length: n }, (_, id) => ({
    id, population: rng.next() < 0.15 ? 0 : 1 + rng.int(300),
    fund: { food: rng.next() < 0.1 ? -rng.next() : rng.next() * 500, manufactures: rng.next() * 200 },
  }));
  const region = Array.from({ length: n }, (_, c) => c).filter(() => rng.next() < 0.7);
  // Regions usually ascend; a few do not, to exercise the sort.
  if (rng.next() < 0.3) region.reverse();
  const syndicate = newSyndicate(7, 'water', 0, region, 0, false, 0, rng.next() * 3);
  syndicate.regionMembers = region;
  const provider = Int32Array.from({ length: n }, () => (rng.next() < 0.85 ? 7 : 3));
  const optedOut = new Set(region.filter(() => rng.next() < 0.15));
  const society = {
    communities, budget: { food: 10, manufactures: 4 },
    params: { slidingScale: rng.next() * 1.5, feeCap: rng.next() },
    services: { provider: { water: provider }, optedOut: { water: optedOut }, counters: { fees: 0 } },
  } as unknown as Society;
  const wealth = Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? 0 : rng.next() * 50));
  const funds = Float64Array.from(communities, (c) => Math.max(0, c.fund.food) + 0.5 * c.fund.manufactures);
  return { society, syndicate, wealth, funds };
}

describe('collectMonthFees', () => {
  it('asks, takes and serves exactly as the funder-object version paying from each fund object, bit for bit', () => {
    const rng = new Rng('collect');
    for (let trial = 0; trial < 400; trial++) {
      const unitary = trial % 4 === 0;
      const seed = `month-${trial}`;
      const fast = randomMonth(new Rng(seed));
      const slow = randomMonth(new Rng(seed));
      const ratio = 0.25 + rng.next();
      const population = Float64Array.from(fast.society.communities, (c) => c.population);
      // The fast one pays from the funds as columns, as the accounts keep them (community c's fund in slot 2c; taxes between).
      const slots = (good: 'food' | 'manufactures') => Float64Array.from({ length: 2 * fast.society.communities.length }, (_, k) => (k % 2 === 0 ? fast.society.communities[k / 2]!.fund[good] : Number.NaN));
      const columns = new FundColumns(slots('food'), slots('manufactures'), fast.funds);
      collectMonthFees(fast.society, fast.syndicate, fast.wealth, columns, unitary, ratio, population);
      for (const c of fast.society.communities) {
        c.fund.food = columns.food[2 * c.id]!;
        c.fund.manufactures = columns.manufactures[2 * c.id]!;
      }
      referenceCollect(slow.society, slow.syndicate, slow.wealth, slow.funds, unitary, ratio);
      expect(fast.syndicate).toEqual(slow.syndicate);
      expect(fast.society.communities).toEqual(slow.society.communities);
      expect(fast.society.budget).toEqual(slow.society.budget);
      expect(fast.society.services.counters).toEqual(slow.society.services.counters);
    }
  });
});
