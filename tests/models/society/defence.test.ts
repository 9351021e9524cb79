import { describe, expect, it } from 'vitest';
import { Society } from '../../../models/society/index.js';
import { small } from './helpers.js';

function society(extra: Record<string, unknown>, seed = 3): Society {
  return new Society(small('default', { population: 1200, communities: 12, ...extra }), seed);
}

describe('defence in the society', () => {
  it('an overwhelming outside State annexes; annexed communities pay tribute and lose goods to it', () => {
    const s = society({ aggressors: 1, aggressorStrength: 1e6, attackRate: 1, militiaShare: 0 });
    s.run({ steps: 6 });
    const annexed = s.communities.filter((c) => s.defence.isAnnexed(c.id));
    expect(annexed.length).toBeGreaterThan(0);
    expect(s.defence.aggressors[0]!.taken).toBeGreaterThan(0);
    expect(s.ledger.total.get('food:-tribute')).toBeGreaterThan(0);
  });

  it('a weak outside State against trained, allied-free militias is mostly repelled', () => {
    const s = society({ aggressors: 1, aggressorStrength: 0.5, attackRate: 1, militiaTraining: 0.1 });
    s.run({ steps: 24 });
    const repelled = s.collector.column('repelled').reduce((a, b) => a + b, 0);
    const annexations = s.collector.column('annexations').reduce((a, b) => a + b, 0);
    expect(repelled).toBeGreaterThan(annexations);
  });

  it('an annexed community stops holding assemblies', () => {
    const free = society({});
    const annexed = society({});
    annexed.defence.ensure(annexed.communities.length, annexed.params.militiaTraining);
    annexed.defence.annexedBy.fill(0);
    let freeVoters = 0;
    let annexedVoters = 0;
    for (let step = 0; step < 6; step++) {
      free.step();
      annexed.step();
      freeVoters += free.polity.counters.voters;
      annexedVoters += annexed.polity.counters.voters;
    }
    expect(freeVoters).toBeGreaterThan(0);
    expect(annexedVoters).toBe(0);
  });

  it('annexed communities may later break free: a rising against a weak garrison wins, and never without a chance to rise', () => {
    const rise = (breakFreeRate: number) => {
      const s = society({ aggressors: 1, aggressorStrength: 0.01, attackRate: 0, breakFreeRate, militiaTraining: 0.1 });
      s.defence.ensure(s.communities.length, s.params.militiaTraining);
      s.defence.annexedBy.fill(0);
      s.run({ steps: 3 });
      return s;
    };
    const free = rise(1);
    expect(free.events.count('liberation')).toBeGreaterThan(0);
    expect(free.communities.filter((c) => c.population > 0 && !free.defence.isAnnexed(c.id)).length).toBeGreaterThan(0);
    const held = rise(0);
    expect(held.events.count('liberation')).toBe(0);
    expect(held.communities.every((c) => held.defence.isAnnexed(c.id))).toBe(true);
  });

  it('communities never attack: without outside States there are no battles', () => {
    const s = society({ aggressors: 0 });
    s.run({ steps: 24 });
    expect(s.collector.column('aggressions').every((x) => x === 0)).toBe(true);
  });

  it('a standing army costs its communities their pay every month', () => {
    const s = society({ defence: 'army' });
    s.run({ steps: 3 });
    expect(s.ledger.total.get('food:-defence') ?? 0).toBeGreaterThan(0);
    expect(Array.from(s.defence.localSoldiers).some((x) => x > 0)).toBe(true);
  });

  it('threatened communities vote more militia training', () => {
    const s = society({ aggressors: 2, aggressorStrength: 40, attackRate: 0.2 });
    s.run({ steps: 2 });
    expect(Math.max(...s.defence.training)).toBeGreaterThan(s.params.militiaTraining);
  });
});
