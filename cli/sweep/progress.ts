import cliProgress from 'cli-progress';
import type { SweepProgress } from './run-sweep.js';

/** Shows a sweep's progress: runs done, failures and an ETA. */
export interface SweepProgressView {
  update(progress: SweepProgress): void;
  finish(): void;
}

/** A bar on a terminal; elsewhere (logs, pipes, batch jobs) a plain line every ~10% of the runs. */
export function createSweepProgress(now: () => number, write: (text: string) => void = (text) => process.stdout.write(text), isTTY = Boolean(process.stdout.isTTY)): SweepProgressView {
  return isTTY ? sweepBar() : sweepLines(now, write);
}

function sweepBar(): SweepProgressView {
  const bar = new cliProgress.SingleBar(
    { format: 'runs {bar} {value}/{total} | failed {failed} | ETA {eta_formatted}', hideCursor: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update({ done, failed, total }) {
      if (!started) bar.start(total, done, { failed });
      started = true;
      bar.update(done, { failed });
    },
    finish: () => started && bar.stop(),
  };
}

function sweepLines(now: () => number, write: (text: string) => void): SweepProgressView {
  // The pace counts this session's runs only, from when it started: runs found done by --resume took no time now.
  const startTime = now();
  let nextTenth = 1;
  return {
    update({ done, failed, total, skipped }) {
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenth < nextTenth) return;
      nextTenth = tenth + 1;
      const doneNow = done - skipped;
      const perRun = doneNow > 0 ? (now() - startTime) / doneNow : Number.NaN;
      const eta = done < total && doneNow > 0 ? `, about ${formatDuration(perRun * (total - done))} left` : '';
      write(`runs ${done}/${total}, ${failed} failed${eta}\n`);
    },
    finish() {},
  };
}

/** Milliseconds as a short human duration (e.g. "3m 20s"). */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
