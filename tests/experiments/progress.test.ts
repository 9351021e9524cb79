import { describe, expect, it } from 'vitest';
import { planSweep } from '../../cli/sweep/design.js';
import { createSweepProgress, formatDuration } from '../../cli/sweep/progress.js';
import { boltzmannParams } from '../../models/classic/boltzmann.js';
import type { ResolvedSweep } from '../../scenarios/sweep-schema.js';

describe('sweep progress off a terminal', () => {
  it('prints runs done, failures and the time left about every tenth of the runs', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = createSweepProgress(() => now, (text) => lines.push(text), false);
    progress.update({ done: 0, failed: 0, total: 20, skipped: 0 });
    // 20 runs, one every 3 seconds, every fifth one failing.
    for (let done = 1; done <= 20; done++) {
      now += 3000;
      progress.update({ done, failed: Math.floor(done / 5), total: 20, skipped: 0 });
    }
    progress.finish();
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('runs 2/20, 0 failed, about 54s left\n');
    expect(lines[4]).toBe('runs 10/20, 2 failed, about 30s left\n');
    expect(lines.at(-1)).toBe('runs 20/20, 4 failed\n');
  });

  it('estimates the time left from this session’s runs only, after a resume', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = createSweepProgress(() => now, (text) => lines.push(text), false);
    // 60 of 100 runs were done before; this session does one a minute.
    progress.update({ done: 60, failed: 0, total: 100, skipped: 60 });
    for (let done = 61; done <= 100; done++) {
      now += 60_000;
      progress.update({ done, failed: 0, total: 100, skipped: 60 });
    }
    // No pace is known before this session has finished a run, so no time left is guessed.
    expect(lines[0]).toBe('runs 60/100, 0 failed\n');
    expect(lines[1]).toBe('runs 70/100, 0 failed, about 30m 0s left\n');
  });

  it('writes durations in seconds, minutes and hours', () => {
    expect(formatDuration(4_400)).toBe('4s');
    expect(formatDuration(200_000)).toBe('3m 20s');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2h 5m');
  });
});

describe('the order runs are executed in', () => {
  it('spreads the first runs over the whole grid, so a stopped sweep has covered it evenly', () => {
    const values = Array.from({ length: 10 }, (_, i) => i / 10);
    const sweep = {
      seed: 4, replicates: 1,
      design: { kind: 'grid', parameters: { savingShare: values, initialWealth: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } },
    } as unknown as ResolvedSweep;
    const plan = planSweep(sweep, boltzmannParams);
    const firstQuarter = plan.executionOrder.slice(0, 25).map((index) => plan.runs[index]!.params);
    // In design order the first 25 runs hold only 3 of the 10 saving shares; spread, nearly all.
    expect(new Set(firstQuarter.map((point) => point['savingShare'])).size).toBeGreaterThanOrEqual(8);
    expect(new Set(firstQuarter.map((point) => point['initialWealth'])).size).toBeGreaterThanOrEqual(8);
    expect([...plan.executionOrder].sort((a, b) => a - b)).toEqual(plan.runs.map((_, index) => index));
  });
});
