import { describe, expect, it } from 'vitest';
import { ROWS_PER_BLOCK, Rng, blockwise } from '../../sim/index.js';

describe('blockwise', () => {
  it('visits every index once, in order, in blocks of ROWS_PER_BLOCK', () => {
    const count = 3 * ROWS_PER_BLOCK + 17;
    const seen: number[] = [];
    const blocks: [number, number][] = [];
    blockwise(count, 0, (from, to) => {
      blocks.push([from, to]);
      for (let i = from; i < to; i++) seen.push(i);
      return 0;
    });
    expect(seen).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(blocks.length).toBe(4);
    expect(blocks.every(([from, to]) => to - from <= ROWS_PER_BLOCK)).toBe(true);
  });

  it('carries a sum from block to block: the same double as one loop over the same numbers', () => {
    const rng = new Rng('blockwise');
    const values = Float64Array.from({ length: 5 * ROWS_PER_BLOCK + 3 }, () => rng.normal(0, 1e6) * rng.next());
    let oneLoop = 0.1;
    for (const v of values) oneLoop += v;
    const carried = blockwise(values.length, 0.1, (from, to, sum) => {
      for (let i = from; i < to; i++) sum += values[i]!;
      return sum;
    });
    expect(Object.is(carried, oneLoop)).toBe(true);
  });

  it('returns the starting number when there is nothing to visit', () => {
    expect(blockwise(0, 7, () => 0)).toBe(7);
  });
});
