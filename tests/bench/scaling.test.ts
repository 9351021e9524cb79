import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { planSweep } from '../../cli/sweep/design.js';
import { loadSweep } from '../../cli/sweep/load.js';
import { getModel } from '../../models/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('bench/scaling.sh', () => {
  it('times a valid sweep of 16 default-society runs of 10,000 persons', () => {
    const sweep = loadSweep(`${ROOT}bench/scaling-sweep.json`);
    expect(sweep.base.model).toBe('society');
    expect(sweep.base.params['population']).toBe(10_000);
    expect(planSweep(sweep, getModel(sweep.base.model).params).runs).toHaveLength(16);
  });

  it('is a script bash can read', () => {
    expect(() => execFileSync('bash', ['-n', `${ROOT}bench/scaling.sh`])).not.toThrow();
  });
});
