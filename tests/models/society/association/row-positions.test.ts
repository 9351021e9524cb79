import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { RowPositions } from '../../../../models/society/association/row-positions.js';

describe('RowPositions', () => {
  it('finds every row put in at its position, and -1 for rows not put in, after each reset', () => {
    const table = new RowPositions();
    const rng = new Rng('row-positions');
    for (const count of [0, 3, 700, 40, 5000]) {
      table.reset(count);
      const put = new Map<number, number>();
      while (put.size < count) {
        const row = rng.int(1_000_000);
        if (put.has(row)) continue;
        table.set(row, put.size);
        put.set(row, put.size);
      }
      for (const [row, position] of put) expect(table.get(row)).toBe(position);
      // Rows left from the call before (or never put in) are not found.
      for (let probe = 0; probe < 200; probe++) {
        const row = rng.int(1_000_000);
        expect(table.get(row)).toBe(put.get(row) ?? -1);
      }
    }
  });

  it('finds a run of consecutive rows (one community’s rows often are one) and nothing either side', () => {
    const table = new RowPositions();
    table.reset(1000);
    for (let row = 0; row < 1000; row++) table.set(50_000 + row, row);
    for (let row = 0; row < 1000; row++) expect(table.get(50_000 + row)).toBe(row);
    expect(table.get(49_999)).toBe(-1);
    expect(table.get(51_000)).toBe(-1);
  });
});
