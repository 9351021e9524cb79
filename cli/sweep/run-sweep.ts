import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getModel } from '../../models/index.js';
import type { ResolvedSweep } from '../../scenarios/sweep-schema.js';
import { planSweep, shardRuns, type PlannedRun, type SweepPlan } from './design.js';
import { appendRecord, inDesignOrder, readJournal, recordOf, type RunRecord } from './journal.js';
import { writeMetricsParquet } from './parquet.js';
import { createRunPool, defaultWorkers } from './pool.js';
import { RunsCsvStream, writeRunsCsv } from './runs-csv.js';
import { prepareSweepFolder, removePartials, writeManifest, type Shard } from './sweep-folder.js';
import { errorMessage, type RunOutcome } from './worker.js';

/** Where a sweep stands, for a progress bar. */
export interface SweepProgress {
  done: number;
  failed: number;
  total: number;
  /** Runs found finished from an earlier session (resume). */
  skipped: number;
}

/** How to run a sweep. */
export interface SweepOptions {
  out: string;
  workers?: number;
  shard?: Shard;
  resume?: boolean;
  /** Stops taking new runs; finished runs stay recorded (Ctrl-C). */
  signal?: AbortSignal;
  onProgress?: (progress: SweepProgress) => void;
  /** A replacement worker module (tests use one with deliberate faults). */
  workerFile?: URL;
  /** A clock for the manifest's timings (injected so that nothing else reads the time). */
  clock?: () => number;
}

/** What a sweep session did. */
export interface SweepResult extends SweepProgress {
  dir: string;
  /** True when stopped by the signal before every run was done. */
  interrupted: boolean;
  /** The runs still to do (0 when complete). */
  remaining: number;
}

/** Runs every run of a sweep (or of one shard) on a worker pool, recording each as it finishes. */
export async function runSweep(sweep: ResolvedSweep, options: SweepOptions): Promise<SweepResult> {
  const dir = resolve(options.out);
  const plan = planSweep(sweep, getModel(sweep.base.model).params);
  const mine = options.shard ? shardRuns(plan, options.shard.index, options.shard.count) : plan.executionOrder.map((i) => plan.runs[i]!);
  prepareSweepFolder(dir, sweep, options.shard, options.resume ?? false);
  const finished = new Map(readJournal(dir).filter((record) => existsSync(join(dir, 'runs', record.id))).map((record) => [record.id, record]));
  const todo = mine.filter((run) => !finished.has(run.id));
  const progress: SweepProgress = { done: finished.size, failed: [...finished.values()].filter((r) => r.status === 'error').length, total: mine.length, skipped: finished.size };
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), Math.max(1, todo.length)));
  const started = options.clock?.();
  options.onProgress?.({ ...progress });
  const stream = new RunsCsvStream(dir, plan.parameterNames, [...finished.values()]);
  const completed = await runAll(sweep, dir, todo, workers, options, (record) => {
    appendRecord(dir, record);
    stream.add(record);
    progress.done++;
    if (record.status === 'error') progress.failed++;
    options.onProgress?.({ ...progress });
  });
  const interrupted = completed < todo.length;
  await finishSweepFolder(dir, plan);
  const seconds = started === undefined ? undefined : (options.clock!() - started) / 1000;
  writeManifest(dir, { shard: options.shard ?? null, state: interrupted ? 'interrupted' : 'complete', workers, ...progress, wallSeconds: seconds });
  return { dir, ...progress, interrupted, remaining: todo.length - completed };
}

/** Writes the final tables: runs.csv in design order and the Parquet file of all metrics. */
export async function finishSweepFolder(dir: string, plan: Pick<SweepPlan, 'parameterNames'>, records: RunRecord[] = readJournal(dir)): Promise<void> {
  const ordered = inDesignOrder(records);
  removePartials(join(dir, 'runs'));
  writeRunsCsv(dir, ordered, plan.parameterNames);
  await writeMetricsParquet(dir, ordered);
}

/**
 * Feeds runs to the pool a few at a time (so a sweep of a million runs never holds a million
 * tasks), records each outcome, and stops taking runs when the signal fires. Returns how many finished.
 */
async function runAll(sweep: ResolvedSweep, dir: string, runs: PlannedRun[], workers: number, options: SweepOptions, record: (r: RunRecord) => void): Promise<number> {
  if (runs.length === 0) return 0;
  const pool = createRunPool(workers, options.workerFile);
  let next = 0;
  let completed = 0;
  const stopped = () => options.signal?.aborted ?? false;
  const lane = async () => {
    while (next < runs.length && !stopped()) {
      const run = runs[next++]!;
      const outcome = await runOne(pool, sweep, dir, run);
      // A run cut short by the stop is not a failure: it stays undone for --resume.
      if (outcome.crashed && stopped()) return;
      record(recordOf(run, outcome));
      completed++;
    }
  };
  const abort = () => void pool.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    await Promise.all(Array.from({ length: workers * 2 }, lane));
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await pool.destroy();
  }
  return completed;
}

/** One run on the pool; a worker that dies (a crash, not a thrown error) is replaced by the pool and the run recorded as failed. */
async function runOne(pool: ReturnType<typeof createRunPool>, sweep: ResolvedSweep, dir: string, run: PlannedRun): Promise<RunOutcome & { crashed?: boolean }> {
  const scenario = { ...sweep.base, seed: run.seed, params: { ...sweep.base.params, ...run.params } };
  try {
    return await pool.run({ id: run.id, scenario, dir: join(dir, 'runs', run.id) });
  } catch (error) {
    return { id: run.id, status: 'error', message: `worker stopped: ${errorMessage(error)}`, crashed: true };
  }
}
