import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { effectsOf } from '../../../../models/society/governance/stakes.js';
import { passes, poll, pollProposal } from '../../../../models/society/governance/votes.js';
import type { Proposal } from '../../../../models/society/governance/state.js';
import { small } from '../helpers.js';

const RAISE_SHARING: Proposal = { policy: 'sharing', delta: 0.1, source: 'member' };

function society(seed = 2): Society {
  const s = new Society(small('default'), seed);
  s.run({ steps: 3 });
  return s;
}

/** The tally the assembly would take on a proposal (own stake + norm × community's + taste). */
function tallyOn(s: Society, communityId: number, proposal: Proposal) {
  const community = s.communities[communityId]!;
  return pollProposal(s, community, proposal, effectsOf(s, community, proposal));
}

describe('decision rules', () => {
  it('consensus with one dissent keeps the status quo; majority and supermajority pass', () => {
    const tally = { yes: 99, no: 1, eligible: 100 };
    expect(passes('consensus', tally, 0.667)).toBe(false);
    expect(passes('majority', tally, 0.667)).toBe(true);
    expect(passes('supermajority', tally, 0.667)).toBe(true);
    expect(passes('consensus', { yes: 99, no: 0, eligible: 100 }, 0.667)).toBe(true);
  });

  it('a supermajority needs its share of votes cast; a tie or an empty hall keeps the status quo', () => {
    expect(passes('supermajority', { yes: 6, no: 4, eligible: 10 }, 0.667)).toBe(false);
    expect(passes('majority', { yes: 5, no: 5, eligible: 10 }, 0.667)).toBe(false);
    expect(passes('majority', { yes: 0, no: 0, eligible: 10 }, 0.667)).toBe(false);
  });

  it('in a real community, one dissenting member blocks a consensus the others all want', () => {
    const s = society();
    const community = s.communities[0]!;
    const { members } = s;
    const dissenter = members.rows[members.start[0]! + members.count(0) - 1]!;
    const tally = poll(s, community, (row) => (row === dissenter ? -1 : 1));
    expect(tally.no).toBeLessThanOrEqual(1);
    expect(tally.yes).toBeGreaterThan(10);
    expect(passes('majority', tally, 0.667)).toBe(true);
    expect(passes('consensus', tally, 0.667)).toBe(tally.no === 0);
  });
});

describe('stakeholders only', () => {
  it('polls exactly the adult members of the community, never anyone else', () => {
    const s = society();
    const asked: number[] = [];
    const tally = poll(s, s.communities[1]!, (row) => {
      asked.push(row);
      return 1;
    });
    const { community, age } = s.people.cols;
    expect(asked.length).toBeGreaterThan(0);
    for (const row of asked) expect(community[row]).toBe(1);
    let adults = 0;
    for (let row = 0; row < s.people.length; row++) if (community[row] === 1 && age[row]! >= s.params.adultAge) adults++;
    expect(tally.eligible).toBe(adults);
  });

  it("a non-member's interests never change the count", () => {
    const a = society(5);
    const b = society(5);
    // In b every outsider now wants full sharing and cares only for themselves.
    const cols = b.people.cols;
    for (let row = 0; row < b.people.length; row++) {
      if (cols.community[row] === 0) continue;
      cols.idealSharing[row] = 1;
      cols.civicNorm[row] = 0;
      cols.income[row] = 0.001;
    }
    const before = tallyOn(a, 0, RAISE_SHARING);
    expect(tallyOn(b, 0, RAISE_SHARING)).toEqual(before);
    expect(before.no).toBeGreaterThan(0);
    // The same change made to members does move the vote (the check can fail).
    for (let row = 0; row < b.people.length; row++) if (cols.community[row] === 0) cols.idealSharing[row] = 1;
    (b.params as { idealPointWeight: number }).idealPointWeight = 5;
    expect(tallyOn(b, 0, RAISE_SHARING).yes).toBeGreaterThan(before.yes);
  });
});

describe('stakes', () => {
  it('more sharing favours members who produce less than the pool would give them', () => {
    const s = society();
    const community = s.communities[0]!;
    const effects = effectsOf(s, community, RAISE_SHARING);
    const { output, age } = s.people.cols;
    // Members by place in the bucket (effects.own is indexed the same way).
    const rowAt = (k: number) => s.members.rows[s.members.start[0]! + k]!;
    let poor = -1, rich = -1;
    for (let k = 0; k < s.members.count(0); k++) {
      const row = rowAt(k);
      if (age[row]! < s.params.adultAge || age[row]! >= s.params.retirementAge) continue;
      if (poor < 0 || output[row]! < output[rowAt(poor)]!) poor = k;
      if (rich < 0 || output[row]! > output[rowAt(rich)]!) rich = k;
    }
    expect(effects.own[poor]!).toBeGreaterThan(effects.own[rich]!);
    expect(effects.own[rich]!).toBeLessThan(0);
  });
});
