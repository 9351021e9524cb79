import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries, polycentric, ROOT, scratch } from './helpers.js';

const small = ['--steps', '30', '--set', 'params.agents=60'];
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('polycentric run', () => {
  it('writes byte-identical metrics and events for the same seed, and different ones for another seed', () => {
    const dir = scratch();
    const runs = ['a', 'b', 'c'].map((name, i) => {
      const result = polycentric(['run', 'scenarios/boltzmann.json', ...small, '--seed', i < 2 ? '5' : '6', '--out', join(dir, name)]);
      expect(result.code, result.stderr).toBe(0);
      return join(dir, name);
    });
    expect(read(runs[0]!, 'metrics.csv')).toBe(read(runs[1]!, 'metrics.csv'));
    expect(read(runs[0]!, 'events.ndjson')).toBe(read(runs[1]!, 'events.ndjson'));
    expect(read(runs[0]!, 'metrics.csv')).not.toBe(read(runs[2]!, 'metrics.csv'));
    expect(read(runs[0]!, 'metrics.csv').trim().split('\n')).toHaveLength(32);
  });

  it('runs a scenario that extends another, and records it resolved, with versions and timings, in manifest.json', () => {
    const dir = scratch();
    const base = join(ROOT, 'scenarios/boltzmann.json');
    writeFileSync(join(dir, 'child.json'), JSON.stringify({ extends: base, params: { exchange: 'continuous', savingShare: 0.2 } }));
    const out = join(dir, 'run');
    expect(polycentric(['run', join(dir, 'child.json'), ...small, '--seed', '3', '--out', out]).code).toBe(0);
    const manifest = JSON.parse(read(out, 'manifest.json'));
    expect(manifest.scenario).toMatchObject({ model: 'boltzmann', name: 'child', seed: 3, steps: 30, params: { agents: 60, exchange: 'continuous', savingShare: 0.2, tradesPerStep: 1 } });
    expect(manifest).toMatchObject({ model: 'boltzmann', seed: 3, steps: 30, version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version, node: process.version });
    expect(manifest.wallSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(manifest.finished)).toBeGreaterThanOrEqual(Date.parse(manifest.started));
    expect(entries(out)).toEqual(['events.ndjson', 'manifest.json', 'metrics.csv']);
  });

  it('prints plain progress lines, final figures and the files written when stdout is not a terminal', () => {
    const out = join(scratch(), 'run');
    const { code, stdout } = polycentric(['run', 'scenarios/boltzmann.json', ...small, '--out', out]);
    expect(code).toBe(0);
    const progress = stdout.split('\n').filter((line) => /^step \d+\/30 \(\d+%\)/.test(line));
    expect(progress.length).toBeGreaterThanOrEqual(9);
    expect(progress.at(-1)).toMatch(/^step 30\/30 \(100%\)/);
    expect(stdout).toMatch(/gini_wealth\s+0\.\d+/);
    expect(stdout).toContain('metrics.csv');
    expect(stdout).toContain('pd.read_csv');
  });

  it('names the default folder runs/<name>-seed<seed>-<date-time>', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify({ model: 'boltzmann', steps: 2, params: { agents: 10 } }));
    const { code, stdout } = polycentric(['run', 'tiny.json', '--seed', '12'], { cwd: dir });
    expect(code).toBe(0);
    const folder = /Wrote (runs\/tiny-seed12-\d{8}-\d{6}(-\d+)?)\//.exec(stdout)?.[1];
    expect(folder).toBeDefined();
    expect(existsSync(join(dir, folder!, 'metrics.csv'))).toBe(true);
  });

  it('refuses to overwrite an existing run folder (exit 2, folder untouched)', () => {
    const out = join(scratch(), 'run');
    expect(polycentric(['run', 'scenarios/boltzmann.json', ...small, '--out', out]).code).toBe(0);
    const before = read(out, 'manifest.json');
    const again = polycentric(['run', 'scenarios/boltzmann.json', ...small, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(read(out, 'manifest.json')).toBe(before);
  });

  it('writes snapshots and final files, and an exception inside a run exits 1 leaving no folder', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'walk.json'), JSON.stringify({ model: 'walk', steps: 10, params: { walkers: 4 } }));
    const fixture = 'tests/cli/fixtures/cli-with-walk.ts';
    const ok = polycentric(['run', join(dir, 'walk.json'), '--out', join(dir, 'ok')], { entry: fixture });
    expect(ok.code, ok.stderr).toBe(0);
    expect(entries(join(dir, 'ok', 'snapshots'))).toEqual(['step-00.csv', 'step-05.csv', 'step-10.csv']);
    expect(read(join(dir, 'ok'), 'snapshots/step-05.csv').split('\n')[0]).toBe('id,offset');
    expect(read(join(dir, 'ok'), 'final.txt')).toMatch(/^position /);
    const failed = polycentric(['run', join(dir, 'walk.json'), '--set', 'params.failAt=6', '--out', join(dir, 'failed')], { entry: fixture });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('the walk fell off the map');
    expect(entries(dir)).toEqual(['ok', 'walk.json']);
  });
});
