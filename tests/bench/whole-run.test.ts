import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fileHashes, parseArguments, sameFiles } from '../../bench/whole-run.js';

const root = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);

describe('the whole-run benchmark', () => {
  it('runs the scenario on each thread count, giving the speed-up over the first and whether the files match it', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/whole-run.ts', '2000', '3', '1,2'], { cwd: root });
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as { population: number; steps: number; runs: Record<string, number | boolean>[] };
    expect(summary).toMatchObject({ population: 2000, steps: 3 });
    expect(summary.runs.map((r) => r.threads)).toEqual([1, 2]);
    expect(summary.runs[0]).toMatchObject({ speedup: 1, identical: true });
    for (const r of summary.runs) {
      expect(r.identical).toBe(true);
      expect(r.files).toBeGreaterThanOrEqual(3); // metrics, events and at least one snapshot
      expect(r.wallSeconds).toBeGreaterThan(r.phaseSeconds as number);
      expect(r.speedup).toBeGreaterThan(0);
    }
    expect(stdout).toContain('2 thread(s):');
  }, 60_000);

  it('tells folders whose files differ by one byte, or by one file, from the same files', () => {
    const base = mkdtempSync(join(tmpdir(), 'whole-run-test-'));
    const write = (folder: string, files: Record<string, string>): Map<string, string> => {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(base, folder, path, '..'), { recursive: true });
        writeFileSync(join(base, folder, path), text);
      }
      return fileHashes(join(base, folder));
    };
    const a = write('a', { 'metrics.csv': 'step,x\n0,1\n', 'snapshots/step-0.csv': 'id\n1\n', 'manifest.json': '{"threads":1}' });
    const same = write('b', { 'metrics.csv': 'step,x\n0,1\n', 'snapshots/step-0.csv': 'id\n1\n', 'manifest.json': '{"threads":2}' });
    const changed = write('c', { 'metrics.csv': 'step,x\n0,2\n', 'snapshots/step-0.csv': 'id\n1\n' });
    const missing = write('d', { 'metrics.csv': 'step,x\n0,1\n' });
    expect([...a.keys()]).toEqual(['metrics.csv', 'snapshots/step-0.csv']);
    expect(sameFiles(a, same)).toBe(true);
    expect(sameFiles(a, changed)).toBe(false);
    expect(sameFiles(a, missing)).toBe(false);
  });

  it('names the argument that is wrong, and exits with code 2', async () => {
    expect(parseArguments(['1000', '10', '1,0'])).toMatch(/^threads: expected .* found "1,0"/);
    expect(parseArguments(['ten'])).toMatch(/^population: expected .* found "ten"/);
    expect(parseArguments([])).toEqual({ population: 1_000_000, steps: 600, threads: [1, 2] });
    const failure = await run(process.execPath, ['--import', 'tsx', 'bench/whole-run.ts', '2000', '0'], { cwd: root }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('steps: expected a whole number of at least 1, found "0"');
  }, 30_000);
});
