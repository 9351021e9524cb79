import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { band, meanInterval, pairedDifference, type Interval } from './statistics.js';
import { readRunMetrics, type PairedRuns } from './paired.js';

/** One metric's final values compared: A, B and the paired difference B − A. */
export interface MetricComparison {
  metric: string;
  a: Interval;
  b: Interval;
  difference: Interval;
}

/** One point of a chart: a metric's median and 10–90% band at a step, for A or B. */
export interface BandPoint {
  metric: string;
  setup: 'A' | 'B';
  step: number;
  median: number;
  low: number;
  high: number;
}

/** How often an event type happened, and when it first did, in each setup. */
export interface EventComparison {
  type: string;
  /** Mean count per run. */
  perRunA: number;
  perRunB: number;
  /** Median over runs of the step it first happened (null when it never did). */
  firstStepA: number | null;
  firstStepB: number | null;
}

/** Everything a comparison reports. */
export interface Comparison {
  metrics: MetricComparison[];
  bands: BandPoint[];
  events: EventComparison[];
}

/** Reads both setups' runs (those that finished in both) and compares them. */
export function analysePairs(pairs: PairedRuns, maxPoints = 300): Comparison {
  const complete = pairs.seeds.map((_, r) => r).filter((r) => existsSync(join(pairs.dirs.a[r]!, 'metrics.csv')) && existsSync(join(pairs.dirs.b[r]!, 'metrics.csv')));
  const runsA = complete.map((r) => readRunMetrics(pairs.dirs.a[r]!));
  const runsB = complete.map((r) => readRunMetrics(pairs.dirs.b[r]!));
  const names = runsA.length ? [...runsA[0]!.columns.keys()].filter((name) => runsB[0]!.columns.has(name)) : [];
  const last = (values: (number | null)[]) => values.at(-1) ?? Number.NaN;
  const metrics = names.map((metric) => {
    const finalA = runsA.map((run) => last(run.columns.get(metric)!));
    const finalB = runsB.map((run) => last(run.columns.get(metric)!));
    return { metric, a: meanInterval(finalA), b: meanInterval(finalB), difference: pairedDifference(finalA, finalB) };
  });
  const bands = names.flatMap((metric) => [
    ...bandPoints(metric, 'A', runsA, maxPoints),
    ...bandPoints(metric, 'B', runsB, maxPoints),
  ]);
  const events = compareEvents(complete.map((r) => pairs.dirs.a[r]!), complete.map((r) => pairs.dirs.b[r]!));
  return { metrics, bands, events };
}

function bandPoints(metric: string, setup: 'A' | 'B', runs: ReturnType<typeof readRunMetrics>[], maxPoints: number): BandPoint[] {
  if (runs.length === 0) return [];
  // A run that finished by itself (Schelling with everyone content) stays as it ended: its last
  // value is held to the longest run's end, so the band covers every step any run reached.
  const steps = runs.reduce((longest, run) => (run.steps.length > longest.length ? run.steps : longest), runs[0]!.steps);
  const series = runs.map((run) => heldTo(run.columns.get(metric)!.map((value) => value ?? Number.NaN), steps.length));
  const every = Math.max(1, Math.ceil(steps.length / maxPoints));
  return band(series)
    .map((point, i) => ({ metric, setup, step: steps[i]!, ...point }))
    .filter((_, i) => i % every === 0 || i === steps.length - 1);
}

/** The values, the last one repeated up to the given length. */
function heldTo(values: number[], length: number): number[] {
  if (values.length === 0 || values.length >= length) return values;
  return values.concat(new Array<number>(length - values.length).fill(values.at(-1)!));
}

/** Event counts and first steps per type, from each run's events.ndjson. */
function compareEvents(dirsA: string[], dirsB: string[]): EventComparison[] {
  const statsA = dirsA.map(readEventStats);
  const statsB = dirsB.map(readEventStats);
  const types = [...new Set([...statsA, ...statsB].flatMap((stats) => [...stats.keys()]))].sort();
  const meanCount = (all: Map<string, { count: number }>[], type: string) => (all.length ? all.reduce((total, stats) => total + (stats.get(type)?.count ?? 0), 0) / all.length : 0);
  const medianFirst = (all: Map<string, { first: number }>[], type: string) => {
    const firsts = all.map((stats) => stats.get(type)?.first).filter((step): step is number => step !== undefined).sort((x, y) => x - y);
    // A median over the runs where it happened at all, when it happened in at least half of them.
    return firsts.length * 2 >= all.length && firsts.length > 0 ? firsts[Math.floor((firsts.length - 1) / 2)]! : null;
  };
  return types.map((type) => ({
    type,
    perRunA: meanCount(statsA, type),
    perRunB: meanCount(statsB, type),
    firstStepA: medianFirst(statsA, type),
    firstStepB: medianFirst(statsB, type),
  }));
}

function readEventStats(dir: string): Map<string, { count: number; first: number }> {
  const stats = new Map<string, { count: number; first: number }>();
  const file = join(dir, 'events.ndjson');
  if (!existsSync(file)) return stats;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const event = JSON.parse(line) as { step: number; type: string };
    const entry = stats.get(event.type);
    if (entry) entry.count++;
    else stats.set(event.type, { count: 1, first: event.step });
  }
  return stats;
}
