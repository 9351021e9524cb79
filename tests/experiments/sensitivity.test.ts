import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseSensitivity } from '../../cli/sensitivity/analyse.js';
import { loadSweep } from '../../cli/sweep/load.js';
import { runSweep } from '../../cli/sweep/run-sweep.js';
import { spawnSync } from 'node:child_process';
import { scratch } from './helpers.js';

const SALTELLI_SWEEP = new URL('./fixtures/boltzmann-saltelli.json', import.meta.url).pathname;
const BIN = new URL('../../bin/polycentric.js', import.meta.url).pathname;

describe('polycentric sensitivity', () => {
  it('attributes mean wealth wholly to initial wealth and none of it to the saving share', async () => {
    const sweep = loadSweep(SALTELLI_SWEEP);
    const result = await runSweep(sweep, { out: join(scratch('saltelli'), 'sweep'), workers: 2 });
    expect(result.done).toBe(24 * 4);
    const analysis = analyseSensitivity(sweep, result.dir, ['mean_wealth'], 200);
    expect(analysis.rowsUsed).toBe(24);
    const [saving, initial] = analysis.results;
    expect(saving!.parameter).toBe('savingShare');
    expect(saving!.indices.first.value).toBe(0);
    expect(saving!.indices.total.value).toBe(0);
    expect(initial!.indices.total.value).toBeGreaterThan(0.7);
    expect(initial!.indices.first.low).toBeLessThan(1);
    expect(initial!.indices.first.high).toBeGreaterThan(0.5);
    expect(initial!.elasticity.value).toBeCloseTo(1, 9);

    const cli = spawnSync(process.execPath, [BIN, 'sensitivity', result.dir, '--resamples', '50'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const csv = readFileSync(join(result.dir, 'sensitivity', 'sobol.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('metric,parameter,first_order,first_order_low,first_order_high,total,total_low,total_high');
    expect(csv).toContain('gini_wealth,savingShare,');
    expect(existsSync(join(result.dir, 'sensitivity', 'report.html'))).toBe(true);
  });
});
