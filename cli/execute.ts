import { readFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { formatNumber, type AgentSnapshot, type Simulation } from '../sim/index.js';
import { checkFolderFree, writeFolderAtomically } from '../sim/node/run-folder.js';
import { createSimulation } from '../scenarios/create.js';
import type { ResolvedScenario } from '../scenarios/load.js';

/** How to run: where the run folder goes, and who hears about progress. */
export interface ExecuteOptions {
  /** The run folder to create (it must not exist unless `overwrite`). */
  out: string;
  onStep?: (step: number, total: number) => void;
  overwrite?: boolean;
  /** Clear temporary folders that killed runs left beside `out` (default: true; sweeps tidy their own). */
  clearStale?: boolean;
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
  const simulation = createSimulation(scenario);
  const phaseTimes = startProfiling(simulation);
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
  const wallSeconds = (performance.now() - clockStart) / 1000;
  const stepsRun = simulation.steps;
  const files = runFiles(simulation, scenario.steps);
  const manifest = {
    scenario,
    model: scenario.model,
    seed: scenario.seed,
    steps: stepsRun,
    stoppedEarly: stepsRun < scenario.steps,
    version: PACKAGE_VERSION,
    node: process.version,
    started: started.toISOString(),
    finished: new Date().toISOString(),
    wallSeconds: round(wallSeconds),
    stepsPerSecond: wallSeconds > 0 ? round(stepsRun / wallSeconds) : null,
    phaseSeconds: phaseTimes ? Object.fromEntries([...phaseTimes].map(([name, ms]) => [name, round(ms / 1000)])) : undefined,
    files: ['manifest.json', ...Object.keys(files)],
  };
  files['manifest.json'] = JSON.stringify(manifest, null, 2) + '\n';
  const dir = writeFolderAtomically(options.out, files, options);
  return { dir, summary: simulation.summary(), files: manifest.files, steps: stepsRun };
}

/** The deterministic files of a run: metrics, events, snapshots, and the model's extras. */
export function runFiles(simulation: Simulation, totalSteps: number): Record<string, string> {
  const files: Record<string, string> = {
    'metrics.csv': simulation.collector.toCSV(),
    'events.ndjson': simulation.events.toNDJSON(),
  };
  const width = String(totalSteps).length;
  for (const snapshot of simulation.collector.snapshots) {
    files[`snapshots/step-${String(snapshot.step).padStart(width, '0')}.csv`] = snapshotCSV(snapshot);
  }
  return { ...files, ...simulation.finalFiles?.() };
}

/** One agent snapshot as CSV: a header of its fields, then one row per agent. */
export function snapshotCSV(snapshot: AgentSnapshot): string {
  const names = Object.keys(snapshot.columns);
  const columns = names.map((name) => snapshot.columns[name]!);
  const rows = columns[0]?.length ?? 0;
  let out = names.join(',') + '\n';
  for (let r = 0; r < rows; r++) out += columns.map((column) => formatNumber(column[r]!)).join(',') + '\n';
  return out;
}

/** Turns on per-phase timing for engine models (others run unprofiled). */
function startProfiling(simulation: Simulation): Map<string, number> | undefined {
  const candidate = simulation as Partial<{ profile: (clock: () => number) => void; phaseTimes: Map<string, number> }>;
  if (typeof candidate.profile !== 'function' || !(candidate.phaseTimes instanceof Map)) return undefined;
  candidate.profile(() => performance.now());
  return candidate.phaseTimes;
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}
