import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweep } from '../../cli/sweep/load.js';
import { planSweep, shardRuns } from '../../cli/sweep/design.js';
import { boltzmannParams } from '../../models/classic/boltzmann.js';
import { GRID_SWEEP, readRunsCsv, scratch } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SBATCH = join(ROOT, 'scripts/slurm/sweep.sbatch');
const K8S = join(ROOT, 'scripts/k8s/sweep-job.yaml');

/** The ids shard `index` of `count` should hold. */
function expectedIds(index: number, count: number): string[] {
  return shardRuns(planSweep(loadSweep(GRID_SWEEP), boltzmannParams), index, count).map((run) => run.id).sort();
}

describe('the batch scripts, run as their scheduler would run them', () => {
  it('sweep.sbatch runs shard i of N from Slurm’s array variables', () => {
    const out = scratch('sbatch');
    const env = { ...process.env, SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '0', SLURM_SUBMIT_DIR: ROOT };
    const result = spawnSync('bash', [SBATCH, GRID_SWEEP, out], { env, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const ids = readRunsCsv(join(out, 'shard-1')).rows.map((row) => row.id!).sort();
    expect(ids).toEqual(expectedIds(1, 3));
    expect(JSON.parse(readFileSync(join(out, 'shard-1', 'manifest.json'), 'utf8'))).toMatchObject({ shard: { index: 1, count: 3 }, state: 'complete' });
  });

  it('sweep.sbatch refuses to run outside a job array', () => {
    const { SLURM_ARRAY_TASK_ID: _unset, ...env } = process.env;
    const result = spawnSync('bash', [SBATCH, GRID_SWEEP, scratch('sbatch-no-array')], { env, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('SLURM_ARRAY_TASK_ID');
  });

  it('the Kubernetes Job runs shard i of N from its completion index, with N equal to its completions', () => {
    const yaml = readFileSync(K8S, 'utf8');
    const completions = Number(/^\s*completions:\s*(\d+)/m.exec(yaml)![1]);
    expect(Number(/^\s*parallelism:\s*(\d+)/m.exec(yaml)![1])).toBe(completions);
    expect(Number(/name: SHARDS\s+value: "(\d+)"/.exec(yaml)![1])).toBe(completions);
    expect(yaml).toMatch(/completionMode: Indexed/);
    // The container's command, as its shell gets it (a folded block: lines joined by spaces).
    const folded = /args:\s*\n\s*- >-\n((?:\s{14,}.*\n)+)/.exec(yaml)![1]!;
    const command = folded.trim().split(/\s*\n\s*/).join(' ');
    const out = scratch('k8s');
    const env = { ...process.env, JOB_COMPLETION_INDEX: '2', SHARDS: '3', SWEEP: GRID_SWEEP, OUT: out, WORKERS: '1' };
    const result = spawnSync('/bin/sh', ['-c', command], { cwd: ROOT, env, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(readRunsCsv(join(out, 'shard-2')).rows.map((row) => row.id!).sort()).toEqual(expectedIds(2, 3));
  });
});
