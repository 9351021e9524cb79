import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotCSV, snapshotCSVChunks, writeSnapshotFile } from '../../cli/snapshots/csv.js';
import { formatNumber } from '../../sim/index.js';
import { scratch } from './helpers.js';

describe('snapshot CSV', () => {
  const snapshot = { step: 3, columns: { id: Float64Array.from([0, 1, 2, 3, 4]), wealth: Float64Array.from([1.5, -2, 1 / 3, Number.NaN, 1e-9]) } };

  it('comes in chunks of whole rows that join into the same text, the header alone first', () => {
    const whole = snapshotCSV(snapshot);
    expect(whole).toBe('id,wealth\n0,1.5\n1,-2\n2,0.3333333333\n3,\n4,1e-9\n');
    const chunks: string[] = [];
    // A buffer with room for one row at its longest: each row is written out alone.
    snapshotCSVChunks(snapshot, (bytes) => chunks.push(Buffer.from(bytes).toString('utf8')), 0);
    expect(chunks).toEqual(['id,wealth\n', '0,1.5\n', '1,-2\n', '2,0.3333333333\n', '3,\n', '4,1e-9\n']);
    const shared: string[] = [];
    // 61 bytes: a row goes in while a longest row (two numbers and their separators, 25 bytes each) would still fit after what is there.
    snapshotCSVChunks(snapshot, (bytes) => shared.push(Buffer.from(bytes).toString('utf8')), 61);
    expect(shared).toEqual(['id,wealth\n', '0,1.5\n1,-2\n2,0.3333333333\n', '3,\n4,1e-9\n']);
    expect(chunks.join('')).toBe(whole);
  });

  it('writes each number as formatNumber does, the header as given', () => {
    const values = [0, -0, 7, -42, 2 ** 40, -(2 ** 53) + 1, 1e21, 0.5, -0.25, 1 / 3, 123456.7890123, 9999999999.5, 1e-6, 2.5e-12, Number.NaN, Infinity, -Infinity];
    const text = snapshotCSV({ step: 1, columns: { 'wealth_€': Float64Array.from(values) } });
    expect(text).toBe(['wealth_€', ...values.map(formatNumber)].join('\n') + '\n');
  });

  it('writes the header alone for a snapshot without agents', () => {
    expect(snapshotCSV({ step: 0, columns: { id: new Float64Array(0), wealth: new Float64Array(0) } })).toBe('id,wealth\n');
  });

  it('goes to disk a piece at a time, the file holding exactly the whole text', () => {
    const rows = 40_000; // several buffers
    const big = { step: 6, columns: { id: Float64Array.from({ length: rows }, (_, i) => i), share: Float64Array.from({ length: rows }, (_, i) => i / 7) } };
    const path = join(scratch(), 'step-6.csv');
    writeSnapshotFile(path, big);
    expect(readFileSync(path, 'utf8')).toBe(snapshotCSV(big));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(rows + 2);
  });
});
