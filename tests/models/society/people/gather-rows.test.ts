import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

/** Share of persons whose row follows the row of the person before them in member order: 1 when every community's rows sit together in that order. */
function gathered(society: Society): number {
  const n = society.people.length;
  const rows = society.members.inOrder(society.people);
  let next = 0;
  for (let m = 1; m < n; m++) if (rows[m] === rows[m - 1]! + 1) next++;
  return next / (n - 1);
}

/** Everything a run writes: metrics, events and the persons' snapshots. */
function run(name: string, gatherRowsEvery: number, steps = 40) {
  const society = new Society(small(name, { population: 1500, communities: 12, snapshotEvery: 10 }), 6, { gatherRowsEvery });
  society.run({ steps });
  const snapshots = society.collector.snapshots.map((s) => ({ step: s.step, columns: Object.fromEntries(Object.entries(s.columns).map(([k, v]) => [k, Array.from(v)])) }));
  return { society, metrics: society.collector.toCSV(), events: society.events.toNDJSON(), snapshots };
}

describe('gathering each community’s rows together', () => {
  for (const name of ['default', 'communism', 'aggression']) {
    it(`changes no metric, event or snapshot, gathered every month, every fifth or never (${name})`, () => {
      const never = run(name, 0);
      expect(never.events.length).toBeGreaterThan(0);
      expect(never.snapshots.length).toBe(5);
      for (const every of [1, 5]) {
        const other = run(name, every);
        expect(other.metrics).toBe(never.metrics);
        expect(other.events).toBe(never.events);
        expect(other.snapshots).toEqual(never.snapshots);
      }
    }, 30_000);
  }

  it('leaves the rows in member order when it runs, and they scatter without it', () => {
    const never = run('default', 0, 30).society;
    const monthly = run('default', 1, 30).society;
    // Only the moves after this month's gathering are out of place.
    expect(gathered(monthly)).toBeGreaterThan(0.95);
    expect(gathered(never)).toBeLessThan(0.9);
  });

  it('refuses to list persons in member order from a stale index', () => {
    const society = new Society(small('default'), 1);
    society.people.add({ community: 0, age: 30 });
    expect(() => society.members.inOrder(society.people)).toThrow(/stale|rebuild/);
    // As many rows as the index holds, but not the same ones: a row added and another removed.
    society.people.removeRow(0);
    expect(() => society.members.inOrder(society.people)).toThrow(/rebuild/);
    society.members.rebuild(society.people, society.communities.length);
    expect(society.members.inOrder(society.people).length).toBeGreaterThanOrEqual(society.people.length);
    // A move noted and not yet settled.
    society.members.noteMove(3, society.people.cols.community[3]!);
    society.people.cols.community[3] = (society.people.cols.community[3]! + 1) % society.communities.length;
    expect(() => society.members.inOrder(society.people)).toThrow(/unsettled/);
    society.members.settleMoves(society.people, society.communities.length, new Int32Array(society.people.length));
    expect(() => society.members.inOrder(society.people)).not.toThrow();
  });
});
