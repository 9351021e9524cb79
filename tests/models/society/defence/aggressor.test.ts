import { describe, expect, it } from 'vitest';
import { aggressorSite, chooseTarget, grow, type Aggressor } from '../../../../models/society/defence/aggressor.js';

describe('an outside State', () => {
  it('stands on the map’s edge', () => {
    for (let i = 0; i < 5; i++) {
      const { x, y } = aggressorSite(i, 5, 40, 30);
      expect(x === 0 || y === 0 || x === 39 || y === 29).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(30);
    }
  });

  it('grows about 0.2% a month: 2.4× in 36 years', () => {
    const state: Aggressor = { id: 0, x: 0, y: 0, strength: 10, taken: 0 };
    for (let month = 0; month < 432; month++) grow(state, 0.002);
    expect(state.strength).toBeCloseTo(10 * 1.002 ** 432, 9);
  });

  it('picks the target worth the most given its chance to win', () => {
    const targets = (attack: number) => [
      { id: 0, attack, worth: 100, defence: 1000 },
      { id: 1, attack, worth: 60, defence: 1 },
      { id: 2, attack, worth: 10, defence: 0 },
    ];
    expect(chooseTarget(targets(50), 0.4)!.id).toBe(1);
    expect(chooseTarget(targets(1e6), 0.4)!.id).toBe(0);
  });

  it('weighs its strength where each target stands: a far target it is weak at is worth less', () => {
    const near = { id: 0, attack: 50, worth: 60, defence: 10 };
    const far = { id: 1, attack: 5, worth: 70, defence: 10 };
    expect(chooseTarget([near, far], 0.4)!.id).toBe(0);
  });

  it('attacks nothing worth nothing', () => {
    expect(chooseTarget([{ id: 0, attack: 50, worth: 0, defence: 0 }], 0.4)).toBeUndefined();
  });
});
