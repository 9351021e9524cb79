import { describe, expect, it } from 'vitest';
import { stewardshipLevel, tendLand, tenureStewardship, type TendedLand } from '../../../../models/society/ecology/stewardship.js';
import { Society } from '../../../../models/society/index.js';
import { ecology } from '../../../../models/society/phases/ecology.js';
import { small } from '../helpers.js';

function land(resource: number[], capacity: number[]): TendedLand {
  return { resource: Float32Array.from(resource), capacity: Float32Array.from(capacity), original: Float32Array.from(capacity), user: new Int32Array(resource.length) };
}

describe('ecology', () => {
  it('extraction beyond regrowth degrades the land', () => {
    const l = land([0.1, 0.9], [1, 1]);
    tendLand(l, [0, 1], 0, 2, 0, 0, 0.1, 0.01);
    expect(l.capacity[0]).toBeCloseTo(1 - 0.1 * 0.4, 6);
    expect(l.capacity[1]).toBe(1);
  });

  it('stewardship restores lost capacity, never beyond the original', () => {
    const l = land([0.8], [1]);
    l.capacity[0] = 0.8;
    tendLand(l, [0], 0, 1, 0, 1, 0.1, 0.05);
    expect(l.capacity[0]).toBeCloseTo(0.8 + 0.05 * 0.2, 6);
    for (let i = 0; i < 1000; i++) tendLand(l, [0], 0, 1, 0, 1, 0.1, 0.5);
    expect(l.capacity[0]).toBeLessThanOrEqual(1);
  });

  it('tends only the cells the community holds, and only within its range of the list', () => {
    const l = land([0.1, 0.1, 0.1], [1, 1, 1]);
    l.user.set([0, 1, 0]);
    tendLand(l, [2, 0, 1, 2], 1, 4, 0, 0, 0.1, 0.01);
    expect(l.capacity[0]).toBeCloseTo(1 - 0.1 * 0.4, 6);
    expect(l.capacity[1]).toBe(1); // another's cell
    expect(l.capacity[2]).toBeCloseTo(1 - 0.1 * 0.4, 6);
  });

  it('a stock above a lowered capacity is destroyed, and the books hear of it', () => {
    const l = land([0.3], [1]);
    l.capacity[0] = 0.65;
    const destroyed = tendLand(l, [0], 0, 1, 0, 0, 1, 0);
    expect(l.capacity[0]).toBeCloseTo(0.625, 6);
    expect(destroyed).toBe(0);
    const l2 = land([0.1], [1]);
    const lost = tendLand(l2, [0], 0, 1, 0, 0, 3, 0);
    expect(l2.capacity[0]).toBe(0);
    expect(lost).toBeCloseTo(0.1, 6);
    expect(l2.resource[0]).toBe(0);
  });

  it('stewardship follows civic norm and the users’ accountability', () => {
    expect(stewardshipLevel(0.8, 100, 150, true)).toBeCloseTo(0.8, 12);
    expect(stewardshipLevel(0.8, 600, 150, true)).toBeCloseTo(0.2, 12);
    expect(stewardshipLevel(0.8, 600, 150, false)).toBeCloseTo(0.8, 12);
    expect(stewardshipLevel(0.2, 100, 150, true)).toBeLessThan(stewardshipLevel(0.8, 100, 150, true));
  });
});

describe('stewardship under landlords', () => {
  it('owners tend the land at least at ownerStewardship; under usufruct only the users’ level counts', () => {
    expect(tenureStewardship(0.1, true, 0.5)).toBe(0.5);
    expect(tenureStewardship(0.8, true, 0.5)).toBe(0.8);
    expect(tenureStewardship(0.1, false, 0.5)).toBe(0.1);
  });

  it('in the ecology phase, degraded land of low-norm users recovers faster where owners tend it', () => {
    const restored = (ownerStewardship: number) => {
      const s = new Society(small('default', { landTenure: 'landlords', ownerStewardship, civicNormMean: 0.05, civicNormSpread: 0.02, stewardship: 0.1 }), 3);
      const { capacity } = s.land;
      const original = s.ecology.original;
      for (let i = 0; i < capacity.length; i++) capacity[i] = 0.5 * original[i]!;
      s.land.resource.fill(0.5);
      const before = capacity.reduce((a, b) => a + b, 0);
      ecology.run(s);
      return capacity.reduce((a, b) => a + b, 0) - before;
    };
    const [owned, common] = [restored(0.9), restored(0)];
    expect(common).toBeGreaterThan(0);
    expect(owned).toBeGreaterThan(5 * common);
  });
});
