import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotCSV, snapshotCSVPieces, writeSnapshotFile } from '../../cli/snapshots/csv.js';
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
