/**
 * A CPU profile of a window of months, not of a whole process: builds the default scenario at one
 * population (communities scaled with it, on one thread), runs the warm-up months unprofiled,
 * then profiles the timed months alone (V8's sampling profiler through `node:inspector`) and
 * writes the profile where `bench/profile-summary.ts` reads it. A whole run's profile mixes the
 * first months, when ids and rows still agree and few innovations spread, with the last; this
 * shows one stretch of a run as it is then. Prints one JSON line: the window and its ms a step.
 * Usage: node --import tsx bench/profile-window.ts <population> <warm-up> <steps> <out.cpuprofile> [interval µs=500]
 * (or, for lines, the compiled copy: node runs/compiled/bench/profile-window.js …; see bench/compiled.sh).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import type { Simulation } from '../sim/index.js';
import { createSimulation } from '../scenarios/create.js';
import { scaledScenario, writeAwayAsARunDoes } from './society-child.js';
import { settleCompilerForKernels } from '../sim/node/compiler-settings.js';

/** What the window measured. */
export interface ProfileWindow {
  population: number;
  warmUp: number;
  steps: number;
  msPerStep: number;
  out: string;
}

export async function profileWindow(population: number, warmUp: number, steps: number, out: string, intervalMicros = 500): Promise<ProfileWindow> {
  const society = createSimulation(scaledScenario(population), { shared: false }) as Simulation & { run(options: { steps: number }): void };
  writeAwayAsARunDoes(society);
  society.run({ steps: warmUp });
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
    await session.post('Profiler.start');
    const started = performance.now();
    society.run({ steps });
    const msPerStep = (performance.now() - started) / steps;
    const { profile } = await session.post('Profiler.stop');
    // The first sample's delta is the time from the profiler's start to that sample, spent in
    // the inspector's own dispatch of the start command (tens of ms), not in the model.
    if (profile.timeDeltas?.length) profile.timeDeltas[0] = 0;
    writeFileSync(out, JSON.stringify(profile));
    return { population, warmUp, steps, msPerStep: Math.round(msPerStep * 10) / 10, out };
  } finally {
    session.disconnect();
  }
}

/** The command line's numbers, or a usage error (exit 2). */
function parseArgs(argv: string[]): [number, number, number, string, number] {
  const [population, warmUp, steps, out, interval = '500'] = argv;
  const numbers = [population, warmUp, steps, interval].map(Number);
  if (!out || numbers.some((n) => !Number.isInteger(n) || n < 0) || numbers[0]! < 1 || numbers[2]! < 1 || numbers[3]! < 1) {
    console.error('usage: bench/profile-window.ts <population ≥ 1> <warm-up months ≥ 0> <profiled months ≥ 1> <out.cpuprofile> [sampling interval in µs ≥ 1, default 500]');
    process.exit(2);
  }
  return [numbers[0]!, numbers[1]!, numbers[2]!, out, numbers[3]!];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [population, warmUp, steps, out, interval] = parseArgs(process.argv.slice(2));
  settleCompilerForKernels(); // as a run from the CLI has it
  console.log(JSON.stringify(await profileWindow(population, warmUp, steps, out, interval)));
  process.exit(0);
}
