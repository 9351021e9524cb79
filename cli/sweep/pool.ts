import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RunOutcome, RunTask } from './worker.js';

/** One worker per core: runs are independent, so the pool keeps every core busy. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * A pool of worker threads that run sweep runs. From source (tsx, vitest) the TypeScript worker
 * needs tsx's loader passed to each thread; compiled, the .js worker loads as it is.
 * `workerFile` lets tests put a worker with deliberate faults in place of the real one.
 */
export function createRunPool(workers: number, workerFile?: URL): Piscina<RunTask, RunOutcome> {
  const fromSource = import.meta.url.endsWith('.ts');
  const file = workerFile ?? new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url);
  const needsLoader = file.pathname.endsWith('.ts');
  return new Piscina<RunTask, RunOutcome>({
    filename: file.href,
    minThreads: workers,
    maxThreads: workers,
    // Workers stay up for the whole sweep: starting one costs far more than keeping it.
    idleTimeout: 60_000,
    execArgv: needsLoader ? ['--import', 'tsx'] : [],
  });
}

/** Runs a batch of tasks on a fresh pool and returns their outcomes in task order (a dead worker's run becomes an error). */
export async function runBatch(tasks: RunTask[], workers: number): Promise<RunOutcome[]> {
  const pool = createRunPool(Math.max(1, Math.min(workers, tasks.length)));
  try {
    return await Promise.all(
      tasks.map((task) =>
        pool.run(task).catch((error: unknown): RunOutcome => ({ id: task.id, status: 'error', message: `worker stopped: ${String(error)}` })),
      ),
    );
  } finally {
    await pool.destroy();
  }
}
