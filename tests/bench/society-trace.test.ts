import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

describe('the society trace', () => {
  it('prints one line per stretch of steps, with the persons, communities and costliest phases at its end', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/society-trace.ts', '600', '5', '2'], { cwd: root });
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, number | string>);
    expect(lines.map((line) => line.step)).toEqual([2, 4, 5]);
    for (const line of lines) {
      expect(line.persons).toBeGreaterThan(500);
      expect(line.living).toBeGreaterThan(0);
      expect(line.living).toBeLessThanOrEqual(line.communities as number);
      expect(line.msPerStep).toBeGreaterThan(0);
      expect(String(line.costliest).split(' ')).toHaveLength(4);
    }
  }, 60_000);

  it('refuses a missing step count with exit code 2', async () => {
    const failure = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/society-trace.ts', '600'], { cwd: root }).catch((error: { code: number }) => error);
    expect(failure).toMatchObject({ code: 2 });
  }, 30_000);
});
