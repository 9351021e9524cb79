import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { loadSweep } from '../../cli/sweep/load.js';
import { mergeSweeps } from '../../cli/sweep/merge.js';
import { runSweep } from '../../cli/sweep/run-sweep.js';
import { expectSameSweep, GRID_SWEEP, readRunsCsv, scratch } from './helpers.js';

describe('polycentric sweep', () => {
  const sweep = loadSweep(GRID_SWEEP);

  it('writes byte-identical runs.csv and run files with 1 and with 2 workers', async () => {
    const one = await runSweep(sweep, { out: join(scratch('one'), 'sweep'), workers: 1 });
    const two = await runSweep(sweep, { out: join(scratch('two'), 'sweep'), workers: 2 });
    expect(one.done).toBe(8);
    expect(two.failed).toBe(0);
    expectSameSweep(two.dir, one.dir);
    expect(readFileSync(join(two.dir, 'metrics.parquet'))).toEqual(readFileSync(join(one.dir, 'metrics.parquet')));
  });

  it('runs the smoke sweep of the society model to byte-identical files on 1 and 2 workers', async () => {
    const smoke = loadSweep(new URL('../../scenarios/sweeps/smoke.json', import.meta.url).pathname);
    const one = await runSweep(smoke, { out: join(scratch('smoke-one'), 'sweep'), workers: 1 });
    const two = await runSweep(smoke, { out: join(scratch('smoke-two'), 'sweep'), workers: 2 });
    expect([one.done, one.failed, two.failed]).toEqual([6, 0, 0]);
    expectSameSweep(two.dir, one.dir);
  });

  it('gives, from 3 shards merged, the same files as one process', async () => {
    const whole = await runSweep(sweep, { out: join(scratch('whole'), 'sweep'), workers: 2 });
    const root = scratch('shards');
    const shards = [];
    for (let index = 0; index < 3; index++) {
      shards.push(await runSweep(sweep, { out: join(root, `shard-${index}`), workers: 1, shard: { index, count: 3 } }));
    }
    expect(shards.map((shard) => shard.total)).toEqual([3, 3, 2]);
    const merged = await mergeSweeps(shards.map((shard) => shard.dir), join(root, 'merged'));
    expect(merged.missing).toBe(0);
    expectSameSweep(merged.dir, whole.dir);
    expect(readFileSync(join(merged.dir, 'metrics.parquet'))).toEqual(readFileSync(join(whole.dir, 'metrics.parquet')));

    const partial = await mergeSweeps([shards[0]!.dir, shards[2]!.dir], join(root, 'partial'));
    expect(partial.missing).toBe(3);
    const finished = await runSweep(sweep, { out: partial.dir, workers: 2, resume: true });
    expect([finished.skipped, finished.done]).toEqual([5, 8]);
    expectSameSweep(finished.dir, whole.dir);
  });

  it('writes every run’s metrics to a Parquet file in design order', async () => {
    const result = await runSweep(sweep, { out: join(scratch('parquet'), 'sweep'), workers: 2 });
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(join(result.dir, 'metrics.parquet')) });
    const ids = readRunsCsv(result.dir).rows.map((row) => row.id);
    expect(rows).toHaveLength(8 * 21);
    expect([...new Set(rows.map((row) => row.run_id))]).toEqual(ids);
    const firstRun = readFileSync(join(result.dir, 'runs', ids[0]!, 'metrics.csv'), 'utf8').trim().split('\n');
    const lastStep = firstRun.at(-1)!.split(',');
    const header = firstRun[0]!.split(',');
    expect(Object.keys(rows[20]!)).toEqual(['run_id', ...header]);
    expect(rows[20]!.step).toBe(20);
    expect(rows[20]!.gini_wealth).toBe(Number(lastStep[header.indexOf('gini_wealth')]));
  });

  it('leaves existing runs’ ids, seeds and files unchanged when a parameter value is added', async () => {
    const root = scratch('grow');
    const wider = JSON.parse(readFileSync(GRID_SWEEP, 'utf8'));
    wider.scenario = join(GRID_SWEEP, '..', wider.scenario);
    wider.design.parameters.savingShare = [0, 0.25, 0.5];
    writeFileSync(join(root, 'wider.json'), JSON.stringify(wider));
    const small = await runSweep(sweep, { out: join(root, 'small'), workers: 2 });
    const large = await runSweep(loadSweep(join(root, 'wider.json')), { out: join(root, 'large'), workers: 2 });
    expect(large.done).toBe(12);
    const largeRows = new Map(readRunsCsv(large.dir).rows.map((row) => [row.id, row]));
    for (const row of readRunsCsv(small.dir).rows) {
      expect(largeRows.get(row.id!)).toEqual(row);
      for (const name of ['metrics.csv', 'events.ndjson']) {
        expect(readFileSync(join(large.dir, 'runs', row.id!, name), 'utf8')).toBe(readFileSync(join(small.dir, 'runs', row.id!, name), 'utf8'));
      }
    }
  });

  it('records a run that throws and a worker that dies, and completes the rest', async () => {
    const root = scratch('faults');
    const faulty = JSON.parse(readFileSync(GRID_SWEEP, 'utf8'));
    faulty.scenario = join(GRID_SWEEP, '..', faulty.scenario);
    faulty.design.parameters.savingShare = [0, 0.25, 0.5, 0.75];
    writeFileSync(join(root, 'faulty.json'), JSON.stringify(faulty));
    const workerFile = new URL('./fixtures/faulty-worker.ts', import.meta.url);
    const result = await runSweep(loadSweep(join(root, 'faulty.json')), { out: join(root, 'sweep'), workers: 2, workerFile });
    expect(result.done).toBe(16);
    expect(result.failed).toBe(8);
    const rows = readRunsCsv(result.dir).rows;
    const bySaving = (value: string) => rows.filter((row) => row.savingShare === value);
    for (const row of bySaving('0.25')) expect(row.message).toMatch(/no model named "a-model-that-does-not-exist"/);
    for (const row of bySaving('0.75')) expect(row.message).toMatch(/^worker stopped/);
    for (const row of [...bySaving('0'), ...bySaving('0.5')]) {
      expect(row.status).toBe('ok');
      expect(Number(row.gini_wealth)).toBeGreaterThan(0);
    }
  });
});
