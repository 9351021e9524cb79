import { describe, expect, it } from 'vitest';
import { armyStrength, militiaStrength, soldiersPaid, terrainFactor } from '../../../../models/society/defence/strength.js';

describe('defending strength', () => {
  const militia = { adults: 1000, serving: 0.5, training: 0.02, technology: 1, elevation: 0, terrainEffect: 1 };

  it('a militia is trained members × training × technology × terrain', () => {
    expect(militiaStrength(militia)).toBeCloseTo(10, 12);
    expect(militiaStrength({ ...militia, training: 0.04 })).toBeCloseTo(20, 12);
    expect(militiaStrength({ ...militia, technology: 2, elevation: 0.5 })).toBeCloseTo(10 * 2 * 1.5, 12);
  });

  it('a standing army is its full-time soldiers, paid from a budget', () => {
    expect(soldiersPaid(30, 1.5)).toBeCloseTo(20, 12);
    expect(armyStrength(20, 1, 0, 1)).toBe(20);
    expect(soldiersPaid(-3, 1.5)).toBe(0);
  });

  it('hills favour defenders', () => {
    expect(terrainFactor(1, 1)).toBe(2);
    expect(terrainFactor(0.5, 0)).toBe(1);
  });
});
