/**
 * Builds the default scenario at one population (communities scaled with it, 100 per 10,000
 * persons), steps it through a short warm-up and then a fixed number of timed steps with the
 * per-phase profile on, and prints one JSON line: timings, phase times and the process's peak
 * resident memory. With population 0 it builds nothing: the baseline process, which loads the
 * same modules and resolves the same scenario, so its peak memory is the runtime's own.
 * Running each size in a fresh process keeps one size's heap from weighing on the next.
 * Usage: node --expose-gc --import tsx bench/society-child.ts <population> <warm-up steps> <timed steps>
 * [compiler warm-up person-steps, default 3,000,000; 0 for none]
 * (add `--cpu-prof` before `--import` for a CPU profile of the same run).
 */
import { fileURLToPath } from 'node:url';
import type { Model } from '../sim/index.js';
import { loadScenario } from '../scenarios/load.js';
import { createSimulation } from '../scenarios/create.js';
import { settleCompilerForKernels } from '../sim/node/compiler-settings.js';

/** What one child measured; bench/society.ts reads it. */
export interface SocietyChildResult {
  population: number;
  communities: number;
  buildSeconds: number;
  /** Steps before the clock started, and steps timed. */
  warmUp: number;
  steps: number;
  /** Wall time of the timed steps only. */
  seconds: number;
  /**
   * CPU time (user + system, all of this process's threads) over the same steps: unlike wall
   * time it leaves out the time spent waiting for a core, so it holds up on a busy machine.
   */
  cpuSeconds: number;
  /** Σ persons alive at the start of each timed step. */
  personSteps: number;
  /** Milliseconds per timed step, by phase, in step order. */
  phaseMs: Record<string, number>;
  /** Peak resident set of this process (all of it: code, heap, typed arrays), in bytes. */
  peakRssBytes: number;
  /** The same peak as it stood when the model had just been built (before any step): tells a build-time peak from a running one. */
  builtPeakRssBytes: number;
  /** The person table's own columns, in bytes (0 for the baseline). */
  tableBytes: number;
  /**
   * Resident memory after the last step and a full garbage collection (when run with
   * --expose-gc): what the model holds, without the garbage that peak memory also counts,
   * whose amount depends on when the collector ran (and so on how busy the machine was).
   */
  settledRssBytes: number;
  /** process.memoryUsage() after the last step: where the resident memory sits (JS heap or typed arrays). */
  memoryAtEnd: { rss: number; heapUsed: number; heapTotal: number; arrayBuffers: number };
}

/** The model's surface this child relies on: persons in a table with a byte count, and the engine's profile. */
export type Society = Model & { people: { length: number; bytes: number } };

/** The `--set` overrides that scale the default scenario to a population: one community per 100 persons. */
export function scaledSettings(population: number): string[] {
  const communities = Math.max(1, Math.round(population / 100));
  return [`params.population=${population}`, `params.communities=${communities}`];
}

/** The default scenario, with population and communities scaled together. */
export function scaledScenario(population: number) {
  const file = fileURLToPath(new URL('../scenarios/default.json', import.meta.url));
  return loadScenario(file, { set: scaledSettings(population) });
}

function measure(population: number, warmUp: number, steps: number, compilerWarmUp: number): SocietyChildResult {
  const scenario = scaledScenario(Math.max(population, 100));
  if (population === 0) {
    const peakRssBytes = peakRss();
    return { population, communities: 0, buildSeconds: 0, warmUp: 0, steps: 0, seconds: 0, cpuSeconds: 0, personSteps: 0, phaseMs: {}, peakRssBytes, builtPeakRssBytes: peakRssBytes, settledRssBytes: settledRss(), tableBytes: 0, memoryAtEnd: memoryNow() };
  }
  warmCompiler(scenario, population, warmUp, compilerWarmUp);
  const buildStart = performance.now();
  const society = createSimulation(scenario) as Society;
  const buildSeconds = (performance.now() - buildStart) / 1000;
  writeAwayAsARunDoes(society);
  const builtPeakRssBytes = peakRss();
  society.run({ steps: warmUp });
  const { seconds, cpuSeconds, personSteps, phaseMs } = timeSteps(society, steps);
  const communities = scenario.params.communities as number;
  const peakRssBytes = peakRss();
  return { population, communities, buildSeconds, warmUp, steps, seconds, cpuSeconds, personSteps, phaseMs, peakRssBytes, builtPeakRssBytes, settledRssBytes: settledRss(), tableBytes: society.people.bytes, memoryAtEnd: memoryNow() };
}

/**
 * Sends the society's agent snapshots and events where a run sends them, as they come
 * (cli/execute.ts), but to nowhere: the benchmark times the model, not the disk. Holding them
 * instead would count memory no run holds (at 1M, 104 bytes per person for step 0's snapshot
 * alone, and about 10 more after 15 steps for the events kept as objects); the events are still
 * formatted as a run formats them.
 */
export function writeAwayAsARunDoes(society: Pick<Society, 'collector' | 'events'>): void {
  society.collector.sendSnapshotsTo(discard);
  society.events.streamTo(discard);
}

function discard(): void {}

/** What `timeSteps` measured: wall and CPU time, persons alive at the start of each step summed, ms per step by phase. */
export interface StepTimes {
  seconds: number;
  cpuSeconds: number;
  personSteps: number;
  phaseMs: Record<string, number>;
}

/** Steps a society `steps` times with the per-phase profile on, timing wall and CPU (all threads of this process). */
export function timeSteps(society: Society, steps: number): StepTimes {
  society.profile(() => performance.now());
  let personSteps = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let s = 0; s < steps; s++) {
    personSteps += society.people.length;
    society.step();
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const phaseMs: Record<string, number> = {};
  for (const [phase, ms] of society.phaseTimes) phaseMs[phase] = ms / steps;
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, personSteps, phaseMs };
}

function settledRss(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  return process.memoryUsage().rss;
}

function memoryNow(): SocietyChildResult['memoryAtEnd'] {
  const { rss, heapUsed, heapTotal, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, arrayBuffers };
}

/**
 * Person-steps run before every size's timed window, so every size is timed with compiled code:
 * as many as the million's own three warm-up months hold, so each size reaches its window with the
 * same amount of work behind it. At 100k that is 30 months, so the yearly phases (the federations'
 * congress, the syndicates' redraw) have run twice before it. With 300,000 person-steps of throwaway
 * society alone (three months at 100k; until run AF in docs/performance-rounds.md) V8 still
 * optimised 184 functions inside the 100k window, against 50 with this, and the window ran 12–23%
 * slower.
 */
export const COMPILER_WARM_UP_PERSON_STEPS = 3_000_000;

/**
 * Runs a throwaway society of the same size (another seed) for the compiler warm-up's
 * person-steps that the measured society's own warm-up steps do not already hold, then drops it.
 * Without it a small society would be timed partly in the interpreter and while the optimising
 * compiler works (it runs on a thread of its own and its CPU time counts), and the 10k baseline
 * would look slower per person than it is. A million persons need none: their own three warm-up
 * months hold the whole of it.
 */
function warmCompiler(scenario: ReturnType<typeof scaledScenario>, population: number, ownWarmUpSteps: number, personSteps: number): void {
  const missing = personSteps - population * ownWarmUpSteps;
  if (missing <= 0) return;
  const steps = Math.ceil(missing / population);
  const throwaway = createSimulation({ ...scenario, seed: scenario.seed + 1 });
  for (let step = 0; step < steps; step++) throwaway.step();
  (globalThis as { gc?: () => void }).gc?.();
}

/** maxRSS is in kibibytes on Linux: the most physical memory this process ever held. */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [population, warmUp, steps, compilerWarmUp = COMPILER_WARM_UP_PERSON_STEPS] = process.argv.slice(2).map(Number);
  if (![population, warmUp, steps, compilerWarmUp].every((n) => Number.isInteger(n) && n! >= 0)) {
    console.error('usage: node --expose-gc --import tsx bench/society-child.ts <population> <warm-up steps> <timed steps> [compiler warm-up person-steps]');
    process.exit(2);
  }
  settleCompilerForKernels(); // as a run from the CLI has it
  console.log(JSON.stringify(measure(population!, warmUp!, steps!, compilerWarmUp!)));
}
