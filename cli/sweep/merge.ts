import { cpSync, existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { temporaryFolderFor } from '../../sim/node/run-folder.js';
import { getModel } from '../../models/index.js';
import { InputError } from '../../scenarios/errors.js';
import { planSweep } from './design.js';
import { inDesignOrder, JOURNAL_FILE, readJournal, type RunRecord } from './journal.js';
import { finishSweepFolder } from './run-sweep.js';
import { MANIFEST_FILE, readStoredSweep, sameSweep, SWEEP_FILE, sweepText } from './sweep-folder.js';

/** What a merge found. */
export interface MergeResult {
  dir: string;
  runs: number;
  failed: number;
  /** Planned runs that no shard holds (their shards are missing or unfinished). */
  missing: number;
}

/**
 * Joins the folders of one sweep's shards into one sweep folder equal, byte for byte in runs.csv
 * and every run's files, to the same sweep run in one process. The result is built beside the
 * target and renamed into place, so a failed merge leaves nothing behind.
 */
export async function mergeSweeps(shardDirs: string[], out: string): Promise<MergeResult> {
  if (shardDirs.length === 0) throw new InputError('command line', '<dirs>', 'one or more sweep folders', 'none');
  const sweeps = shardDirs.map((dir) => readStoredSweep(dir));
  sweeps.forEach((sweep, i) => {
    if (!sameSweep(sweep, sweeps[0]!)) throw new InputError(shardDirs[i]!, SWEEP_FILE, `the same sweep as ${shardDirs[0]}`, `a different sweep ("${sweep.name}")`);
  });
  const target = resolve(out);
  if (existsSync(target) && readdirSync(target).length > 0) throw new InputError('command line', '--out', 'a new or empty folder', `${out}, which is not empty`);
  const plan = planSweep(sweeps[0]!, getModel(sweeps[0]!.base.model).params);
  const records = collectRecords(shardDirs);
  const temporary = temporaryFolderFor(target);
  try {
    for (const { record, dir } of records.values()) {
      if (existsSync(join(dir, 'runs', record.id))) cpSync(join(dir, 'runs', record.id), join(temporary, 'runs', record.id), { recursive: true });
    }
    const ordered = inDesignOrder([...records.values()].map((entry) => entry.record));
    writeFileSync(join(temporary, SWEEP_FILE), sweepText(sweeps[0]!));
    writeFileSync(join(temporary, JOURNAL_FILE), ordered.map((record) => JSON.stringify(record) + '\n').join(''));
    await finishSweepFolder(temporary, plan, ordered);
    const missing = plan.runs.length - ordered.length;
    const failed = ordered.filter((record) => record.status === 'error').length;
    const manifest = { shard: null, state: missing === 0 ? 'complete' : 'interrupted', mergedFrom: shardDirs, done: ordered.length, failed, total: plan.runs.length, missing };
    writeFileSync(join(temporary, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    rmSync(target, { recursive: true, force: true });
    renameSync(temporary, target);
    return { dir: target, runs: ordered.length, failed, missing };
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** Every finished run in any shard (a successful run only counts with its folder present). */
function collectRecords(shardDirs: string[]): Map<string, { record: RunRecord; dir: string }> {
  const records = new Map<string, { record: RunRecord; dir: string }>();
  for (const dir of shardDirs) {
    for (const record of readJournal(dir)) {
      if (record.status === 'ok' && !existsSync(join(dir, 'runs', record.id))) continue;
      const earlier = records.get(record.id);
      // The same run in two shards (an overlap, or a rerun): keep a success over a failure.
      if (!earlier || (earlier.record.status === 'error' && record.status === 'ok')) records.set(record.id, { record, dir });
    }
  }
  return records;
}
