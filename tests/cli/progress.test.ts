import { describe, expect, it } from 'vitest';
import { createProgress, formatRate } from '../../cli/progress.js';

describe('progress off a terminal', () => {
  it('prints one plain line per tenth of the run, ending at 100%', () => {
    const lines: string[] = [];
    let clock = 0;
    const progress = createProgress({ write: (text) => lines.push(text), isTTY: false }, () => clock);
    for (let step = 1; step <= 37; step++) {
      clock += 10;
      progress.update(step, 37);
    }
    progress.finish();
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('step 4/37 (11%) 100 steps/s\n');
    expect(lines.at(-1)).toBe('step 37/37 (100%) 100 steps/s\n');
  });

  it('prints every step of a run shorter than ten steps', () => {
    const lines: string[] = [];
    const progress = createProgress({ write: (text) => lines.push(text), isTTY: false }, () => 0);
    for (let step = 1; step <= 3; step++) progress.update(step, 3);
    expect(lines.map((line) => line.split(' ')[1])).toEqual(['1/3', '2/3', '3/3']);
  });
});

describe('formatRate', () => {
  it('rounds fast rates to whole steps and keeps three digits of slow ones', () => {
    expect(formatRate(5000, 2000)).toBe('2500');
    expect(formatRate(5, 2000)).toBe('2.50');
    expect(formatRate(5, 0)).toBe('…');
  });
});
