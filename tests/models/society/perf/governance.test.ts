import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { Society } from '../../../../models/society/index.js';
import type { Community } from '../../../../models/society/communities/community.js';
import { keptShare } from '../../../../models/society/economy/effort.js';
import { effectsOf, tasteChange } from '../../../../models/society/governance/stakes.js';
import type { Proposal } from '../../../../models/society/governance/state.js';
import { poll, pollProposal, type Tally } from '../../../../models/society/governance/votes.js';
import { hazardCeiling } from '../../../../models/society/kernels/demography.js';
import { small } from '../helpers.js';

/**
 * The assembly's stakes as first written: positions by row, one call per member for each
 * change in utility, and the poll through a closure. The bucket-ordered, inlined version
 * must give the same stakes and the same count, bit for bit.
 */
function referenceTally(society: Society, community: Community, proposal: Proposal): { own: Map<number, number>; shared: number; tally: Tally } {
  const { people, members, params: p } = society;
  const cols = people.cols;
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  const n = end - start;
  const tau = community.policy.sharing;
  const kept = [keptShare(p, community, 0, false), keptShare(p, community, 0, true), keptShare(p, community, 1, false), keptShare(p, community, 1, true)];
  const marginal = [1 - p.foodElasticity, 1 - p.manufacturesElasticity];
  const prices = [community.food.price, community.manufactures.price];
  const commonsFactor = 1 / Math.max(1e-9, 1 - community.policy.commonsRate);
  type Position = { product: number; income: number; kept: number; slopeSharing: number; slopeCommons: number; reliefSharing: number; reliefCommons: number };
  const at = new Map<number, Position>();
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    const sector = cols.sector[row]!;
    const keep = kept[2 * sector + cols.proprietor[row]!]!;
    const product = cols.output[row]! * prices[sector]!;
    const effort = cols.effort[row]!;
    const position = { product, income: cols.income[row]!, kept: keep, slopeSharing: 0, slopeCommons: 0, reliefSharing: 0, reliefCommons: 0 };
    at.set(row, position);
    if (effort <= 0 || effort >= 1) continue;
    const w = marginal[sector]! * (sector === 0 ? cols.skillFood[row]! : cols.skillManufactures[row]!);
    const dSharing = Math.min(effort, (keep * (1 - 1 / n) * w) / p.effortCost);
    const dCommons = Math.min(effort, (keep * commonsFactor * (1 - tau + tau / n) * w) / p.effortCost);
    position.slopeSharing = (product / effort) * dSharing;
    position.slopeCommons = (product / effort) * dCommons;
    position.reliefSharing = p.effortCost * effort * dSharing;
    position.reliefCommons = p.effortCost * effort * dCommons;
  }
  const sharing = proposal.policy === 'sharing';
  let pool = 0, adultEquivalents = 0, short = 0, slope = 0, income = 0;
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    const position = at.get(row)!;
    pool += position.kept * position.product;
    adultEquivalents += cols.age[row]! < p.adultAge ? 0.5 : 1;
    short += Math.max(0, 1 - cols.needsMet[row]!);
    slope += position.kept * (sharing ? position.slopeSharing : position.slopeCommons);
    income += Math.max(0, position.income);
  }
  const floor = 0.1 * (income / Math.max(1, n)) + 1e-6;
  const ownChange = (row: number): number => {
    const delta = proposal.delta;
    const g = community.governance;
    if (proposal.policy === 'admission') return delta * g.arrivals * (tau * g.freeRiding - (1 - tau) * (1 - g.freeRiding));
    const position = at.get(row)!;
    const ae = cols.age[row]! < p.adultAge ? 0.5 : 1;
    const ownIncome = position.income;
    const shrink = (-delta * slope * Math.max(0, ownIncome)) / Math.max(1e-9, income);
    let received: number;
    if (sharing) received = (pool * ae) / Math.max(1e-9, adultEquivalents);
    else {
      const paidOut = p.fundPayout / Math.max(1e-9, p.fundPayout + p.foodSpoilage);
      const need = short > 0 ? Math.max(0, 1 - cols.needsMet[row]!) / short : (0.5 * ae) / Math.max(1e-9, adultEquivalents);
      received = paidOut * pool * need;
    }
    const given = position.kept * position.product * (sharing ? 1 : 1 - community.policy.sharing);
    const relief = delta * (sharing ? position.reliefSharing : position.reliefCommons);
    return (delta * (received - given) + shrink) / Math.max(floor, ownIncome) + relief;
  };
  const own = new Map<number, number>();
  let total = 0, adults = 0;
  for (let k = start; k < end; k++) {
    const row = members.rows[k]!;
    const change = ownChange(row);
    own.set(row, change);
    if (cols.age[row]! >= p.adultAge) {
      total += change;
      adults++;
    }
  }
  const shared = adults > 0 ? total / adults : 0;
  const tally = poll(society, community, (row) => own.get(row)! + cols.civicNorm[row]! * shared + tasteChange(society, community, proposal, row));
  return { own, shared, tally };
}

const PROPOSALS: Proposal[] = [
  { policy: 'sharing', delta: 0.1, source: 'member' },
  { policy: 'sharing', delta: -0.1, source: 'member' },
  { policy: 'commonsRate', delta: 0.025, source: 'imitation' },
  { policy: 'commonsRate', delta: -0.025, source: 'experiment' },
  { policy: 'admission', delta: 0.1, source: 'experiment' },
];

describe('the assembly’s stakes and poll, in bucket order with no call per member', () => {
  it('give the same stakes and the same count as the straightforward version, in every community and month', () => {
    for (const [scenario, seed] of [['default', 3], ['state', 4], ['communism', 5]] as const) {
      const society = new Society(small(scenario, { population: 600, communities: 5 }), seed);
      let compared = 0;
      for (let month = 0; month < 8; month++) {
        society.step();
        for (const community of society.communities) {
          if (society.members.count(community.id) === 0) continue;
          for (const proposal of PROPOSALS) {
            const reference = referenceTally(society, community, proposal);
            const effects = effectsOf(society, community, proposal);
            const start = society.members.start[community.id]!;
            const n = society.members.count(community.id);
            const expected = Array.from({ length: n }, (_, k) => reference.own.get(society.members.rows[start + k]!));
            expect(Array.from(effects.own.subarray(0, n))).toEqual(expected);
            expect(effects.community).toBe(reference.shared);
            expect(pollProposal(society, community, proposal, effects)).toEqual(reference.tally);
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(100);
    }
  });
});

describe('the hazard ceiling demography tests a draw against before taking exp', () => {
  it('is never below the hazard itself, at any age, hunger or care (so skipping exp never spares a death)', () => {
    const rng = new Rng('ceiling');
    let below = 0;
    let loose = 0;
    for (let trial = 0; trial < 40; trial++) {
      const base = rng.uniform(0, 0.01);
      const growth = trial === 0 ? 0 : rng.uniform(0, 0.3);
      const ceiling = hazardCeiling(base, growth);
      expect(ceiling.length).toBe(150);
      for (let i = 0; i < 5000; i++) {
        // Whole ages, ages just past them and anything between, as the column holds them.
        const years = Math.fround(i % 3 === 0 ? rng.int(149) : i % 3 === 1 ? rng.int(148) + 1e-5 : rng.uniform(0, 149));
        const hunger = 1 + rng.uniform(0, 10) * (1 - Math.min(1, rng.uniform(0, 1.5)));
        const care = rng.uniform(0, 1);
        const hazard = base * Math.exp(growth * years) * hunger * care;
        const bound = ceiling[Math.ceil(years)]! * hunger * care;
        if (!(bound >= hazard)) below++;
        // Tight enough to spare most exps: within a year's growth of the hazard.
        if (bound > hazard * Math.exp(growth) * 1.001 + 1e-300) loose++;
      }
    }
    expect(below).toBe(0);
    expect(loose).toBe(0);
  });

  it('bounds nothing (is empty) when the hazard could fall with age', () => {
    expect(hazardCeiling(0.001, -0.01).length).toBe(0);
    expect(hazardCeiling(-0.001, 0.05).length).toBe(0);
  });
});
