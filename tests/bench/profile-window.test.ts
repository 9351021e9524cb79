import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfTimes } from '../../bench/profile-summary.js';

const root = new URL('../..', import.meta.url).pathname;

function profileWindow(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bench/profile-window.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('the profile of a window of months', () => {
  it('profiles the months after the warm-up alone, where the profile summary reads the model’s kernels', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'profile-window-')), 'window.cpuprofile');
    const result = profileWindow('3000', '2', '3', out, '200');
    expect(result.status).toBe(0);
    const line = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { warmUp: number; steps: number; msPerStep: number };
    expect(line).toMatchObject({ warmUp: 2, steps: 3 });
    expect(line.msPerStep).toBeGreaterThan(0);
    const profile = JSON.parse(readFileSync(out, 'utf8'));
    const rows = selfTimes(profile);
    // The month's kernels are in it, and the profiler's own start is not charged to anyone.
    expect(rows.some((row) => row.where.includes('models/society/kernels/'))).toBe(true);
    expect(profile.timeDeltas[0]).toBe(0);
  }, 60_000);

  it('refuses a window it cannot run (exit 2, with its usage)', () => {
    const result = profileWindow('3000', 'two', '3', join(tmpdir(), 'never.cpuprofile'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: bench/profile-window.ts');
    expect(profileWindow('3000', '2', '0', join(tmpdir(), 'never.cpuprofile')).status).toBe(2);
    expect(profileWindow('3000', '2', '3').status).toBe(2);
  });
});
