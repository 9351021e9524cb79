import { closeSync, openSync, writeSync } from 'node:fs';
import { formatNumber, type AgentSnapshot } from '../../sim/index.js';

/** One agent snapshot as CSV: a header of its fields, then one row per agent. */
export function snapshotCSV(snapshot: AgentSnapshot): string {
  return [...snapshotCSVPieces(snapshot)].join('');
}

/**
 * Rows a snapshot's text is formatted in before each piece is written. Small pieces keep little
 * alive between the young generation's collections, which copy what is alive: a million rows
 * took about 4.5 s of CPU in pieces of 8,192 rows and 2.5 s in pieces of 512
 * (`bench/snapshot-pieces.ts` measures both).
 */
export const SNAPSHOT_PIECE_ROWS = 512;

/**
 * The same text in pieces of `rowsPerPiece` rows (the header leads the first), so a
 * million-person snapshot goes to disk without ever being one string in memory.
 */
export function* snapshotCSVPieces(snapshot: AgentSnapshot, rowsPerPiece = SNAPSHOT_PIECE_ROWS): Generator<string> {
  const names = Object.keys(snapshot.columns);
  const columns = names.map((name) => snapshot.columns[name]!);
  const rows = columns[0]?.length ?? 0;
  let piece = names.join(',') + '\n';
  for (let from = 0; from < rows; from += rowsPerPiece) {
    const to = Math.min(rows, from + rowsPerPiece);
    for (let r = from; r < to; r++) {
      let line = formatNumber(columns[0]![r]!);
      for (let c = 1; c < columns.length; c++) line += ',' + formatNumber(columns[c]![r]!);
      piece += line + '\n';
    }
    yield piece;
    piece = '';
  }
  if (piece !== '') yield piece;
}

/** Writes a snapshot's CSV to `path` (created or replaced), a piece of `rowsPerPiece` rows at a time. */
export function writeSnapshotFile(path: string, snapshot: AgentSnapshot, rowsPerPiece = SNAPSHOT_PIECE_ROWS): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of snapshotCSVPieces(snapshot, rowsPerPiece)) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}
