import { readFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { TimedRunner, type AgentSnapshot, type Simulation } from '../sim/index.js';
import { checkFolderFree, PendingFolder } from '../sim/node/run-folder.js';
import { ThreadedRunner } from '../sim/node/threads.js';
import { createSimulation } from '../scenarios/create.js';
import { InputError } from '../scenarios/errors.js';
import type { ResolvedScenario } from '../scenarios/load.js';
import { SnapshotWriter } from './snapshots/background.js';
import { snapshotCSV } from './snapshots/csv.js';

/** How to run: where the run folder goes, and who hears about progress. */
export interface ExecuteOptions {
  /** The run folder to create (it must not exist unless `overwrite`). */
  out: string;
  onStep?: (step: number, total: number) => void;
  overwrite?: boolean;
  /** Clear temporary folders that killed runs left beside `out` (default: true; sweeps tidy their own). */
  clearStale?: boolean;
  /** Threads to split each step across (default 1); the files are the same for any number. */
  threads?: number;
  /** Rows from which a snapshot is written on a thread of its own (default `SNAPSHOT_THREAD_ROWS`; 0: all). */
  snapshotThreadRows?: number;
}

/** What a finished run left behind. */
export interface RunResult {
  dir: string;
  summary: Record<string, number | string>;
  /** The files written, relative to `dir`. */
  files: string[];
  /** Steps actually run: fewer than the scenario's when the model finished by itself. */
  steps: number;
}

/** The package's version, written into every manifest. */
export const PACKAGE_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/**
 * Runs a scenario to its last step, then writes its run folder atomically: manifest.json,
 * metrics.csv, events.ndjson, snapshots/ and the model's own final files. Timings appear only
 * in the manifest, so the other files are byte-identical for the same scenario and seed.
 */
export async function executeRun(scenario: ResolvedScenario, options: ExecuteOptions): Promise<RunResult> {
  checkFolderFree(options.out, options);
  const started = new Date();
  const clockStart = performance.now();
  const threads = options.threads ?? 1;
  const simulation = createSimulation(scenario, { shared: threads > 1 });
  const runner = threads > 1 ? await startThreads(scenario, simulation, threads) : undefined;
  const folder = new PendingFolder(options.out, options);
  // On a threaded run the snapshot thread formats only while the workers idle.
  const writer = new SnapshotWriter(options.snapshotThreadRows, runner?.busy);
  try {
    // Snapshots and events go to disk as they come, so a long run never holds them all.
    const snapshots = writeSnapshotsTo(folder, simulation, scenario.steps, writer);
    folder.write('events.ndjson', '');
    simulation.events.streamTo((text) => folder.append('events.ndjson', text));
    return await runAndWrite(scenario, options, simulation, folder, { names: snapshots, writer }, { started, clockStart, threads });
  } catch (error) {
    await writer.stop();
    folder.discard();
    throw error;
  } finally {
    runner?.close();
  }
}

/** Hands the model a runner over `threads` threads (the model must split by community). */
async function startThreads(scenario: ResolvedScenario, simulation: Simulation, threads: number): Promise<ThreadedRunner> {
  const sharding = simulation.sharding;
  if (!sharding) throw new InputError(scenario.file, 'threads', `a model that splits its steps by community (society), or --threads 1`, `model '${scenario.model}' with --threads ${threads}`);
  const runner = await ThreadedRunner.start({ threads, kernelModule: sharding.kernelModule, kernels: sharding.kernels, params: sharding.params, seed: sharding.seed });
  sharding.use(runner);
  return runner;
}

/** Steps a run to its end, then writes the rest of its folder (its snapshots already in it) and commits it. */
async function runAndWrite(
  scenario: ResolvedScenario, options: ExecuteOptions, simulation: Simulation, folder: PendingFolder, snapshots: { names: string[]; writer: SnapshotWriter },
  { started, clockStart, threads }: { started: Date; clockStart: number; threads: number },
): Promise<RunResult> {
  const phaseTimes = startProfiling(simulation);
  const kernelTimes = phaseTimes ? timeKernels(simulation) : undefined;
  let lastBreath = clockStart;
  // A model that has finished by itself (running === false) stops the run before its step limit.
  for (let step = 1; step <= scenario.steps && simulation.running !== false; step++) {
    simulation.step();
    options.onStep?.(step, scenario.steps);
    // Let timers (the progress bar) and signals through now and then without slowing the loop.
    if (performance.now() - lastBreath > 50) {
      await nextTurn();
      lastBreath = performance.now();
    }
  }
  simulation.events.flush();
  await snapshots.writer.finish();
  const wallSeconds = (performance.now() - clockStart) / 1000;
  const stepsRun = simulation.steps;
  const files = runFiles(simulation, scenario.steps);
  const [metrics, events, ...rest] = Object.keys(files);
  const manifest = {
    scenario,
    model: scenario.model,
    seed: scenario.seed,
    steps: stepsRun,
    stoppedEarly: stepsRun < scenario.steps,
    version: PACKAGE_VERSION,
    node: process.version,
    threads,
    started: started.toISOString(),
    finished: new Date().toISOString(),
    wallSeconds: round(wallSeconds),
    stepsPerSecond: wallSeconds > 0 ? round(stepsRun / wallSeconds) : null,
    phaseSeconds: phaseTimes ? seconds(phaseTimes) : undefined,
    kernelSeconds: kernelTimes ? seconds(kernelTimes) : undefined,
    files: ['manifest.json', metrics!, events!, ...snapshots.names, ...rest],
  };
  files['manifest.json'] = JSON.stringify(manifest, null, 2) + '\n';
  for (const [name, content] of Object.entries(files)) {
    if (name === 'events.ndjson' && simulation.events.streaming) continue; // already on disk
    folder.write(name, content);
  }
  const dir = folder.commit();
  return { dir, summary: simulation.summary(), files: manifest.files, steps: stepsRun };
}

/** The deterministic files of a run: metrics, events (unless they were streamed), snapshots, and the model's extras. */
export function runFiles(simulation: Simulation, totalSteps: number): Record<string, string> {
  const files: Record<string, string> = { 'metrics.csv': simulation.collector.toCSV() };
  files['events.ndjson'] = simulation.events.streaming ? '' : simulation.events.toNDJSON();
  for (const snapshot of simulation.collector.snapshots) files[snapshotName(snapshot, totalSteps)] = snapshotCSV(snapshot);
  return { ...files, ...simulation.finalFiles?.() };
}

/** Sends the simulation's snapshots (those taken so far, then each as it is taken) into the folder through `writer`; returns their names. */
function writeSnapshotsTo(folder: PendingFolder, simulation: Simulation, totalSteps: number, writer: SnapshotWriter): string[] {
  const names: string[] = [];
  simulation.collector.sendSnapshotsTo((snapshot) => {
    const name = snapshotName(snapshot, totalSteps);
    writer.write(folder.filePath(name), snapshot);
    names.push(name);
  });
  return names;
}

/** A snapshot's file name: its step, zero-padded to the width of the run's last step. */
function snapshotName(snapshot: AgentSnapshot, totalSteps: number): string {
  return `snapshots/step-${String(snapshot.step).padStart(String(totalSteps).length, '0')}.csv`;
}

/** Turns on per-phase timing for engine models (others run unprofiled). */
function startProfiling(simulation: Simulation): Map<string, number> | undefined {
  const candidate = simulation as Partial<{ profile: (clock: () => number) => void; phaseTimes: Map<string, number> }>;
  if (typeof candidate.profile !== 'function' || !(candidate.phaseTimes instanceof Map)) return undefined;
  candidate.profile(() => performance.now());
  return candidate.phaseTimes;
}

/**
 * For a model that splits its steps by community, times the calling thread's part inside the
 * kernels' runs, by the phase running at the time (`collection` for the collector's, after the
 * phases): a phase's seconds less its kernels' are what ran on the calling thread alone.
 */
function timeKernels(simulation: Simulation): Map<string, number> | undefined {
  const sharding = simulation.sharding;
  if (!sharding) return undefined;
  const model = simulation as Simulation & { phase?: string };
  const timed = new TimedRunner(sharding.runner, () => performance.now(), () => model.phase ?? 'collection');
  sharding.use(timed);
  return timed.byKey;
}

/** Milliseconds by name as seconds (four significant digits). */
function seconds(times: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...times].map(([name, ms]) => [name, round(ms / 1000)]));
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}
