import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../../../sim/index.js';
import { Society } from '../../../../models/society/index.js';
import { societyParams, type SocietyParams } from '../../../../models/society/params.js';
import { officialsSkim, weightedVote } from '../../../../models/society/services/oversight.js';
import { small } from '../helpers.js';

const p: SocietyParams = resolveParams(societyParams);

describe('syndicate decisions by weighted votes of served communities and workers', () => {
  it('each served community weighs √population: one of 100 (10) outweighs four of 4 (8), not a headcount', () => {
    const big = { population: 100, stake: 1 };
    const small4 = Array.from({ length: 4 }, () => ({ population: 4, stake: -1 }));
    expect(weightedVote([big, ...small4], 0, false)).toBe(true);
    // Five of 4 (10) tie it: a tie keeps the status quo.
    expect(weightedVote([big, ...small4, { population: 4, stake: -1 }], 0, false)).toBe(false);
  });

  it('the workers’ bloc tips a close vote their way, and only as far as its share', () => {
    const close = [{ population: 100, stake: 1 }, { population: 121, stake: -1 }];
    expect(weightedVote(close, 0, true)).toBe(false);
    expect(weightedVote(close, 0.1, true)).toBe(true);
    const clear = [{ population: 100, stake: -1 }];
    expect(weightedVote(clear, 0.9, true)).toBe(false);
  });

  it('in a run, fees move by the clients’ and workers’ votes, and fixed fees when feeStep is 0', () => {
    const voted = new Society(small('default', { population: 1000, communities: 16 }), 3);
    voted.run({ steps: 14 });
    const changes = voted.events.ofType('syndicate_fee');
    expect(changes.length).toBeGreaterThan(0);
    for (const e of changes) expect(Math.abs((e['to'] as number) / (e['from'] as number) - 1)).toBeCloseTo(0.1, 9);
    const fixed = new Society(small('default', { population: 1000, communities: 16, feeStep: 0 }), 3);
    fixed.run({ steps: 14 });
    expect(fixed.events.count('syndicate_fee')).toBe(0);
    expect(fixed.services.syndicates.every((s) => s.fee === p.serviceFee)).toBe(true);
  });
});

describe('syndicate officials’ skimming goes through accountability', () => {
  it('honest where norm and expected sanction beat the temptation; skimming, less what is caught, where they do not', () => {
    expect(officialsSkim(p, 0.9, 1, 10)).toBe(0);
    const skim = officialsSkim(p, 0.05, 0.2, 10);
    expect(skim).toBeCloseTo(p.syndicateSkim * (1 - p.detectionBase), 12);
  });

  it('a large staff is harder to watch: more is skimmed past the trackable group, unless the channel is off', () => {
    expect(officialsSkim(p, 0.05, 0.2, 3000)).toBeGreaterThan(officialsSkim(p, 0.05, 0.2, 30));
    const off = { ...p, detectionBySize: false };
    expect(officialsSkim(off, 0.05, 0.2, 3000)).toBe(officialsSkim(off, 0.05, 0.2, 30));
  });

  it('an atomized society’s syndicate officials skim; a cohesive one’s do not', () => {
    const run = (extra: Record<string, unknown>) => {
      const s = new Society(small('default', { population: 1500, communities: 20, feeStep: 0, ...extra }), 5);
      s.run({ steps: 14 });
      return s;
    };
    const cohesive = run({ civicNormMean: 0.8 });
    const atomized = run({ civicNormMean: 0.05, civicNormSpread: 0.02 });
    const meanSkim = (s: Society) => s.services.syndicates.reduce((a, syn) => a + syn.skim, 0) / s.services.syndicates.length;
    expect(meanSkim(cohesive)).toBe(0);
    expect(meanSkim(atomized)).toBeGreaterThan(0);
  });
});
