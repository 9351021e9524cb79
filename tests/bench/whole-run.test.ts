import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { againstBaseline, fileHashes, parseArguments, sameFiles, summarise, type WholeRun } from '../../bench/whole-run.js';
import { quantile } from '../../sim/stats.js';

const root = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);

describe('the whole-run benchmark', () => {
  it('runs the scenario on each thread count, round after round in alternating order, with the speed-up over the round\'s first count and whether the files match', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/whole-run.ts', '2000', '3', '1,2', '2'], { cwd: root });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { population: number; steps: number; rounds: number; runs: Record<string, number | boolean | Record<string, number>>[]; summary: Record<string, number | boolean>[] };
    expect(result).toMatchObject({ population: 2000, steps: 3, rounds: 2 });
    // The second round runs the counts in reverse, so drift over the rounds favours neither.
    expect(result.runs.map((r) => [r.round, r.threads])).toEqual([[1, 1], [1, 2], [2, 2], [2, 1]]);
    for (const r of result.runs) {
      expect(r.identical).toBe(true);
      expect(r.files).toBeGreaterThanOrEqual(3); // metrics, events and at least one snapshot
      expect(r.wallSeconds).toBeGreaterThan(r.phaseSeconds as number);
      // Each phase's seconds, as the manifest has them, summing to the time in the phases.
      const byName = r.phaseSecondsByName as unknown as Record<string, number>;
      expect(Object.keys(byName)).toEqual(expect.arrayContaining(['produce', 'diffusion', 'migration']));
      expect(Object.values(byName).reduce((a, b) => a + b, 0)).toBeCloseTo(r.phaseSeconds as number, 0);
      expect(r.speedup).toBeGreaterThan(0);
      if (r.threads === 1) expect(r.speedup).toBe(1);
      // The kernels' part, by phase and the collection's, within the wall time; the rest is the calling thread's alone.
      const kernels = r.kernelSecondsByName as unknown as Record<string, number>;
      expect(Object.keys(kernels)).toEqual(expect.arrayContaining(['produce', 'distribute', 'collection']));
      expect(Object.keys(kernels)).not.toContain('migration'); // a phase with no kernel
      for (const [phase, seconds] of Object.entries(kernels)) if (phase !== 'collection') expect(seconds).toBeLessThanOrEqual(byName[phase]! + 0.05);
      expect(r.kernelSeconds as number).toBeGreaterThan(0);
      expect((r.kernelSeconds as number) + (r.aloneSeconds as number)).toBeCloseTo(r.wallSeconds as number, 0);
      if (r.threads === 1) expect(r.kernelBound).toBe(1);
      else {
        // Its round's one-thread run, its kernels' seconds shared by two: what the bound is made of, to the
        // rounding of the figures printed (wall time to the tenth of a second, the parts to the hundredth).
        const one = result.runs.find((o) => o.round === r.round && o.threads === 1)!;
        const bound = (wall: number, alone: number, kernels: number): number => wall / (alone + kernels / 2);
        const [wall, alone, kernels] = [one.wallSeconds, r.aloneSeconds, one.kernelSeconds] as number[];
        expect(r.kernelBound).toBeGreaterThanOrEqual(bound(wall! - 0.05, alone! + 0.005, kernels! + 0.005) - 0.001);
        expect(r.kernelBound).toBeLessThanOrEqual(bound(wall! + 0.05, alone! - 0.005, kernels! - 0.005) + 0.001);
      }
    }
    expect(result.summary.map((t) => [t.threads, t.runs, t.identical])).toEqual([[1, 2, true], [2, 2, true]]);
    expect(stdout).toContain('round 2,   1 thread(s):');
    expect(stdout).toContain('2 thread(s) over 2 rounds: median');
    expect(stdout).toMatch(/the longest phases: \w[\w-]* \d+\.\d s, /);
    expect(stdout).toMatch(/the calling thread alone \d+\.\d s; with kernels at their best, a speed-up of at most \d\.\d{3}×/);
  }, 60_000);

  it('sums the rounds up per thread count: median, fastest and slowest wall time, median speed-up', () => {
    // The median is the shared quantile at one half: the middle value, or the mean of the two middle ones.
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    const runOf = (round: number, threads: number, wallSeconds: number, speedup: number, kernelBound: number, identical = true): WholeRun => ({
      round, threads, wallSeconds, phaseSeconds: wallSeconds - 1, phaseSecondsByName: { produce: wallSeconds - 1 }, outsideSeconds: 1,
      kernelSeconds: 0, kernelSecondsByName: {}, aloneSeconds: wallSeconds, kernelBound, speedup, identical, files: 13,
    });
    const runs = [runOf(1, 1, 460, 1, 1), runOf(1, 2, 330, 1.394, 1.5), runOf(2, 2, 320, 1.492, 1.45), runOf(2, 1, 477.3, 1, 1), runOf(3, 1, 470, 1, 1), runOf(3, 2, 329, 1.429, 1.61, false)];
    expect(summarise(runs, [1, 2])).toEqual([
      { threads: 1, runs: 3, medianWallSeconds: 470, minWallSeconds: 460, maxWallSeconds: 477.3, medianSpeedup: 1, medianKernelBound: 1, identical: true },
      { threads: 2, runs: 3, medianWallSeconds: 329, minWallSeconds: 320, maxWallSeconds: 330, medianSpeedup: 1.429, medianKernelBound: 1.5, identical: false },
    ]);
  });

  it('bounds what faster kernels could buy: the baseline\'s kernel seconds shared by all the threads, the run\'s own part alone as it was', () => {
    const measured = (threads: number, wallSeconds: number, kernelSeconds: number): Omit<WholeRun, 'speedup' | 'kernelBound'> => ({
      round: 1, threads, wallSeconds, phaseSeconds: wallSeconds - 20, phaseSecondsByName: {}, outsideSeconds: 20,
      kernelSeconds, kernelSecondsByName: {}, aloneSeconds: wallSeconds - kernelSeconds, identical: true, files: 13,
    });
    const one = measured(1, 465, 250);
    const two = measured(2, 323.5, 140);
    // 465 ÷ (183.5 alone + 250 ÷ 2 at best) = 1.507: the serial part decides the rest, whatever the kernels do.
    expect(againstBaseline(two, one)).toMatchObject({ speedup: 1.437, kernelBound: 1.507, wallSeconds: 323.5 });
    expect(againstBaseline(one, one)).toMatchObject({ speedup: 1, kernelBound: 1 });
    // Three threads: the kernels at a third of the baseline's.
    expect(againstBaseline(measured(3, 280, 100), one).kernelBound).toBeCloseTo(465 / (180 + 250 / 3), 3);
    // A baseline on two threads: its kernel seconds count twice over as work.
    expect(againstBaseline(measured(4, 250, 60), two).kernelBound).toBeCloseTo(323.5 / (190 + (140 * 2) / 4), 3);
  });

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
    expect(parseArguments(['1000', '10', '1,2,1'])).toMatch(/^threads: expected each thread count once, found "1,2,1"/);
    expect(parseArguments(['1000', '10', '1,2', '0'])).toMatch(/^rounds: expected .* found "0"/);
    expect(parseArguments([])).toEqual({ population: 1_000_000, steps: 600, threads: [1, 2], rounds: 1 });
    const failure = await run(process.execPath, ['--import', 'tsx', 'bench/whole-run.ts', '2000', '0'], { cwd: root }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('steps: expected a whole number of at least 1, found "0"');
  }, 30_000);
});
