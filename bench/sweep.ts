import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round, type BenchOptions, type BenchSuite, type Measurement } from './suite.js';

/**
 * Sweeps on the worker pool: 8 runs of the default society (10,000 persons, a few steps each) on
 * 2 workers against 1 worker — the ratio should approach 2 on a 2-core machine — and the peak
 * memory of a sweep of 200 smoke-size runs against one of 50 (flat: the sweep streams its results).
 * Each sweep runs in a fresh process, so timings include starting the pool, as a user sees them.
 */

const ROOT = new URL('..', import.meta.url).pathname;
const CHILD = join(ROOT, 'bench', 'sweep-child.ts');

interface ChildResult {
  seconds: number;
  peakMiB: number;
  coresUsed: number;
  done: number;
  failed: number;
}

function writeSweep(dir: string, name: string, runs: number, steps: number, set: Record<string, unknown>): string {
  const values = Array.from({ length: runs / 2 }, (_, i) => Number((i / Math.max(1, runs / 2 - 1)).toFixed(4)));
  const sweep = { name, scenario: join(ROOT, 'scenarios', 'default.json'), seed: 1, steps, replicates: 2, set, design: { kind: 'grid', parameters: { sharing: values } } };
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(sweep));
  return file;
}

function runChild(file: string, out: string, workers: number): ChildResult {
  const text = execFileSync(process.execPath, ['--import', 'tsx', CHILD, file, out, String(workers)], { cwd: ROOT, encoding: 'utf8' });
  const result = JSON.parse(text.trim().split('\n').at(-1)!) as ChildResult;
  if (result.failed > 0) throw new Error(`bench sweep: ${result.failed} runs failed in ${out}`);
  return result;
}

function measureSpeedup(dir: string, options: BenchOptions): Measurement[] {
  const steps = options.quick ? 3 : 240;
  const file = writeSweep(dir, 'speedup', 8, steps, {});
  const one = runChild(file, join(dir, 'one'), 1);
  const two = runChild(file, join(dir, 'two'), 2);
  const identical = readFileSync(join(dir, 'one', 'runs.csv'), 'utf8') === readFileSync(join(dir, 'two', 'runs.csv'), 'utf8');
  if (!identical) options.log('  WARNING: runs.csv differs between 1 and 2 workers (was the model edited while the bench ran?)');
  options.log(`  sweep: 8 default-size runs of ${steps} steps: ${one.seconds.toFixed(2)} s on 1 worker, ${two.seconds.toFixed(2)} s on 2`);
  if (two.coresUsed < 1.5) options.log(`  note: the 2-worker sweep got only ${two.coresUsed.toFixed(2)} cores (CPU time / wall time): the machine is busy, so the speed-up understates the pool`);
  return [
    { key: 'sweep_seconds_1_worker', label: `sweep, 8 runs × 10k persons × ${steps} steps, 1 worker`, value: round(one.seconds), unit: 's' },
    {
      key: 'sweep_seconds_2_workers',
      label: `sweep, 8 runs × 10k persons × ${steps} steps, 2 workers`,
      value: round(two.seconds),
      unit: 's',
      baseline: 'sweep_seconds_1_worker',
      ratio: 'sweep_speedup_2_workers',
    },
    { key: 'sweep_speedup_2_workers', label: 'sweep speed-up, 2 workers vs 1', value: round(one.seconds / two.seconds), unit: '×' },
    { key: 'sweep_cores_used_1_worker', label: 'cores the 1-worker sweep got (CPU time / wall time)', value: round(one.coresUsed), unit: 'cores' },
    { key: 'sweep_cores_used_2_workers', label: 'cores the 2-worker sweep got (CPU time / wall time)', value: round(two.coresUsed), unit: 'cores' },
    { key: 'sweep_outputs_identical', label: 'runs.csv identical on 1 and 2 workers (1 = yes)', value: identical ? 1 : 0, unit: '' },
  ];
}

function measureMemory(dir: string, options: BenchOptions): Measurement[] {
  const [short, long] = options.quick ? [10, 40] : [50, 200];
  const smoke = { population: 500, communities: 8 };
  const steps = options.quick ? 10 : 30;
  const few = runChild(writeSweep(dir, 'few', short, steps, smoke), join(dir, 'few'), 2);
  const many = runChild(writeSweep(dir, 'many', long, steps, smoke), join(dir, 'many'), 2);
  options.log(`  sweep: peak memory ${few.peakMiB.toFixed(0)} MiB for ${short} runs, ${many.peakMiB.toFixed(0)} MiB for ${long} (${many.seconds.toFixed(1)} s)`);
  return [
    { key: `sweep_peak_rss_mib_${short}_runs`, label: `sweep peak memory, ${short} smoke-size runs, 2 workers`, value: round(few.peakMiB), unit: 'MiB' },
    {
      key: `sweep_peak_rss_mib_${long}_runs`,
      label: `sweep peak memory, ${long} smoke-size runs, 2 workers`,
      value: round(many.peakMiB),
      unit: 'MiB',
      baseline: `sweep_peak_rss_mib_${short}_runs`,
      ratio: 'sweep_peak_rss_growth',
    },
    { key: 'sweep_peak_rss_growth', label: `sweep peak memory, ${long} runs vs ${short} (1 = flat)`, value: round(many.peakMiB / few.peakMiB), unit: '×' },
  ];
}

/** The sweep suite: speed-up on 2 workers and peak memory as a sweep grows. */
export const suite: BenchSuite = {
  name: 'sweep',
  description: 'Sweeps on the worker pool: 8 default-size society runs on 2 workers vs 1, and peak memory of 200 smoke-size runs vs 50',
  run(options) {
    const dir = mkdtempSync(join(tmpdir(), 'polycentric-bench-sweep-'));
    try {
      return [...measureSpeedup(dir, options), ...measureMemory(dir, options)];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
