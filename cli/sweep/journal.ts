import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunOutcome } from './worker.js';
import type { PlannedRun } from './design.js';

/** A finished run as the journal records it: everything its row of runs.csv needs. */
export interface RunRecord extends RunOutcome {
  designIndex: number;
  replicate: number;
  seed: number;
  params: Record<string, unknown>;
}

/** The journal's file name inside a sweep folder: one JSON line per finished run, in the order they finished. */
export const JOURNAL_FILE = 'journal.ndjson';

/** The record of a planned run's outcome. */
export function recordOf(run: PlannedRun, outcome: RunOutcome): RunRecord {
  const { id, status, message, metrics } = outcome;
  // Only the outcome's own fields are kept (a crash flag, say, is not part of the record).
  return { id, designIndex: run.designIndex, replicate: run.replicate, seed: run.seed, params: run.params, status, ...(message ? { message } : {}), ...(metrics ? { metrics } : {}) };
}

/** Appends one record in a single write, so a kill leaves at worst one torn last line (which reading skips). */
export function appendRecord(sweepDir: string, record: RunRecord): void {
  appendFileSync(join(sweepDir, JOURNAL_FILE), JSON.stringify(record) + '\n');
}

/** The journal's records, one per run id (a later line wins); a torn last line is ignored. */
export function readJournal(sweepDir: string): RunRecord[] {
  const file = join(sweepDir, JOURNAL_FILE);
  if (!existsSync(file)) return [];
  const byId = new Map<string, RunRecord>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as RunRecord;
      byId.set(record.id, record);
    } catch {
      // Only the line being written when the process was killed can be torn; that run is simply redone.
    }
  }
  return [...byId.values()];
}

/** Records in design order (the order of runs.csv). */
export function inDesignOrder(records: RunRecord[]): RunRecord[] {
  return [...records].sort((x, y) => x.designIndex - y.designIndex);
}
