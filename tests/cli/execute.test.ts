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
    // Only a model that splits its steps into kernels says how long they took.
    expect(manifest).not.toHaveProperty('kernelSeconds');
  });

  it('writes snapshots as CSV, one row per agent', async () => {
    const out = join(scratch(), 'run');
    await executeRun(scenario(5, ',"params":{"walkers":2}'), { out });
    const lines = readFileSync(join(out, 'snapshots', 'step-5.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,offset');
    expect(lines.map((line) => line.split(',')[0])).toEqual(['id', '0', '1']);
  });

  it('stops at the step where the model finishes by itself, and says so in the manifest', async () => {
    const out = join(scratch(), 'run');
    const seen: number[] = [];
    const result = await executeRun(scenario(50, ',"params":{"stopAt":7}'), { out, onStep: (step) => seen.push(step) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.steps).toBe(7);
    expect(result.summary.steps).toBe(7);
    const metricSteps = readFileSync(join(out, 'metrics.csv'), 'utf8').trim().split('\n').slice(1).map((line) => Number(line.split(',')[0]));
    expect(metricSteps).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ steps: 7, stoppedEarly: true, scenario: { steps: 50 } });
    const full = await executeRun(scenario(4), { out: join(scratch(), 'run') });
    expect(full.steps).toBe(4);
    expect(JSON.parse(readFileSync(join(full.dir, 'manifest.json'), 'utf8')).stoppedEarly).toBe(false);
  });

  it('ends a Schelling run once everyone is content, well before its step limit', async () => {
    const schelling = parseScenario('{"model":"schelling","steps":300,"params":{"width":20,"height":20}}', 'schelling.json');
    const result = await executeRun(schelling, { out: join(scratch(), 'run') });
    expect(result.steps).toBeLessThan(300);
    expect(result.summary.unhappy_share).toBe(0);
    const rows = readFileSync(join(result.dir, 'metrics.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(result.steps + 2);
  });

  it('leaves nothing behind when the model throws', async () => {
    const parent = scratch();
    await expect(executeRun(scenario(5, ',"params":{"failAt":3}'), { out: join(parent, 'run') })).rejects.toThrow('fell off');
    expect(entries(parent)).toEqual([]);
  });
});
