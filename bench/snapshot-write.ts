/**
 * What writing one agent snapshot costs: builds the default society at a population, steps it a
 * year, takes its snapshot columns as a run does (member order), then writes them to a temporary
 * file as a run does (numbers as bytes, cli/snapshots/csv.ts) and, as the baseline in the same
 * process, as strings in pieces of 512 rows (the writer until run T), the two alternating.
 * Prints the median CPU time of a write, the ratio, and whether both files are the same.
 * Usage: node --import tsx bench/snapshot-write.ts [population=200000] [rounds=5]
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSnapshotFile } from '../cli/snapshots/csv.js';
import { metricsSpec } from '../models/society/metrics.js';
import { formatNumber, quantile, type AgentSnapshot } from '../sim/index.js';
import type { Society } from '../models/society/society.js';
import { createSimulation } from '../scenarios/create.js';
import { scaledScenario } from './society-child.js';

const BASELINE_ROWS = 512;

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

/** The baseline: the snapshot as strings, `formatNumber` for each number, written 512 rows a piece. */
function writeAsStrings(path: string, snapshot: AgentSnapshot): void {
  const names = Object.keys(snapshot.columns);
  const columns = names.map((name) => snapshot.columns[name]!);
  const rows = columns[0]?.length ?? 0;
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, names.join(',') + '\n');
    for (let from = 0; from < rows; from += BASELINE_ROWS) {
      let piece = '';
      for (let r = from; r < Math.min(rows, from + BASELINE_ROWS); r++) {
        let line = formatNumber(columns[0]![r]!);
        for (let c = 1; c < columns.length; c++) line += ',' + formatNumber(columns[c]![r]!);
        piece += line + '\n';
      }
      writeSync(fd, piece);
    }
  } finally {
    closeSync(fd);
  }
}

/** CPU milliseconds that `write` takes. */
function cpuMs(write: () => void): number {
  const before = process.cpuUsage();
  write();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const population = Number(process.argv[2] ?? 200_000);
const rounds = Number(process.argv[3] ?? 5);
const snapshot = societySnapshot(population);
const dir = mkdtempSync(join(tmpdir(), 'polycentric-snapshot-'));
try {
  const [runFile, baseFile] = [join(dir, 'run.csv'), join(dir, 'baseline.csv')];
  const times = { run: [] as number[], baseline: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    times.baseline.push(cpuMs(() => writeAsStrings(baseFile, snapshot)));
    times.run.push(cpuMs(() => writeSnapshotFile(runFile, snapshot)));
  }
  const same = readFileSync(runFile).equals(readFileSync(baseFile));
  const [run, baseline] = [quantile(times.run, 0.5), quantile(times.baseline, 0.5)];
  const rows = snapshot.columns['id']!.length.toLocaleString('en');
  console.log(`a snapshot of ${rows} rows, median of ${rounds} writes: as bytes ${run.toFixed(0)} ms of CPU; baseline, as strings ${BASELINE_ROWS} rows a piece, ${baseline.toFixed(0)} ms; ${(baseline / run).toFixed(2)}× less; files ${same ? 'the same' : 'DIFFERENT'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
