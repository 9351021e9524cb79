import { describe, expect, it } from 'vitest';
import { summariseFrames, workPerFrame } from './frame-report.js';

describe('frame report', () => {
  it('sums the page’s work spans per frame, each in the frame it started in', () => {
    const stamps = [0, 16.7, 33.3, 50];
    const work = [
      { start: 1, duration: 4 },
      { start: 10, duration: 6 },
      { start: 20, duration: 30 },
      { start: 60, duration: 2 },
      { start: -5, duration: 1 },
    ];
    expect(workPerFrame(stamps, work).sort((a, b) => a - b)).toEqual([1, 2, 10, 30]);
  });

  it('reports gaps between frame starts, long tasks and the worst frame of work', () => {
    const stamps = [0, 16.7, 33.3, 83.3, 100, 116.7];
    const report = summariseFrames({ stamps, longTasks: [57, 81], work: [{ start: 34, duration: 12 }, { start: 40, duration: 41 }, { start: 90, duration: 3 }] });
    expect(report).toMatchObject({ frames: 5, medianFrameMs: 16.7, maxFrameMs: 50, p99FrameMs: 50, longTasksOver50ms: 2, longestTaskMs: 81, pageWorkPerFrameMaxMs: 53 });
  });
});
