import { closeSync, openSync, writeSync } from 'node:fs';
import { MAX_NUMBER_BYTES, writeNumber, type AgentSnapshot } from '../../sim/index.js';

/**
 * Bytes a snapshot's rows are formatted into before each write. The numbers are written as
 * bytes, not strings (sim/number-bytes.ts): a million persons' snapshot took a core about 2.5 s
 * as strings in pieces of 512 rows, and leaves no garbage this way (`bench/snapshot-write.ts`
 * measures both).
 */
export const SNAPSHOT_BUFFER_BYTES = 1 << 18;

/**
 * Rows between two calls of a writer's `between` hook (about a fifth of a millisecond of
 * formatting): how long work beside a threaded run may go on once the run's workers start a job.
 */
export const ROWS_BETWEEN_PAUSES = 256;

const COMMA = 44;
const NEWLINE = 10;

/**
 * One agent snapshot as CSV bytes: a header of its fields, then one row per agent, each number
 * as `formatNumber` writes it. `write` receives them a buffer at a time, whole rows only (the
 * header alone first); the buffer is reused, so `write` must be done with it when it returns.
 * `between`, when given, is called every `ROWS_BETWEEN_PAUSES` rows (a place to wait: see
 * cli/snapshots/background.ts).
 */
export function snapshotCSVChunks(snapshot: AgentSnapshot, write: (bytes: Uint8Array) => void, bufferBytes = SNAPSHOT_BUFFER_BYTES, between?: () => void): void {
  const names = Object.keys(snapshot.columns);
  const columns = names.map((name) => snapshot.columns[name]!);
  const rows = columns[0]?.length ?? 0;
  write(Buffer.from(names.join(',') + '\n'));
  if (rows === 0) return;
  const rowBytes = columns.length * (MAX_NUMBER_BYTES + 1);
  const buffer = new Uint8Array(Math.max(bufferBytes, rowBytes));
  const first = columns[0]!;
  let at = 0;
  for (let r = 0; r < rows; r++) {
    if (between && r % ROWS_BETWEEN_PAUSES === 0) between();
    if (at + rowBytes > buffer.length) {
      write(buffer.subarray(0, at));
      at = 0;
    }
    at = writeNumber(buffer, at, first[r]!);
    for (let c = 1; c < columns.length; c++) {
      buffer[at++] = COMMA;
      at = writeNumber(buffer, at, columns[c]![r]!);
    }
    buffer[at++] = NEWLINE;
  }
  write(buffer.subarray(0, at));
}

/** One agent snapshot as CSV text (what its file holds). */
export function snapshotCSV(snapshot: AgentSnapshot): string {
  const chunks: Buffer[] = [];
  snapshotCSVChunks(snapshot, (bytes) => chunks.push(Buffer.from(bytes)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes a snapshot's CSV to `path` (created or replaced), a buffer at a time: never one string in memory. */
export function writeSnapshotFile(path: string, snapshot: AgentSnapshot, between?: () => void): void {
  const fd = openSync(path, 'w');
  try {
    snapshotCSVChunks(snapshot, (bytes) => {
      // A write may take less than it is given: the rest follows.
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    }, SNAPSHOT_BUFFER_BYTES, between);
  } finally {
    closeSync(fd);
  }
}
