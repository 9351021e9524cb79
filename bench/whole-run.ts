/**
 * A whole run as a user starts it, on each thread count in turn: the default scenario scaled to
 * a population (communities 1 per 100 persons), run by the CLI into a fresh folder. Prints, per
 * thread count, the wall time, the speed-up over the first count (the baseline, measured in the
 * same call), the time in the phases (from the run's manifest) and outside them (the rest of the
 * wall time: starting the process, the build, the metrics, writing), and whether
 * every file the run wrote (metrics, events, snapshots) is the same, byte for byte, as the
 * baseline's. Then one JSON line with the same figures. The folders are removed at the end.
 * The benchmark's threads suite times a short window early in a run; this times all of it.
 * With several rounds, each round runs every thread count once, in the given order and then in
 * reverse by turns (so a machine that speeds up or slows down over the rounds favours no count),
 * each run's speed-up is over the baseline of its own round, and a summary gives each count's
 * median, fastest and slowest wall time and its median speed-up.
 * From the manifest's `kernelSeconds` it also splits each run's wall time into the calling
 * thread's time inside the kernels' runs, which threads share, and the rest, which the calling
 * thread does alone; and it gives the speed-up a run would have had with kernels that gained all
 * their threads offer (t ÷ the baseline's count) over the baseline's, its own part alone as it was:
 * the most more parallel kernels can buy, whatever is done to them (Amdahl's bound).
 * Usage: node --import tsx bench/whole-run.ts [population=1000000] [steps=600] [threads=1,2] [rounds=1]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile } from '../sim/stats.js';
import { scaledSettings } from './society-child.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What one run on one thread count measured. */
export interface WholeRun {
  /** The round it ran in, from 1. */
  round: number;
  threads: number;
  wallSeconds: number;
  phaseSeconds: number;
  /** Seconds in each phase (from the manifest), to see which part a change moved. */
  phaseSecondsByName: Record<string, number>;
  outsideSeconds: number;
  /** The calling thread's seconds inside kernels' runs (all of the manifest's `kernelSeconds`, the collection's too). */
  kernelSeconds: number;
  /** The same by phase (and `collection`), from the manifest. */
  kernelSecondsByName: Record<string, number>;
  /** Wall time outside the kernels' runs: what the calling thread did alone (serial phase work, build, collection, writing). */
  aloneSeconds: number;
  /**
   * The speed-up over the round's baseline this run would have had if its kernels had taken the
   * baseline's kernel seconds × baseline threads ÷ its threads (all a thread count offers), its own
   * part alone unchanged: baseline wall ÷ (alone + that). 1 for the baseline.
   */
  kernelBound: number;
  /** Speed-up over the baseline (the first thread count) of the same round: its wall time ÷ this one's. */
  speedup: number;
  /** Every file the same as the first baseline's (the manifest aside: it records the threads and the times). */
  identical: boolean;
  files: number;
}

/** One thread count over all rounds. */
export interface ThreadCountSummary {
  threads: number;
  runs: number;
  medianWallSeconds: number;
  minWallSeconds: number;
  maxWallSeconds: number;
  /** The median of its runs' speed-ups, each over its own round's baseline. */
  medianSpeedup: number;
  /** The median of its runs' `kernelBound`s. */
  medianKernelBound: number;
  identical: boolean;
}

/** Each file a run wrote but its manifest, by path inside the folder, with a hash of its bytes. */
export function fileHashes(folder: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== 'manifest.json') hashes.set(relative(folder, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(folder);
  return hashes;
}

export function sameFiles(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([path, hash]) => b.get(path) === hash);
}

/** What `runOnce` reads of a run: its wall time, and from its manifest the seconds by phase and the kernels' by phase. */
interface OneRun {
  wall: number;
  phases: number;
  byName: Record<string, number>;
  kernels: number;
  kernelsByName: Record<string, number>;
}

/** Runs the CLI once; throws with its error output when it fails. */
function runOnce(population: number, steps: number, threads: number, out: string): OneRun {
  const settings = scaledSettings(population).flatMap((setting) => ['--set', setting]);
  const args = ['bin/polycentric.js', 'run', 'scenarios/default.json', ...settings, '--steps', String(steps), '--threads', String(threads), '--out', out];
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 24 });
  const wall = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`the run on ${threads} thread(s) failed (exit ${child.status}): ${child.stderr.trim()}`);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { phaseSeconds: Record<string, number>; kernelSeconds?: Record<string, number> };
  const total = (seconds: Record<string, number>): number => Object.values(seconds).reduce((sum, s) => sum + s, 0);
  const rounded = (seconds: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(seconds).map(([phase, s]) => [phase, round(s)]));
  const kernelSeconds = manifest.kernelSeconds ?? {};
  return { wall, phases: total(manifest.phaseSeconds), byName: rounded(manifest.phaseSeconds), kernels: total(kernelSeconds), kernelsByName: rounded(kernelSeconds) };
}

/** A run's figures against its round's baseline (see `WholeRun`), rounded; `baseline` may be the run itself (exact seconds in, so that reads 1). */
export function againstBaseline(run: Omit<WholeRun, 'speedup' | 'kernelBound'>, baseline: Omit<WholeRun, 'speedup' | 'kernelBound'>): WholeRun {
  const kernelsAtBest = (baseline.kernelSeconds * baseline.threads) / run.threads;
  return {
    ...run,
    wallSeconds: round(run.wallSeconds),
    // Hundredths: the bound is made of them, and a short run's seconds are few.
    kernelSeconds: round(run.kernelSeconds, 2),
    aloneSeconds: round(run.aloneSeconds, 2),
    speedup: round(baseline.wallSeconds / run.wallSeconds, 3),
    kernelBound: round(baseline.wallSeconds / (run.aloneSeconds + kernelsAtBest), 3),
  };
}

/**
 * Runs the scenario on each thread count, `rounds` times, the first count being the baseline:
 * the counts in order in the first round, in reverse in the second, and so on. `onRound` hears
 * each round's runs when it ends (in the order they ran).
 */
export function wholeRuns(population: number, steps: number, threadCounts: readonly number[], rounds = 1, onRound?: (runs: WholeRun[]) => void): WholeRun[] {
  const base = mkdtempSync(join(tmpdir(), 'polycentric-whole-run-'));
  try {
    const results: WholeRun[] = [];
    let reference: Map<string, string> | undefined;
    for (let r = 1; r <= rounds; r++) {
      const order = r % 2 === 1 ? threadCounts : [...threadCounts].reverse();
      const measured: Omit<WholeRun, 'speedup' | 'kernelBound'>[] = [];
      for (const threads of order) {
        const out = join(base, `round-${r}-threads-${threads}`);
        const { wall, phases, byName, kernels, kernelsByName } = runOnce(population, steps, threads, out);
        const hashes = fileHashes(out);
        reference ??= hashes;
        measured.push({
          round: r, threads, wallSeconds: wall, phaseSeconds: round(phases), phaseSecondsByName: byName, outsideSeconds: round(wall - phases),
          kernelSeconds: kernels, kernelSecondsByName: kernelsByName, aloneSeconds: wall - kernels, identical: sameFiles(reference, hashes), files: hashes.size,
        });
        // The run's files are no longer needed once hashed: a 1M run writes about 1.6 GB.
        rmSync(out, { recursive: true, force: true });
      }
      const baseline = measured.find((run) => run.threads === threadCounts[0])!;
      const done = measured.map((run) => againstBaseline(run, baseline));
      results.push(...done);
      onRound?.(done);
    }
    return results;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** Each thread count's runs over all rounds: median, fastest and slowest wall time, median speed-up, files always identical. */
export function summarise(runs: readonly WholeRun[], threadCounts: readonly number[]): ThreadCountSummary[] {
  return threadCounts.map((threads) => {
    const mine = runs.filter((run) => run.threads === threads);
    const walls = mine.map((run) => run.wallSeconds);
    return {
      threads,
      runs: mine.length,
      medianWallSeconds: round(quantile(walls, 0.5)),
      minWallSeconds: Math.min(...walls),
      maxWallSeconds: Math.max(...walls),
      medianSpeedup: round(quantile(mine.map((run) => run.speedup), 0.5), 3),
      medianKernelBound: round(quantile(mine.map((run) => run.kernelBound), 0.5), 3),
      identical: mine.every((run) => run.identical),
    };
  });
}

/** The `count` phases that took longest, as `name seconds`, longest first. */
export function longestPhases(byName: Readonly<Record<string, number>>, count: number): string {
  return Object.entries(byName)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)} s`)
    .join(', ');
}

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

const USAGE = 'usage: node --import tsx bench/whole-run.ts [population=1000000] [steps=600] [threads=1,2] [rounds=1]';

/** The arguments, or a message naming the one that is wrong. */
export function parseArguments(argv: readonly string[]): { population: number; steps: number; threads: number[]; rounds: number } | string {
  const [populationText = '1000000', stepsText = '600', threadsText = '1,2', roundsText = '1'] = argv;
  const population = Number(populationText);
  const steps = Number(stepsText);
  const threads = threadsText.split(',').map(Number);
  const rounds = Number(roundsText);
  if (!Number.isInteger(population) || population < 100) return `population: expected a whole number of at least 100, found "${populationText}"`;
  if (!Number.isInteger(steps) || steps < 1) return `steps: expected a whole number of at least 1, found "${stepsText}"`;
  if (threads.length === 0 || !threads.every((t) => Number.isInteger(t) && t >= 1)) return `threads: expected thread counts of at least 1, separated by commas, found "${threadsText}"`;
  if (new Set(threads).size !== threads.length) return `threads: expected each thread count once, found "${threadsText}"`;
  if (!Number.isInteger(rounds) || rounds < 1) return `rounds: expected a whole number of at least 1, found "${roundsText}"`;
  return { population, steps, threads, rounds };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const parsed = parseArguments(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n${USAGE}`);
    process.exit(2);
  }
  const { population, steps, threads, rounds } = parsed;
  console.log(`the default scenario, ${population} persons, ${steps} steps; the baseline is ${threads[0]} thread(s)${rounds > 1 ? `; ${rounds} rounds, the order reversed every other round` : ''}`);
  const results = wholeRuns(population, steps, threads, rounds, (done) => {
    for (const r of done) {
      const label = rounds > 1 ? `round ${r.round}, ` : '';
      console.log(`${label}${String(r.threads).padStart(3)} thread(s): ${r.wallSeconds.toFixed(1).padStart(8)} s (phases ${r.phaseSeconds.toFixed(1)} s, outside ${r.outsideSeconds.toFixed(1)} s), speed-up ${r.speedup.toFixed(3)}×, ${r.files} files ${r.identical ? 'identical to the baseline' : 'DIFFERENT from the baseline'}`);
      console.log(`      the longest phases: ${longestPhases(r.phaseSecondsByName, 6)}`);
      console.log(`      in the kernels' runs ${r.kernelSeconds.toFixed(1)} s, the calling thread alone ${r.aloneSeconds.toFixed(1)} s; with kernels at their best, a speed-up of at most ${r.kernelBound.toFixed(3)}×`);
    }
  });
  const summary = summarise(results, threads);
  if (rounds > 1) {
    for (const t of summary) {
      console.log(`${String(t.threads).padStart(3)} thread(s) over ${t.runs} rounds: median ${t.medianWallSeconds.toFixed(1)} s (${t.minWallSeconds.toFixed(1)}–${t.maxWallSeconds.toFixed(1)}), median speed-up ${t.medianSpeedup.toFixed(3)}× (with kernels at their best, at most ${t.medianKernelBound.toFixed(3)}×)`);
    }
  }
  console.log(JSON.stringify({ population, steps, rounds, runs: results, summary }));
  if (!results.every((r) => r.identical)) process.exit(1);
}
