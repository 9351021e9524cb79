import { describe, expect, it } from 'vitest';
import { formatNumber, MAX_NUMBER_BYTES, writeNumber } from '../../sim/index.js';

/** What `writeNumber` writes for a value, as text. */
function written(value: number): string {
  const out = new Uint8Array(MAX_NUMBER_BYTES);
  const end = writeNumber(out, 0, value);
  return Buffer.from(out.subarray(0, end)).toString('latin1');
}

describe('writeNumber', () => {
  it('writes the bytes of formatNumber for integers, decimals and what has no digits', () => {
    expect(written(42)).toBe('42');
    expect(written(-0)).toBe('0');
    expect(written(-3)).toBe('-3');
    expect(written(2 ** 53 - 1)).toBe('9007199254740991');
    expect(written(1 / 3)).toBe('0.3333333333');
    expect(written(-0.000012345678915)).toBe(formatNumber(-0.000012345678915));
    expect(written(0.1 + 0.2)).toBe('0.3');
    expect(written(123456.7890123)).toBe('123456.789');
    expect(written(9999999999.5)).toBe('10000000000');
    expect(written(2.5e-12)).toBe('2.5e-12');
    expect(written(Number.NaN)).toBe('');
    expect(written(-Infinity)).toBe('-Inf');
  });

  it('agrees with formatNumber at every power of ten and its neighbours, at rounding ties, and over random values', () => {
    const values: number[] = [0, 5e-324, 1e21, 1e21 + 0.5, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1.7976931348623157e308, -1.7976931348623157e308, 2 ** 31, 2 ** 31 - 1, -(2 ** 31)];
    for (let k = -8; k <= 11; k++) {
      const power = Number(`1e${k}`);
      for (const v of [power, power * (1 + 2 ** -52), power * (1 - 2 ** -53), power - 5 * 10 ** (k - 11), power + 5 * 10 ** (k - 11)]) values.push(v, -v);
    }
    let state = 2024;
    const uniform = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 100_000; i++) {
      values.push((uniform() - 0.4) * 10 ** (Math.floor(uniform() * 30) - 12)); // every magnitude the fast path takes, and beyond
      values.push(Math.round(uniform() * 1e6) / 10 ** Math.floor(uniform() * 8)); // short decimals with trailing zeros
      values.push(Math.round((uniform() - 0.5) * 2 ** Math.floor(uniform() * 60))); // integers of every size
      // Halfway between two ten-digit decimals, as near as a double gets: the cases too close to call.
      values.push((1e9 + Math.floor(uniform() * 9e9) + 0.5) * 10 ** (Math.floor(uniform() * 17) - 16));
    }
    const wrong = values.filter((value) => written(value) !== formatNumber(value));
    expect(wrong.map((value) => [value, written(value), formatNumber(value)])).toEqual([]);
  });

  it('writes where it is told and says where it ended, within MAX_NUMBER_BYTES', () => {
    const out = new Uint8Array(3 + MAX_NUMBER_BYTES).fill(120);
    const end = writeNumber(out, 3, -1.234567891e-100);
    expect(Buffer.from(out.subarray(0, end)).toString('latin1')).toBe('xxx-1.234567891e-100');
    expect(end - 3).toBeLessThanOrEqual(MAX_NUMBER_BYTES);
    for (const value of [-Number.MAX_VALUE, -Number.MIN_VALUE, -(2 ** 53) + 1, -1.2345678912345e-7]) expect(written(value).length).toBeLessThanOrEqual(MAX_NUMBER_BYTES);
  });
});
