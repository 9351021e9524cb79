import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun } from '../../cli/execute.js';
import { MODELS } from '../../models/index.js';
import { parseScenario } from '../../scenarios/load.js';
import { walkModel } from './fixtures/tiny-model.js';
import { entries, scratch } from './helpers.js';

describe('executeRun', () => {
  beforeAll(() => void (MODELS[walkModel.name] = walkModel));
  afterAll(() => void delete MODELS[walkModel.name]);
  const scenario = (steps: number, extra = '') => parseScenario(`{"model":"walk","steps":${steps}${extra}}`, 'walk.json', {}, { models: MODELS });

  it('reports every step, returns the summary and lists the files it wrote', async () => {
    const out = join(scratch(), 'run');
    const seen: string[] = [];
    const result = await executeRun(scenario(4), { out, onStep: (step, total) => seen.push(`${step}/${total}`) });
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(result.summary.steps).toBe(4);
    expect(result.files).toEqual(['manifest.json', 'metrics.csv', 'events.ndjson', 'snapshots/step-0.csv', 'final.txt']);
    expect(entries(result.dir)).toEqual(['events.ndjson', 'final.txt', 'manifest.json', 'metrics.csv', 'snapshots']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.phaseSeconds)).toEqual(['move']);
  });

  it('writes snapshots as CSV, one row per agent', async () => {
    const out = join(scratch(), 'run');
    await executeRun(scenario(5, ',"params":{"walkers":2}'), { out });
    const lines = readFileSync(join(out, 'snapshots', 'step-5.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,offset');
    expect(lines.map((line) => line.split(',')[0])).toEqual(['id', '0', '1']);
  });

  it('leaves nothing behind when the model throws', async () => {
    const parent = scratch();
    await expect(executeRun(scenario(5, ',"params":{"failAt":3}'), { out: join(parent, 'run') })).rejects.toThrow('fell off');
    expect(entries(parent)).toEqual([]);
  });
});
