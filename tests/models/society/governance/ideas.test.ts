import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

/** Every community's policies after a run. */
function policiesAfter(extra: Record<string, unknown>, steps = 36): string[] {
  const society = new Society(small('default', { migration: false, splits: false, ...extra }), 9);
  society.run({ steps });
  return society.communities.map((c) => `${c.policy.sharing},${c.policy.commonsRate},${c.policy.admission}`);
}

describe('ideas', () => {
  it('with imitation, experimentation and members’ proposals at rate 0, policies stay frozen', () => {
    const initial = policiesAfter({ imitationRate: 0, experimentRate: 0, memberProposalRate: 0 }, 0);
    expect(policiesAfter({ imitationRate: 0, experimentRate: 0, memberProposalRate: 0 })).toEqual(initial);
  });

  it('imitation alone puts neighbours’ policies on the agenda, and assemblies adopt some', () => {
    const society = new Society(small('default', { migration: false, splits: false, experimentRate: 0, memberProposalRate: 0, imitationRate: 1, sharing: 0 }), 9);
    // Give neighbours something different to look at.
    society.communities[0]!.policy.sharing = 0.6;
    society.run({ steps: 36 });
    const changes = society.events.ofType('policy_change');
    expect(changes.some((event) => event['source'] === 'imitation')).toBe(true);
    for (const event of changes) expect(event['source']).toBe('imitation');
  });

  it('an imitated proposal still needs the assembly: consensus adopts fewer, and only without dissent', () => {
    const changes = (decisionRule: string) => {
      const society = new Society(small('default', { migration: false, splits: false, experimentRate: 0, memberProposalRate: 0, imitationRate: 1, decisionRule }), 9);
      society.communities[0]!.policy.sharing = 0.6;
      society.run({ steps: 36 });
      return society.events.ofType('policy_change');
    };
    const majority = changes('majority');
    const consensus = changes('consensus');
    expect(majority.length).toBeGreaterThan(0);
    expect(consensus.length).toBeLessThan(majority.length);
    for (const event of consensus) expect(event['no']).toBe(0);
  });
});
