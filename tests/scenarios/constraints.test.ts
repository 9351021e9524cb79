import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/errors.js';
import { checkConstraints } from '../../scenarios/constraints.js';
import { parseScenario } from '../../scenarios/load.js';
import { loadSweep } from '../../cli/sweep/load.js';

/** The InputError a call throws (fails the test if it throws something else or nothing). */
function inputErrorOf(call: () => unknown): InputError {
  try {
    call();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

const society = (params: Record<string, number>) => JSON.stringify({ model: 'society', steps: 2, params });

describe('cross-parameter rules', () => {
  it('refuse a society with fewer than 2 persons per community, naming both parameters', () => {
    const error = inputErrorOf(() => parseScenario(society({ population: 30, communities: 20 }), 'small.json'));
    expect(error.file).toBe('small.json');
    expect(error.path).toBe('params.population');
    expect(error.expected).toBe('at least 2 persons per community (≥ 40 for params.communities = 20)');
    expect(error.found).toBe('30');
  });

  it('accept exactly 2 persons per community', () => {
    expect(parseScenario(society({ population: 40, communities: 20 }), 'edge.json').params['population']).toBe(40);
    expect(checkConstraints('society', { population: 40, communities: 20 })).toBeUndefined();
    expect(checkConstraints('society', { population: 39, communities: 20 })?.path).toBe('params.population');
    expect(checkConstraints('boltzmann', { agents: 2 })).toBeUndefined();
  });

  it('blame the override that broke the rule', () => {
    const error = inputErrorOf(() => parseScenario(society({ population: 100 }), 'base.json', { set: ['params.communities=60'] }));
    expect(error.message).toContain('params.population: expected at least 2 persons per community (≥ 120');
  });

  it('refuse a sweep whose fixed values or grid points break them, before anything runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polycentric-constraints-'));
    writeFileSync(join(dir, 'base.json'), society({ population: 500, communities: 8 }));
    const sweep = (extra: Record<string, unknown>) => {
      const file = join(dir, `sweep-${Object.keys(extra).join('-')}.json`);
      writeFileSync(file, JSON.stringify({ name: 'tight', scenario: 'base.json', seed: 1, ...extra }));
      return file;
    };
    const fixed = inputErrorOf(() => loadSweep(sweep({ set: { communities: 300 } })));
    expect(fixed.path).toBe('set');
    expect(fixed.found).toBe('500');
    const grid = inputErrorOf(() => loadSweep(sweep({ design: { kind: 'grid', parameters: { population: [500, 100], communities: [8, 60] } } })));
    expect(grid.path).toBe('design.parameters');
    expect(grid.expected).toContain('params.population at least 2 persons per community (≥ 120');
    expect(grid.found).toBe('100 at population = 100, communities = 60');
    expect(loadSweep(sweep({ design: { kind: 'grid', parameters: { communities: [8, 250] } } })).base.params['communities']).toBe(8);
    const sampled = inputErrorOf(() => loadSweep(sweep({ design: { kind: 'latin-hypercube', samples: 8, parameters: { population: { min: 100, max: 900 }, communities: { min: 4, max: 60 } } } })));
    expect(sampled.found).toBe('100 at population = 100, communities = 60 (a corner of the ranges)');
    const fits = loadSweep(sweep({ design: { kind: 'saltelli', samples: 8, parameters: { population: { min: 200, max: 900 }, communities: { min: 4, max: 60 } } } }));
    expect(fits.design.kind).toBe('saltelli');
  });
});
