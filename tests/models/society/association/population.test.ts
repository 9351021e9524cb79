import { describe, expect, it, vi } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { SOCIETY_PHASES } from '../../../../models/society/phases/index.js';
import { Members } from '../../../../models/society/people/members.js';
import { small } from '../helpers.js';

/** A society where people move, are expelled and split off often. */
function restless(extra: Record<string, unknown> = {}): Society {
  return new Society(small('default', {
    migrationRate: 0.05, movingCost: 0, expulsionStrikes: 1, sharing: 0.8, civicNormMean: 0.6, idealPointWeight: 1, foundingCost: 0, minFaction: 5, ...extra,
  }), 6);
}

/** Each person's community, by person id. */
function homes(society: Society): Map<number, number> {
  const out = new Map<number, number>();
  for (let row = 0; row < society.people.length; row++) out.set(society.people.idOf(row), society.people.cols.community[row]!);
  return out;
}

describe('population accounting', () => {
  it('balances every step through migration, expulsion and splits: no one lost or duplicated', () => {
    const society = restless();
    let moves = 0, expulsions = 0, splits = 0;
    for (let step = 0; step < 36; step++) {
      const before = homes(society);
      society.step();
      const c = society.polity.counters;
      moves += c.migrations;
      expulsions += c.expulsions;
      splits += c.splits;
      const after = homes(society);
      // Everyone there before is there now unless they died or left the map; everyone new was born.
      const departed = [...before.keys()].filter((id) => !after.has(id)).length;
      const arrived = [...after.keys()].filter((id) => !before.has(id)).length;
      expect(departed, `step ${society.steps}`).toBe(society.counters.deaths + c.leftMap);
      expect(arrived, `step ${society.steps}`).toBe(society.counters.births);
      expect(after.size).toBe(society.people.length);
      let total = 0;
      for (const community of society.communities) {
        expect(community.population).toBe(society.members.count(community.id));
        total += community.population;
      }
      expect(total).toBe(society.people.length);
      for (const home of after.values()) expect(home).toBeLessThan(society.communities.length);
    }
    expect(moves).toBeGreaterThan(10);
    expect(expulsions).toBeGreaterThan(0);
    expect(splits).toBeGreaterThan(0);
  });

  it('with migration, splits, expulsion and secession off, everyone stays where they are', () => {
    const society = restless({ migration: false, splits: false, secession: false, expulsionStrikes: 0 });
    const start = homes(society);
    const joined = new Map<number, number>();
    for (let step = 0; step < 36; step++) {
      society.step();
      for (const community of society.communities) {
        const federation = community.governance.federation;
        if (joined.has(community.id)) expect(federation).toBe(joined.get(community.id));
        else if (federation >= 0) joined.set(community.id, federation);
      }
    }
    for (const [id, home] of homes(society)) if (start.has(id)) expect(home).toBe(start.get(id));
    expect(society.communities.length).toBe(6);
    expect(society.events.count('secession')).toBe(0);
  });
});

describe('expulsions', () => {
  it('are carried out in every community accountability named someone in, listed once each in community order', () => {
    const society = restless();
    let named = 0;
    // The society's own phases, each followed by a look at the lists it leaves.
    society.setPhases(SOCIETY_PHASES.map((phase) => ({
      name: phase.name,
      run: (s: Society) => {
        phase.run(s);
        if (phase.name === 'accountability') {
          const waiting = s.communities.filter((c) => c.governance.expelled.length > 0);
          expect(s.polity.expelling).toEqual(waiting.map((c) => c.id));
          named += waiting.reduce((sum, c) => sum + c.governance.expelled.length, 0);
        }
        if (phase.name === 'migration') {
          expect(s.polity.expelling).toEqual([]);
          expect(s.communities.every((c) => c.governance.expelled.length === 0)).toBe(true);
        }
      },
    })));
    society.run({ steps: 24 });
    expect(named).toBeGreaterThan(0);
  });
});

/** Each community's member ids as the index lists them, and as a rebuild would (ascending ids of the rows in it). */
function buckets(society: Society): { indexed: number[][]; expected: number[][] } {
  const { people, members } = society;
  const indexed = society.communities.map((c) => Array.from(members.rows.subarray(members.start[c.id]!, members.start[c.id + 1]!), (row) => people.idOf(row)));
  const expected: number[][] = society.communities.map(() => []);
  for (let row = 0; row < people.length; row++) expected[people.cols.community[row]!]!.push(people.idOf(row));
  for (const list of expected) list.sort((a, b) => a - b);
  return { indexed, expected };
}

describe('persons leaving the map', () => {
  it('leave the member buckets as a rebuild would make them, without a rebuild', () => {
    const society = restless({ admission: 0.9 });
    const rebuild = vi.spyOn(Members.prototype, 'rebuild');
    let left = 0;
    let rebuilt = 0;
    society.setPhases(SOCIETY_PHASES.map((phase) => ({
      name: phase.name,
      run: (s: Society) => {
        const calls = rebuild.mock.calls.length;
        phase.run(s);
        if (phase.name !== 'migration') return;
        left += s.polity.counters.leftMap;
        rebuilt += rebuild.mock.calls.length - calls;
        const { indexed, expected } = buckets(s);
        expect(indexed).toEqual(expected);
        for (const community of s.communities) expect(community.population).toBe(expected[community.id]!.length);
      },
    })));
    society.run({ steps: 36 });
    rebuild.mockRestore();
    expect(left).toBeGreaterThan(0);
    expect(rebuilt).toBe(0);
  });
});
