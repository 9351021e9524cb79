import { describe, expect, it } from 'vitest';
import { Society } from '../../../models/society/index.js';
import { REGIMES, small } from './helpers.js';

describe('paired comparisons (common random numbers)', () => {
  it('the initial land and people are identical across all regime scenarios for one seed', () => {
    const [first, ...rest] = REGIMES.map((regime) => new Society(small(regime), 21));
    for (const other of rest) {
      for (const layer of ['elevation', 'fertility', 'water', 'resource', 'basin'] as const) {
        expect(Buffer.compare(Buffer.from(other.land[layer].buffer), Buffer.from(first!.land[layer].buffer)), layer).toBe(0);
      }
      expect(other.people.length).toBe(first!.people.length);
      for (const column of Object.keys(first!.people.cols) as (keyof typeof first.people.cols)[]) {
        expect(Array.from(other.people.column(column)), column).toEqual(Array.from(first!.people.column(column)));
      }
      expect(other.communities.map((c) => [c.x, c.y, c.population])).toEqual(first!.communities.map((c) => [c.x, c.y, c.population]));
    }
  });

  it('a different seed gives different land', () => {
    const a = new Society(small('mutualism'), 21);
    const b = new Society(small('mutualism'), 22);
    expect(Array.from(a.land.elevation)).not.toEqual(Array.from(b.land.elevation));
  });
});
