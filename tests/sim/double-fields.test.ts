import { describe, expect, it } from 'vitest';
import { doubleFields } from '../../sim/index.js';

describe('doubleFields', () => {
  it('returns the same object with every value as it was, whole numbers, fractions, -0 and other fields alike', () => {
    const o = { count: 3, share: 0.25, zero: -0, name: 'water', list: [1, 2], big: 2 ** 40 };
    const same = doubleFields(o, ['count', 'share', 'zero', 'big']);
    expect(same).toBe(o);
    expect(o).toEqual({ count: 3, share: 0.25, zero: -0, name: 'water', list: [1, 2], big: 2 ** 40 });
    expect(Object.is(o.zero, -0)).toBe(true);
    expect(Object.keys(o)).toEqual(['count', 'share', 'zero', 'name', 'list', 'big']);
  });

  it('leaves fields it is not given, and non-numbers it is given, alone', () => {
    const o = { a: 1, b: 'text' as unknown as number };
    doubleFields(o, ['b']);
    expect(o).toEqual({ a: 1, b: 'text' });
  });

  it('settles a kind once: a later object given the same list of keys is returned untouched', () => {
    const keys = ['amount'] as const;
    const writes: number[] = [];
    const made = () => {
      let amount = 0;
      return { get amount() { return amount; }, set amount(value: number) { writes.push(value); amount = value; } };
    };
    doubleFields(made(), keys);
    expect(writes).toEqual([0.5, 0]);
    doubleFields(made(), keys);
    expect(writes).toEqual([0.5, 0]);
    doubleFields(made(), ['amount']);
    expect(writes).toEqual([0.5, 0, 0.5, 0]);
  });
});
