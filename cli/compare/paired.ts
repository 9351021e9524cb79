import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedScenario } from '../../scenarios/load.js';
import { runIdentity } from '../sweep/identity.js';
import { parseMetricsCsv } from '../sweep/parquet.js';
import { runBatch } from '../sweep/pool.js';

/** The two setups' runs: replicate r of A and of B share seed r, so they start from the same land and people. */
export interface PairedRuns {
  a: ResolvedScenario;
  b: ResolvedScenario;
  seeds: number[];
  /** Run folders, by replicate. */
  dirs: { a: string[]; b: string[] };
  /** Runs that failed: "A seed 123: message". */
  failures: string[];
}

/** The seeds of a comparison's replicates, derived from A's seed (never from positions in a list). */
export function pairedSeeds(baseSeed: number, replicates: number): number[] {
  return Array.from({ length: replicates }, (_, replicate) => runIdentity(baseSeed, {}, replicate).seed);
}

/** Runs A and B once per seed on a worker pool; each run gets its folder under out/a and out/b. */
export async function runPaired(a: ResolvedScenario, b: ResolvedScenario, options: { replicates: number; out: string; workers: number }): Promise<PairedRuns> {
  const seeds = pairedSeeds(a.seed, options.replicates);
  const dirs = {
    a: seeds.map((seed) => join(options.out, 'a', `seed-${seed}`)),
    b: seeds.map((seed) => join(options.out, 'b', `seed-${seed}`)),
  };
  const tasks = seeds.flatMap((seed, r) => [
    { id: `A seed ${seed}`, scenario: { ...a, seed }, dir: dirs.a[r]! },
    { id: `B seed ${seed}`, scenario: { ...b, seed }, dir: dirs.b[r]! },
  ]);
  const outcomes = await runBatch(tasks, options.workers);
  const failures = outcomes.filter((outcome) => outcome.status === 'error').map((outcome) => `${outcome.id}: ${outcome.message}`);
  return { a, b, seeds, dirs, failures };
}

/** A run's metrics as columns (name → values by step). */
export function readRunMetrics(dir: string): { steps: number[]; columns: Map<string, (number | null)[]> } {
  return parseMetricsCsv(readFileSync(join(dir, 'metrics.csv'), 'utf8'));
}
