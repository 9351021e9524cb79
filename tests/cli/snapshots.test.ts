import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotCSV, snapshotCSVPieces, writeSnapshotFile } from '../../cli/snapshots/csv.js';
import { SnapshotWriter } from '../../cli/snapshots/writer.js';
import { scratch } from './helpers.js';

describe('snapshot CSV', () => {
  const snapshot = { step: 3, columns: { id: Float64Array.from([0, 1, 2, 3, 4]), wealth: Float64Array.from([1.5, -2, 1 / 3, Number.NaN, 1e-9]) } };

  it('comes in pieces of whole rows that join into the same text, the header once', () => {
    const whole = snapshotCSV(snapshot);
    expect(whole).toBe('id,wealth\n0,1.5\n1,-2\n2,0.3333333333\n3,\n4,1e-9\n');
    const pieces = [...snapshotCSVPieces(snapshot, 2)];
    expect(pieces).toEqual(['id,wealth\n0,1.5\n1,-2\n', '2,0.3333333333\n3,\n', '4,1e-9\n']);
    expect(pieces.join('')).toBe(whole);
  });

  it('writes the header alone for a snapshot without agents', () => {
    expect(snapshotCSV({ step: 0, columns: { id: new Float64Array(0), wealth: new Float64Array(0) } })).toBe('id,wealth\n');
  });

  it('goes to disk a piece at a time, the file holding exactly the whole text', () => {
    const rows = 20_000; // three pieces
    const big = { step: 6, columns: { id: Float64Array.from({ length: rows }, (_, i) => i), share: Float64Array.from({ length: rows }, (_, i) => i / 7) } };
    const path = join(scratch(), 'step-6.csv');
    writeSnapshotFile(path, big);
    expect(readFileSync(path, 'utf8')).toBe(snapshotCSV(big));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(rows + 2);
  });
});

describe('SnapshotWriter', () => {
  const rows = (n: number, step: number) => ({ step, columns: { id: Float64Array.from({ length: n }, (_, i) => i), share: Float64Array.from({ length: n }, (_, i) => (i * step) / 7) } });

  it('writes large snapshots on its own thread and small ones at once, the same text either way', async () => {
    const folder = scratch();
    const writer = new SnapshotWriter({ rowsForThread: 1000 });
    const expected: Record<string, string> = {};
    for (const [name, n, step] of [['a', 5000, 1], ['b', 10, 2], ['c', 3000, 3]] as const) {
      const snapshot = rows(n, step);
      expected[name] = snapshotCSV(snapshot);
      writer.write(join(folder, `${name}.csv`), snapshot);
    }
    // The small one is on disk already; the large ones went to the thread (their buffers with them).
    expect(readFileSync(join(folder, 'b.csv'), 'utf8')).toBe(expected.b);
    expect(writer.pending).toBe(2);
    await writer.finish();
    expect(writer.pending).toBe(0);
    for (const name of ['a', 'b', 'c']) expect(readFileSync(join(folder, `${name}.csv`), 'utf8')).toBe(expected[name]);
  });

  it('writes nothing past its first piece while the busy flag is up, and the rest once it drops', async () => {
    const busy = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(busy, 0, 1);
    const writer = new SnapshotWriter({ rowsForThread: 0, busy });
    const path = join(scratch(), 'held.csv');
    const snapshot = rows(5000, 3);
    const expected = snapshotCSV(snapshot);
    writer.write(path, snapshot);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // The first piece (1,024 rows and the header) at most: the thread waits on the flag.
    const held = existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0;
    expect(held).toBeLessThanOrEqual(1025);
    Atomics.store(busy, 0, 0);
    Atomics.notify(busy, 0);
    await writer.finish();
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });

  it('fails its finish with the reason when a snapshot cannot be written', async () => {
    const writer = new SnapshotWriter({ rowsForThread: 0 });
    writer.write(join(scratch(), 'missing-folder', 'x.csv'), rows(3, 1));
    await expect(writer.finish()).rejects.toThrow(/writing a snapshot failed: .*ENOENT/);
  });
});
