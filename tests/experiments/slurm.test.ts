import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SCRIPT = new URL('../../scripts/slurm/local-cluster.sh', import.meta.url).pathname;
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const isRoot = process.getuid?.() === 0;

// The one-node cluster needs Slurm's and munge's daemons, which run here only as root; .ci/run
// installs slurm-wlm and munge. Elsewhere (a laptop without Slurm, a non-root user) it is skipped.
const canRunSlurm = isRoot && has('sbatch') && has('slurmctld') && has('munged');

describe('the smoke sweep on a one-node Slurm cluster', () => {
  it.skipIf(!canRunSlurm)('run as a job array of 3 shards and merged, equals the sweep run in one process', () => {
    const result = spawnSync('bash', [SCRIPT, 'scenarios/sweeps/smoke.json', '3'], { encoding: 'utf8', timeout: 180_000 });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/identical — \d+ runs, 3 Slurm array tasks merged = one process/);
  }, 200_000);
});
