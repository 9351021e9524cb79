import { describe, expect, it } from 'vitest';
import { polycentric, polycentricInProcess } from './helpers.js';

describe('polycentric validate, list and --help', () => {
  it('validate prints OK and a one-line summary, with overrides applied', () => {
    const { code, stdout } = polycentric(['validate', 'scenarios/boltzmann.json', '--set', 'params.agents=50', '--steps', '9']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('OK scenarios/boltzmann.json: model boltzmann, "boltzmann", seed 1, 9 steps; params: agents=50');
  });

  it('validate prints the error and exits 2 for a bad scenario', async () => {
    const { code, stderr } = await polycentricInProcess(['validate', 'scenarios/boltzmann.json', '--set', 'params.exchange=barter']);
    expect(code).toBe(2);
    expect(stderr).toContain('params.exchange: expected one of "unit", "continuous", found "barter"');
  });

  it('list shows each built-in scenario with its model and description', () => {
    const { code, stdout } = polycentric(['list']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.find((line) => line.startsWith('scenarios/schelling.json'))).toMatch(/^scenarios\/schelling\.json\s+schelling\s+Schelling/);
    expect(lines.some((line) => line.includes('schema.json'))).toBe(false);
  });

  it('names what a missing or negative option should be', async () => {
    const merge = await polycentricInProcess(['merge', 'runs/a', 'runs/b']);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain('command line: --out: expected a folder path, found nothing');
    const workers = await polycentricInProcess(['sweep', 'scenarios/sweeps/smoke.json', '--workers', '-2']);
    expect(workers.code).toBe(2);
    expect(workers.stderr).toContain('command line: --workers: expected a non-negative integer, found -2');
  });

  it.each(['run', 'validate', 'list'])('%s --help describes the command', async (command) => {
    const { code, stdout } = await polycentricInProcess([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`$ polycentric ${command}`);
  });
});
