import cliProgress from 'cli-progress';

/** Reports steps done; `finish` closes the bar or prints the last line. */
export interface Progress {
  update(step: number, total: number): void;
  finish(): void;
}

/** Where progress goes and whether it is a terminal. */
export interface ProgressTarget {
  write(text: string): void;
  isTTY: boolean;
}

/** A bar (steps, rate, ETA) on a terminal; plain lines every ~10% elsewhere (logs, pipes, CI). */
export function createProgress(target: ProgressTarget = processStdout(), now: () => number = () => performance.now()): Progress {
  return target.isTTY ? terminalBar(now) : plainLines(target, now);
}

function processStdout(): ProgressTarget {
  return { write: (text) => process.stdout.write(text), isTTY: Boolean(process.stdout.isTTY) };
}

function terminalBar(now: () => number): Progress {
  const bar = new cliProgress.SingleBar(
    {
      format: 'steps {bar} {value}/{total} | {rate} steps/s | ETA {eta_formatted}',
      stream: process.stdout,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const start = now();
  let started = false;
  return {
    update(step, total) {
      if (!started) bar.start(total, 0, { rate: '…' });
      started = true;
      bar.update(step, { rate: formatRate(step, now() - start) });
    },
    finish() {
      if (started) bar.stop();
      started = false;
    },
  };
}

function plainLines(target: ProgressTarget, now: () => number): Progress {
  const start = now();
  let nextTenth = 1;
  return {
    update(step, total) {
      const tenth = total === 0 ? 10 : Math.floor((step * 10) / total);
      if (tenth < nextTenth) return;
      nextTenth = tenth + 1;
      const percent = total === 0 ? 100 : Math.round((step * 100) / total);
      target.write(`step ${step}/${total} (${percent}%) ${formatRate(step, now() - start)} steps/s\n`);
    },
    finish() {},
  };
}

/** Steps per second, rounded to what a reader can take in at a glance. */
export function formatRate(steps: number, elapsedMs: number): string {
  if (elapsedMs <= 0) return '…';
  const rate = (steps * 1000) / elapsedMs;
  return rate >= 100 ? String(Math.round(rate)) : rate.toPrecision(3);
}
