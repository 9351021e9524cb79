import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedScenario } from '../../scenarios/load.js';
import { executeRun } from '../execute.js';

/** One run handed to a worker: the scenario with the run's parameters and seed, and its folder. */
export interface RunTask {
  id: string;
  scenario: ResolvedScenario;
  dir: string;
}

/** What a worker sends back: the run's final metrics as written in metrics.csv, or its error. */
export interface RunOutcome {
  id: string;
  status: 'ok' | 'error';
  message?: string;
  /** Metric name → its last value, exactly as metrics.csv spells it. */
  metrics?: Record<string, string>;
}

/** Runs one sweep run and writes its folder; a run that throws becomes an error outcome instead of a failed task. */
export async function runTask(task: RunTask): Promise<RunOutcome> {
  try {
    // The sweep clears its runs folder of temporary folders itself (on --resume), once, not per run.
    const { dir } = await executeRun(task.scenario, { out: task.dir, overwrite: true, clearStale: false });
    return { id: task.id, status: 'ok', metrics: lastMetrics(readFileSync(join(dir, 'metrics.csv'), 'utf8')) };
  } catch (error) {
    return { id: task.id, status: 'error', message: errorMessage(error) };
  }
}

/** The last row of a metrics.csv as name → text (the step column left out). */
export function lastMetrics(csv: string): Record<string, string> {
  const lines = csv.trimEnd().split('\n');
  const names = lines[0]!.split(',');
  const values = lines.length > 1 ? lines.at(-1)!.split(',') : [];
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    if (name !== 'step') out[name] = values[i] ?? '';
  });
  return out;
}

/** One line saying what went wrong. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

export default runTask;
