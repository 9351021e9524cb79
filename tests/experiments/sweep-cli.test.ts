import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweep } from '../../cli/sweep/load.js';
import { runSweep } from '../../cli/sweep/run-sweep.js';
import { expectSameSweep, scratch } from './helpers.js';

const BIN = new URL('../../bin/polycentric.js', import.meta.url).pathname;
const SLOW_SWEEP = new URL('./fixtures/boltzmann-slow.json', import.meta.url).pathname;

function journalLines(dir: string): number {
  const file = join(dir, 'journal.ndjson');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
}

/** Starts a sweep in its own process and kills it (SIGKILL: no chance to tidy up) once `after` runs are recorded. */
async function killMidway(out: string, after: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'sweep', SLOW_SWEEP, '--workers', '1', '--out', out], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  while (journalLines(out) < after) {
    if (child.exitCode !== null) throw new Error('the sweep finished before it could be killed');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  await exited;
}

describe('polycentric sweep (command line)', () => {
  it('finishes a killed sweep with --resume, giving the files of an uninterrupted one', async () => {
    const root = scratch('resume');
    const uninterrupted = await runSweep(loadSweep(SLOW_SWEEP), { out: join(root, 'whole'), workers: 2 });
    const stopped = join(root, 'stopped');
    await killMidway(stopped, 3);
    const recorded = journalLines(stopped);
    expect(recorded).toBeGreaterThanOrEqual(3);
    expect(recorded).toBeLessThan(12);
    const resumed = spawnSync(process.execPath, [BIN, 'sweep', SLOW_SWEEP, '--workers', '2', '--resume', '--out', stopped], { encoding: 'utf8' });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`12/12 runs done (${recorded} from before, 0 failed)`);
    expectSameSweep(stopped, uninterrupted.dir);
    expect(readFileSync(join(stopped, 'metrics.parquet'))).toEqual(readFileSync(join(uninterrupted.dir, 'metrics.parquet')));
  });

  it('stops cleanly on SIGTERM, keeping finished runs and exiting with 130', async () => {
    const out = join(scratch('sigterm'), 'sweep');
    const child = spawn(process.execPath, [BIN, 'sweep', SLOW_SWEEP, '--workers', '1', '--out', out], { stdio: 'ignore' });
    const exitCode = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (journalLines(out) < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGTERM');
    expect(await exitCode).toBe(130);
    const rows = readFileSync(join(out, 'runs.csv'), 'utf8').trimEnd().split('\n').slice(1);
    expect(rows.length).toBe(journalLines(out));
    for (const row of rows) expect(existsSync(join(out, 'runs', row.split(',')[0]!, 'metrics.csv'))).toBe(true);
  });

  it('rejects a bad sweep file with a clear message, exit code 2 and nothing written', () => {
    const root = scratch('bad');
    const bad = JSON.parse(readFileSync(SLOW_SWEEP, 'utf8'));
    bad.scenario = join(SLOW_SWEEP, '..', bad.scenario);
    bad.design.parameters = { initialWelth: [1, 2] };
    const file = join(root, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const out = join(root, 'out');
    const result = spawnSync(process.execPath, [BIN, 'sweep', file, '--out', out], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain('design.parameters.initialWelth');
    expect(result.stderr).toMatch(/expected a parameter of the boltzmann model \(agents, initialWealth/);
    expect(result.stderr).toContain('found "initialWelth" (did you mean "initialWealth"?)');
    expect(existsSync(out)).toBe(false);
  });

  it('names the field, the expectation and the finding for a range outside the parameter’s', () => {
    const root = scratch('range');
    const bad = JSON.parse(readFileSync(SLOW_SWEEP, 'utf8'));
    bad.scenario = join(SLOW_SWEEP, '..', bad.scenario);
    bad.design = { kind: 'latin-hypercube', samples: 4, parameters: { savingShare: { min: 0, max: 2 } } };
    writeFileSync(join(root, 'bad.json'), JSON.stringify(bad));
    const result = spawnSync(process.execPath, [BIN, 'sweep', join(root, 'bad.json'), '--out', join(root, 'out')], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('design.parameters.savingShare.max: expected a number <= 0.99, found 2');
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});
