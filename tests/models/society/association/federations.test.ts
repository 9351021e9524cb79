import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { expectedAid, expectedNet, join, netOfDues, voteToBelong } from '../../../../models/society/association/federation.js';
import { poll } from '../../../../models/society/governance/votes.js';
import { holdings } from '../../../../models/society/books/holdings.js';
import { newFederation, type Federation } from '../../../../models/society/governance/state.js';
import { small } from '../helpers.js';

/** Two communities in one federation. */
function federated(extra: Record<string, unknown>): { society: Society; federation: Federation } {
  const society = new Society(small('default', { federationSolidarity: 0, federationDues: 0.5, assemblies: false, migration: false, splits: false, ...extra }), 4);
  const federation: Federation = newFederation(0, 0.5, 0);
  society.polity.federations.push(federation);
  const rng = society.polity.stream(society.streams, 'test');
  join(society, federation, society.communities[0]!, rng);
  join(society, federation, society.communities[1]!, rng);
  return { society, federation };
}

/** Steps with the first member's fund topped up each month, so its dues dwarf any aid it gets. */
function stepPaying(society: Society, steps: number): void {
  for (let s = 0; s < steps; s++) {
    society.communities[0]!.fund.food += 200;
    society.step();
  }
}

describe('federations and secession', () => {
  it('a member that pays more than it gets back secedes: the link is gone and an event says so', () => {
    const { society, federation } = federated({});
    stepPaying(society, 13);
    const events = society.events.ofType('secession');
    expect(events.length).toBeGreaterThan(0);
    const event = events[0]!;
    expect(event['community']).toBe(0);
    expect(event['paid'] as number).toBeGreaterThan(event['received'] as number);
    expect(society.communities[0]!.governance.federation).toBe(-1);
    expect(federation.members).not.toContain(0);
    // Left alone, the federation dissolves.
    expect(society.events.count('federation_dissolved')).toBe(1);
    expect(federation.formed).toBe(-1);
  });

  it('with secession off, the same member stays', () => {
    const { society, federation } = federated({ secession: false });
    stepPaying(society, 24);
    expect(society.events.count('secession')).toBe(0);
    expect(society.communities[0]!.governance.federation).toBe(0);
    expect(federation.members).toEqual(expect.arrayContaining([0, 1]));
  });

  it('the pool takes dues from its members and gives aid back', () => {
    const { society, federation } = federated({ secession: false });
    stepPaying(society, 6);
    expect(society.communities[0]!.governance.paid).toBeGreaterThan(society.communities[0]!.governance.received);
    expect(society.communities[0]!.governance.received + society.communities[1]!.governance.received).toBeGreaterThan(0);
    expect(federation.pool).toBeGreaterThanOrEqual(0);
  });
});

describe('networks of networks', () => {
  it('neighbouring federations nest into a confederation that pools their pools, keeping the books', () => {
    const society = new Society(small('default', { federationSolidarity: 0.5, assemblies: false, migration: false, splits: false }), 4);
    const rng = society.polity.stream(society.streams, 'test');
    const [a, b] = [newFederation(0, 0.1, 0), newFederation(1, 0.1, 0)];
    society.polity.federations.push(a, b);
    // Two federations of neighbours: each community's nearest partners decide which is which.
    const first = society.communities[0]!;
    join(society, a, first, rng);
    join(society, a, society.communities[first.partners[0]!]!, rng);
    for (const community of society.communities) if (community.governance.federation < 0 && b.members.length < 2) join(society, b, community, rng);
    let before = holdings(society);
    for (let step = 0; step < 13; step++) {
      society.step();
      const after = holdings(society);
      expect(Math.abs(after.food - before.food - society.ledger.net('food')) / (1 + before.food)).toBeLessThan(1e-9);
      before = after;
    }
    const nested = society.events.ofType('federation_nested');
    expect(nested.length).toBeGreaterThan(0);
    const parent = society.polity.federations[nested[0]!['federation'] as number]!;
    expect(parent.members).toEqual([]);
    expect(parent.children.length).toBe(2);
    for (const child of parent.children) expect(society.polity.federations[child]!.parent).toBe(parent.id);
  });
});

describe('the vote to belong', () => {
  it('counts as the general poll does with the belonging stake, whatever the gain, norms and past defeats', () => {
    const s = new Society(small('default'), 4);
    s.run({ steps: 2 });
    const p = s.params;
    const norms = s.people.cols.civicNorm;
    let yes = 0, no = 0;
    for (const community of s.communities) {
      community.governance.outvoted = (community.id % 3) * 0.05;
      // Gains on both sides of zero, and one that leaves most stakes at the norm's term alone.
      for (const net of [-0.4, -0.02, 0, 0.03, 0.5]) {
        const material = net / p.foodNeed;
        const outvoted = community.governance.outvoted;
        const reference = poll(s, community, (row) => material + norms[row]! * p.federationSolidarity - outvoted);
        const tally = voteToBelong(s, community, net);
        expect(tally).toEqual(reference);
        yes += tally.yes;
        no += tally.no;
      }
    }
    // The comparison is only worth something if people voted, both ways.
    expect(yes).toBeGreaterThan(0);
    expect(no).toBeGreaterThan(0);
  });
});

describe('a member’s expected net from the pool', () => {
  it('is the same from the members with itself passed over as from the others alone, at any dues', () => {
    const s = new Society(small('default'), 6);
    s.run({ steps: 3 });
    const members = s.communities.slice(0, 6);
    members.forEach((community, k) => {
      community.governance.shortfall = k % 2 === 0 ? 0.5 * k : 0;
      community.fund.food += 3 * k;
    });
    const nets = new Set<number>();
    members.forEach((member, k) => {
      const aid = expectedAid(s, member, members, k);
      for (const dues of [0, 0.05, 0.2]) {
        const net = netOfDues(member, aid, dues);
        expect(Object.is(net, expectedNet(s, member, members.filter((other) => other !== member), dues))).toBe(true);
        nets.add(net);
      }
    });
    // Worth something only if the members' shares differ.
    expect(nets.size).toBeGreaterThan(6);
  });
});
