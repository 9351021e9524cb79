import type { CAC } from 'cac';
import { join } from 'node:path';
import { optionalInteger, requireText } from '../options.js';
import { loadSweep } from '../sweep/load.js';
import { createSweepProgress } from '../sweep/progress.js';
import { runSweep, type SweepResult } from '../sweep/run-sweep.js';
import { parseShard } from '../sweep/sweep-folder.js';
import { defaultWorkers } from '../sweep/pool.js';
import { InputError } from '../../scenarios/errors.js';

/** `polycentric sweep <sweep.json>`: runs a sweep (or one shard of it) on a pool of worker threads. */
export function register(cli: CAC): void {
  cli
    .command('sweep <sweep>', 'Run every run of a sweep file on a worker pool (runs.csv, runs/<id>/, metrics.parquet)')
    .option('--workers <n>', `Worker threads (default: one per core, ${defaultWorkers()} here)`)
    .option('--shard <i/N>', 'Run only shard i (from 0) of N, as one job of a batch array; join shards with polycentric merge')
    .option('--resume', 'Finish a stopped sweep in its --out folder without redoing finished runs')
    .option('--out <dir>', 'Sweep folder (default: runs/sweeps/<name>, or runs/sweeps/<name>-shard-<i>-of-<N>)')
    .example('polycentric sweep scenarios/sweeps/smoke.json --workers 2')
    .example('polycentric sweep scenarios/sweeps/q4-sharing.json --shard 0/4 --out runs/q4/shard-0')
    .action(async (file: unknown, options: Record<string, unknown>) => {
      const sweepFile = requireText(file, '<sweep>');
      const sweep = loadSweep(sweepFile);
      const shard = options.shard === undefined ? undefined : parseShard(String(options.shard), 'command line');
      const workers = optionalInteger(options.workers, '--workers');
      if (workers === 0) throw new InputError('command line', '--workers', 'a positive integer', '0');
      const out = options.out === undefined ? join('runs', 'sweeps', shard ? `${sweep.name}-shard-${shard.index}-of-${shard.count}` : sweep.name) : requireText(String(options.out), '--out');
      const result = await runWithSignals((signal) => {
        const progress = createSweepProgress(() => performance.now());
        return runSweep(sweep, {
          out, shard, signal, resume: Boolean(options.resume), clock: () => performance.now(),
          ...(workers === undefined ? {} : { workers }),
          onProgress: (state) => progress.update(state),
        }).finally(() => progress.finish());
      });
      return reportSweep(result);
    });
}

/** Ctrl-C or a kill stops new runs; runs already finished stay recorded for --resume. */
async function runWithSignals(run: (signal: AbortSignal) => Promise<SweepResult>): Promise<SweepResult> {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping; finished runs are kept (run again with --resume to finish)`);
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await run(controller.signal);
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}

/** Prints where things are and picks the exit code: 130 when stopped, 1 when runs failed, else 0. */
function reportSweep(result: SweepResult): number {
  console.log(`${result.done}/${result.total} runs done (${result.skipped} from before, ${result.failed} failed) in ${result.dir}`);
  console.log(`  runs.csv, runs/<id>/, metrics.parquet — in pandas: pd.read_parquet(${JSON.stringify(join(result.dir, 'metrics.parquet'))})`);
  if (result.interrupted) {
    console.log(`Stopped with ${result.remaining} runs to go: polycentric sweep <file> --resume --out ${result.dir}`);
    return 130;
  }
  if (result.failed > 0) {
    console.log(`${result.failed} runs failed: see the status and message columns of runs.csv`);
    return 1;
  }
  return 0;
}
