import { describe, expect, it } from 'vitest';
import { moveValue, takeValue, worth } from '../../../../models/society/services/goods.js';

describe('moving goods by value', () => {
  it('moves the same share of each good and returns the value moved', () => {
    const from = { food: 30, manufactures: 40 };
    const to = { food: 0, manufactures: 0 };
    const moved = moveValue(from, to, 30, 0.75);
    expect(moved).toBeCloseTo(30, 12);
    expect(to.food / to.manufactures).toBeCloseTo(30 / 40, 12);
    expect(from.food + to.food).toBeCloseTo(30, 12);
    expect(worth(from, 0.75)).toBeCloseTo(30, 12);
  });

  it('never moves more than the holder has, nor anything from an empty or indebted holder', () => {
    const from = { food: 5, manufactures: 0 };
    const to = { food: 0, manufactures: 0 };
    expect(moveValue(from, to, 100, 0.75)).toBeCloseTo(5, 12);
    expect(from.food).toBe(0);
    expect(moveValue({ food: -3, manufactures: 0 }, to, 1, 0.75)).toBe(0);
  });

  it('the mix a payment receives does not depend on the payments before it', () => {
    const a = { food: 10, manufactures: 20 };
    const b = { food: 10, manufactures: 20 };
    moveValue(a, { food: 0, manufactures: 0 }, 8, 0.75);
    const afterA = takeValue(a, 4, 0.75);
    const afterB = takeValue(b, 4, 0.75);
    expect(afterA.food / afterA.manufactures).toBeCloseTo(afterB.food / afterB.manufactures, 12);
  });
});
