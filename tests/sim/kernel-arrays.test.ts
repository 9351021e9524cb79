import { describe, expect, it } from 'vitest';
import { KernelArrays } from '../../sim/kernel-arrays.js';
import { LocalRunner, type Kernel } from '../../sim/shards.js';

describe('KernelArrays', () => {
  it('names a source’s arrays by prefix and reads a source without a version at every refresh', () => {
    const record = new KernelArrays();
    let reads = 0;
    let values = new Float64Array(4);
    record.track('toy', () => (reads++, { values }));
    expect(record.refresh()).toBe(true);
    expect(record.arrays['toy.values']).toBe(values);
    expect(record.refresh()).toBe(false);
    values = new Float64Array(8);
    expect(record.refresh()).toBe(true);
    expect(record.arrays['toy.values']).toBe(values);
    expect(reads).toBe(3);
  });

  it('reads a source with a version again only when the version moved', () => {
    const record = new KernelArrays();
    let reads = 0;
    let version = 0;
    let values = new Float64Array(4);
    const first = values;
    record.track('table', () => (reads++, { values }), () => version);
    expect(record.refresh()).toBe(true);
    expect(record.refresh()).toBe(false);
    expect(reads).toBe(1);
    // The contract: a source that replaces an array moves its version; until then the record keeps the old one.
    values = new Float64Array(8);
    expect(record.refresh()).toBe(false);
    expect(record.arrays['table.values']).toBe(first);
    version++;
    expect(record.refresh()).toBe(true);
    expect(record.arrays['table.values']).toBe(values);
    expect(reads).toBe(2);
    // A moved version with the same arrays: read, nothing changed.
    version++;
    expect(record.refresh()).toBe(false);
    expect(reads).toBe(3);
  });

  it('picks up scratch arrays added or grown, and nothing when they stand', () => {
    const record = new KernelArrays();
    const small = record.scratchArray('sums', Float64Array, 4, false, (n) => new Float64Array(n));
    expect(record.refresh()).toBe(true);
    expect(record.arrays.sums).toBe(small);
    expect(record.scratchArray('sums', Float64Array, 4, false, (n) => new Float64Array(n))).toBe(small);
    expect(record.refresh()).toBe(false);
    small[0] = 7;
    const grown = record.scratchArray('sums', Float64Array, 100, true, (n) => new Float64Array(n));
    expect(grown).not.toBe(small);
    expect(grown[0]).toBe(7);
    expect(record.refresh()).toBe(true);
    expect(record.arrays.sums).toBe(grown);
  });

  it('lets kernels on one thread see a versioned source’s new arrays after the version moves', () => {
    const seen: number[] = [];
    const kernel: Kernel = { name: 'read', streams: [], run: (scope, c) => void seen.push((scope.arrays['t.values'] as Float64Array).length + c) };
    const runner = new LocalRunner([kernel], {}, () => {
      throw new Error('no streams here');
    });
    let version = 0;
    let values = new Float64Array(2);
    runner.track('t', () => ({ values }), () => version);
    runner.run('read', 1);
    values = new Float64Array(5);
    version++;
    runner.run('read', 1);
    expect(seen).toEqual([2, 5]);
  });
});
