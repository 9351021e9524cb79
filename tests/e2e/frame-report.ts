import type { Page } from 'playwright-core';

/**
 * Installed before any page script: every animation frame's start time and every long task
 * while recording. A string, not a function, so no compiler helper leaks into the page.
 */
export const RECORD_FRAME_TIMES = `
  const perf = { stamps: [], longTasks: [], recording: false, since: 0 };
  window.__frames = perf;
  const loop = (now) => {
    if (perf.recording) perf.stamps.push(now);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    if (perf.recording) for (const entry of list.getEntries()) perf.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
`;

/** What the page recorded: frame start times, long tasks, and its own work (performance.measure spans). */
export interface RawFrames {
  stamps: number[];
  longTasks: number[];
  work: { start: number; duration: number }[];
}

/** Starts recording frames (the page must have RECORD_FRAME_TIMES installed). */
export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const perf = (window as any).__frames;
    perf.recording = true;
    perf.since = performance.now();
  });
}

/** Stops recording and returns what was recorded, with the page's work spans measured since the start. */
export async function stopRecording(page: Page): Promise<RawFrames> {
  return page.evaluate(() => {
    const perf = (window as any).__frames;
    perf.recording = false;
    const work = performance.getEntriesByType('measure').filter((entry) => entry.startTime >= perf.since).map((entry) => ({ start: entry.startTime, duration: entry.duration }));
    return { stamps: perf.stamps as number[], longTasks: perf.longTasks as number[], work };
  });
}

/** Frame times as the e2e test reports them (milliseconds, one decimal). */
export interface FrameReport {
  frames: number;
  medianFrameMs: number;
  p95FrameMs: number;
  p99FrameMs: number;
  maxFrameMs: number;
  longTasksOver50ms: number;
  longestTaskMs: number;
  pageWorkPerFrameMedianMs: number;
  pageWorkPerFrameP95Ms: number;
  pageWorkPerFrameMaxMs: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

function quantile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** The page's work summed per animation frame: each span counts in the frame it started in. */
export function workPerFrame(stamps: number[], work: RawFrames['work']): number[] {
  const totals = new Map<number, number>();
  for (const span of work) {
    // The last frame that started at or before the span (-1: before the first recorded frame).
    let low = -1;
    let high = stamps.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (stamps[middle]! <= span.start) low = middle;
      else high = middle - 1;
    }
    totals.set(low, (totals.get(low) ?? 0) + span.duration);
  }
  return [...totals.values()];
}

/** Frame gaps (between consecutive frame starts), long tasks, and the page's own work per frame. */
export function summariseFrames(raw: RawFrames): FrameReport {
  const gaps = raw.stamps.slice(1).map((stamp, i) => stamp - raw.stamps[i]!);
  const work = workPerFrame(raw.stamps, raw.work);
  return {
    frames: gaps.length,
    medianFrameMs: round(quantile(gaps, 0.5)),
    p95FrameMs: round(quantile(gaps, 0.95)),
    p99FrameMs: round(quantile(gaps, 0.99)),
    maxFrameMs: round(Math.max(0, ...gaps)),
    longTasksOver50ms: raw.longTasks.length,
    longestTaskMs: round(Math.max(0, ...raw.longTasks)),
    pageWorkPerFrameMedianMs: round(quantile(work, 0.5)),
    pageWorkPerFrameP95Ms: round(quantile(work, 0.95)),
    pageWorkPerFrameMaxMs: round(Math.max(0, ...work)),
  };
}
