import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gridPoints, latinHypercube, planSweep, shardRuns } from '../../cli/sweep/design.js';
import { canonicalJson, runIdentity } from '../../cli/sweep/identity.js';
import { loadSweep } from '../../cli/sweep/load.js';
import { boltzmannParams } from '../../models/classic/boltzmann.js';
import { getModel } from '../../models/index.js';
import { sweepJsonSchemaText } from '../../scenarios/sweep-schema.js';
import { GRID_SWEEP } from './helpers.js';

describe('sweep designs', () => {
  it('derive a run’s id and seed from its values and replicate, whatever the key order', () => {
    const one = runIdentity(7, { savingShare: 0.5, agents: 50 }, 1);
    expect(runIdentity(7, { agents: 50, savingShare: 0.5 }, 1)).toEqual(one);
    expect(runIdentity(7, { agents: 50, savingShare: 0.5 }, 0).seed).not.toBe(one.seed);
    expect(runIdentity(8, { agents: 50, savingShare: 0.5 }, 1).id).not.toBe(one.id);
    expect(one.id).toMatch(/^[0-9a-f]{12}$/);
    expect(canonicalJson({ b: [1, { d: 2, c: 3 }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":3,"d":2}]}');
  });

  it('list the full grid with the first parameter slowest', () => {
    expect(gridPoints({ x: [1, 2], y: ['a', 'b'] })).toEqual([{ x: 1, y: 'a' }, { x: 1, y: 'b' }, { x: 2, y: 'a' }, { x: 2, y: 'b' }]);
  });

  it('put one Latin hypercube sample in each stratum of every parameter', () => {
    const points = latinHypercube(3, 10, { savingShare: { min: 0, max: 0.5 }, initialWealth: { min: 0, max: 10 } }, boltzmannParams);
    for (const [name, width] of [['savingShare', 0.05], ['initialWealth', 1]] as const) {
      const strata = points.map((point) => Math.floor((point[name] as number) / width)).sort((x, y) => x - y);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('order runs replicate by replicate and split them into disjoint shards that cover the sweep', () => {
    const plan = planSweep(loadSweep(GRID_SWEEP), boltzmannParams);
    const replicates = plan.executionOrder.map((index) => plan.runs[index]!.replicate);
    expect(replicates).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    const shards = [0, 1, 2].map((index) => shardRuns(plan, index, 3).map((run) => run.id));
    expect(shards.flat().sort()).toEqual(plan.runs.map((run) => run.id).sort());
    expect(shards.map((ids) => ids.length)).toEqual([3, 3, 2]);
  });
});

describe('the sweep files', () => {
  it('have a JSON Schema for editors that matches the zod schema', () => {
    const committed = readFileSync(new URL('../../scenarios/sweeps/schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(sweepJsonSchemaText());
  });

  it('shipped in scenarios/sweeps all load and plan', () => {
    const folder = new URL('../../scenarios/sweeps/', import.meta.url);
    const files = readdirSync(folder).filter((name) => name.endsWith('.json') && name !== 'schema.json');
    expect(files).toContain('smoke.json');
    for (const name of files) {
      const sweep = loadSweep(new URL(name, folder).pathname);
      expect(planSweep(sweep, getModel(sweep.base.model).params).runs.length).toBeGreaterThan(0);
    }
  });
});
