import { describe, expect, it } from 'vitest';
import { copyColumns, packColumns, packedSize, unpackColumns } from '../../viz/src/frames.js';

describe('frames', () => {
  const columns = () => ({
    population: new Float32Array([10, 2000, 37.5]),
    id: new Int32Array([4, 8, 15, 16, 23]),
    'metric.gini_wealth': new Float64Array([0.1, 0.25]),
  });

  it('unpacks to the same names, types and values it packed', () => {
    const packed = packColumns(columns());
    const out = unpackColumns(packed);
    expect(Object.keys(out)).toEqual(['population', 'id', 'metric.gini_wealth']);
    expect(out.population).toBeInstanceOf(Float32Array);
    expect(out.id).toBeInstanceOf(Int32Array);
    expect(Array.from(out.population!)).toEqual([10, 2000, 37.5]);
    expect(Array.from(out.id!)).toEqual([4, 8, 15, 16, 23]);
    expect(Array.from(out['metric.gini_wealth']!)).toEqual([0.1, 0.25]);
  });

  it('starts every column on an 8-byte boundary so float64 views are legal after odd-length columns', () => {
    const packed = packColumns(columns());
    for (const slot of packed.slots) expect(slot.offset % 8).toBe(0);
    expect(packedSize(columns())).toBe(16 + 24 + 16);
  });

  it('refills a returned buffer when it is large enough, and allocates a new one when not', () => {
    const spare = new ArrayBuffer(1024);
    expect(packColumns(columns(), spare).buffer).toBe(spare);
    const small = new ArrayBuffer(8);
    expect(packColumns(columns(), small).buffer).not.toBe(small);
  });

  it('copies survive the buffer being reused for the next frame', () => {
    const spare = new ArrayBuffer(1024);
    const first = packColumns(columns(), spare);
    const kept = copyColumns(first);
    packColumns({ population: new Float32Array([-1, -1, -1]) }, spare);
    expect(Array.from(kept.population!)).toEqual([10, 2000, 37.5]);
    expect(Array.from(unpackColumns(first).population!)).toEqual([-1, -1, -1]);
  });

  it('packs empty columns and an empty frame', () => {
    const packed = packColumns({ none: new Float64Array(0) });
    expect(unpackColumns(packed).none!.length).toBe(0);
    expect(packColumns({}).slots).toEqual([]);
  });
});
