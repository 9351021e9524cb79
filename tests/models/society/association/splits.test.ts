import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

describe('splits', () => {
  it('a faction that would do better apart founds a community on free land, takes its share of the fund, and is logged', () => {
    const society = new Society(small('default', { idealPointWeight: 2, foundingCost: 0, minFaction: 5, migration: false }), 2);
    const usedBefore = new Set<number>();
    for (let cell = 0; cell < society.land.user.length; cell++) if (society.land.user[cell]! >= 0) usedBefore.add(cell);
    const initial = society.communities.length;
    // Let the funds fill first.
    const params = society.params as { splits: boolean };
    params.splits = false;
    society.run({ steps: 5 });
    params.splits = true;
    society.run({ until: (s) => s.events.count('split') > 0, steps: 24 });
    const split = society.events.ofType('split')[0]!;
    expect(split).toBeDefined();
    const founded = society.communities[split['founded'] as number]!;
    expect(founded.id).toBe(initial);
    expect(founded.population).toBe(split['members']);
    expect(founded.population).toBeGreaterThanOrEqual(5);
    // Its land was free before, and now it alone uses it.
    expect(founded.cells.length).toBeGreaterThan(0);
    for (const cell of founded.cells) {
      expect(usedBefore.has(cell)).toBe(false);
      expect(society.land.user[cell]).toBe(founded.id);
    }
    // The faction's share of the fund, by heads (nothing else touches these funds later in the month).
    const parent = society.communities[split['community'] as number]!;
    expect(founded.fund.food).toBeGreaterThan(0);
    const share = founded.population / (founded.population + parent.population);
    expect(founded.fund.food / (founded.fund.food + parent.fund.food)).toBeCloseTo(share, 9);
    expect(Math.hypot(founded.x - society.communities[split['community'] as number]!.x, founded.y - society.communities[split['community'] as number]!.y)).toBeLessThanOrEqual(society.params.foundingRadius * Math.SQRT2);
    for (let row = 0; row < society.people.length; row++) {
      if (society.people.cols.community[row] === founded.id) expect(Math.abs(society.people.cols.idealSharing[row]! - founded.policy.sharing)).toBeLessThan(0.75);
    }
  });

  it('no split when splitting is off', () => {
    const society = new Society(small('default', { idealPointWeight: 2, foundingCost: 0, minFaction: 5, migration: false, splits: false }), 2);
    society.run({ steps: 24 });
    expect(society.events.count('split')).toBe(0);
    expect(society.communities.length).toBe(6);
  });
});
