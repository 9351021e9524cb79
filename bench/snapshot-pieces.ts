/**
 * What writing one agent snapshot costs, by the rows formatted per piece before each write:
 * builds the default society at a population, steps it a year, takes its snapshot columns as a
 * run does (member order), then writes them to a temporary file with the run's piece size and,
 * as the baseline in the same process, with 8,192 rows a piece (the size until run N), the two
 * alternating. Prints the median CPU time of a write, the ratio, and whether both files are the
 * same. Usage: node --import tsx bench/snapshot-pieces.ts [population=200000] [rounds=5]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNAPSHOT_PIECE_ROWS, writeSnapshotFile } from '../cli/snapshots/csv.js';
import { metricsSpec } from '../models/society/metrics.js';
import type { AgentSnapshot } from '../sim/index.js';
import type { Society } from '../models/society/society.js';
import { createSimulation } from '../scenarios/create.js';
import { scaledScenario } from './society-child.js';

const BASELINE_ROWS = 8192;

/** The snapshot a run would take of a society built at `population` and stepped 12 months. */
function societySnapshot(population: number): AgentSnapshot {
  const society = createSimulation(scaledScenario(population)) as unknown as Society;
  for (let s = 0; s < 12; s++) society.step();
  const spec = metricsSpec(1);
  const raw = spec.agents!(society);
  const order = spec.agentOrder!(society);
  const columns: Record<string, Float64Array> = {};
  for (const [name, values] of Object.entries(raw)) columns[name] = Float64Array.from(order, (row) => values[row]!);
  return { step: society.steps, columns };
}

/** CPU milliseconds to write the snapshot to `path` in pieces of `rows` rows. */
function timedWrite(path: string, snapshot: AgentSnapshot, rows: number): number {
  const before = process.cpuUsage();
  writeSnapshotFile(path, snapshot, rows);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const population = Number(process.argv[2] ?? 200_000);
const rounds = Number(process.argv[3] ?? 5);
const snapshot = societySnapshot(population);
const dir = mkdtempSync(join(tmpdir(), 'polycentric-snapshot-'));
try {
  const [runFile, baseFile] = [join(dir, 'run.csv'), join(dir, 'baseline.csv')];
  const times = { run: [] as number[], baseline: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    times.baseline.push(timedWrite(baseFile, snapshot, BASELINE_ROWS));
    times.run.push(timedWrite(runFile, snapshot, SNAPSHOT_PIECE_ROWS));
  }
  const same = readFileSync(runFile).equals(readFileSync(baseFile));
  const [run, baseline] = [median(times.run), median(times.baseline)];
  const rows = snapshot.columns['id']!.length.toLocaleString('en');
  console.log(`a snapshot of ${rows} rows, median of ${rounds} writes: ${SNAPSHOT_PIECE_ROWS} rows a piece ${run.toFixed(0)} ms of CPU; baseline, ${BASELINE_ROWS} rows a piece, ${baseline.toFixed(0)} ms; ${(baseline / run).toFixed(2)}× less; files ${same ? 'the same' : 'DIFFERENT'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
