import { Streams } from '../../sim/rng.js';
import type { ParamTable } from '../../sim/params.js';
import type { ResolvedSweep } from '../../scenarios/sweep-schema.js';
import { runIdentity } from './identity.js';

/** One run of a sweep: who it is (id, seed), what it varies, and where it sits. */
export interface PlannedRun {
  id: string;
  seed: number;
  replicate: number;
  /** The varied parameters' values (the fixed ones live in the base scenario). */
  params: Record<string, unknown>;
  /** Position in design order: the order of rows in runs.csv. */
  designIndex: number;
}

/** One row of a Saltelli design: the runs (one per replicate) of A, B and each A-with-column-j-from-B. */
export interface SaltelliRow {
  a: string[];
  b: string[];
  /** ab[j][replicate]: A's row with parameter j taken from B. */
  ab: string[][];
}

/** Everything planned for a sweep. */
export interface SweepPlan {
  parameterNames: string[];
  /** Unique runs in design order. */
  runs: PlannedRun[];
  /** Indices into `runs` in execution order: replicate by replicate, spread over the space, so a stopped sweep covers it evenly. */
  executionOrder: number[];
  /** For Saltelli designs: the ids of each row's runs, for the Sobol estimators. */
  saltelli?: SaltelliRow[];
}

/** Plans every run of a sweep: design points × replicates, with ids and seeds from their values. */
export function planSweep(sweep: ResolvedSweep, table: ParamTable): SweepPlan {
  const parameterNames = Object.keys(sweep.design.parameters);
  const builder = new PlanBuilder(sweep.seed, sweep.replicates);
  const design = sweep.design;
  if (design.kind === 'grid') {
    for (const point of gridPoints(design.parameters)) builder.add(point);
  } else if (design.kind === 'latin-hypercube') {
    for (const point of latinHypercube(sweep.seed, design.samples, design.parameters, table)) builder.add(point);
  } else {
    const saltelli = saltelliRows(sweep.seed, design.samples, design.parameters, table).map((row) => ({
      a: builder.add(row.a),
      b: builder.add(row.b),
      ab: row.ab.map((point) => builder.add(point)),
    }));
    return { parameterNames, runs: builder.runs, executionOrder: saltelliOrder(builder.runs, saltelli), saltelli };
  }
  return { parameterNames, runs: builder.runs, executionOrder: spreadOrder(builder.runs), saltelli: undefined };
}

/** Collects unique runs; a point met twice (a repeated value, a rounded sample) is one run. */
class PlanBuilder {
  readonly runs: PlannedRun[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly sweepSeed: number,
    private readonly replicates: number,
  ) {}

  /** Adds a point's replicates; returns their ids. */
  add(params: Record<string, unknown>): string[] {
    const ids: string[] = [];
    for (let replicate = 0; replicate < this.replicates; replicate++) {
      const { id, seed } = runIdentity(this.sweepSeed, params, replicate);
      ids.push(id);
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      this.runs.push({ id, seed, replicate, params, designIndex: this.runs.length });
    }
    return ids;
  }
}

/** The full grid, first parameter slowest. */
export function gridPoints(parameters: Record<string, unknown[]>): Record<string, unknown>[] {
  let points: Record<string, unknown>[] = [{}];
  for (const [name, values] of Object.entries(parameters)) {
    points = points.flatMap((point) => values.map((value) => ({ ...point, [name]: value })));
  }
  return points;
}

type Ranges = Record<string, { min: number; max: number }>;

/**
 * A Latin hypercube: each parameter's range cut into `samples` strata, one draw per stratum,
 * strata paired at random. Each parameter has its own stream, so adding one leaves the others' columns as they were.
 */
export function latinHypercube(sweepSeed: number, samples: number, ranges: Ranges, table: ParamTable): Record<string, unknown>[] {
  const streams = new Streams(sweepSeed).child('latin-hypercube');
  const columns = Object.entries(ranges).map(([name, { min, max }]) => {
    const rng = streams.derive(name);
    const strata = rng.shuffle(Array.from({ length: samples }, (_, i) => i));
    return strata.map((stratum) => toParameter(table, name, min + ((stratum + rng.next()) / samples) * (max - min)));
  });
  const names = Object.keys(ranges);
  return Array.from({ length: samples }, (_, i) => Object.fromEntries(names.map((name, j) => [name, columns[j]![i]])));
}

/** Saltelli's design: matrices A and B of independent uniform draws, and for each parameter j, A with column j from B. */
export function saltelliRows(sweepSeed: number, samples: number, ranges: Ranges, table: ParamTable) {
  const streams = new Streams(sweepSeed).child('saltelli');
  const names = Object.keys(ranges);
  const draw = (matrix: string) =>
    names.map((name) => {
      const rng = streams.derive(matrix, name);
      const { min, max } = ranges[name]!;
      return Array.from({ length: samples }, () => toParameter(table, name, min + rng.next() * (max - min)));
    });
  const a = draw('A');
  const b = draw('B');
  const point = (pick: (j: number) => unknown) => Object.fromEntries(names.map((name, j) => [name, pick(j)]));
  return Array.from({ length: samples }, (_, i) => ({
    a: point((j) => a[j]![i]),
    b: point((j) => b[j]![i]),
    ab: names.map((_, k) => point((j) => (j === k ? b[j]![i] : a[j]![i]))),
  }));
}

/** A sampled number as the parameter takes it (integers rounded). */
function toParameter(table: ParamTable, name: string, value: number): number {
  const spec = table[name];
  return spec?.kind === 'number' && spec.integer ? Math.round(value) : value;
}

/** Replicate by replicate, points in the pseudo-random order of their ids (stable when points are added). */
function spreadOrder(runs: PlannedRun[]): number[] {
  return runs
    .map((_, index) => index)
    .sort((x, y) => runs[x]!.replicate - runs[y]!.replicate || compareText(runs[x]!.id, runs[y]!.id));
}

/** Replicate by replicate, row by row: a stopped Saltelli sweep still holds complete rows for the estimators. */
function saltelliOrder(runs: PlannedRun[], rows: SaltelliRow[]): number[] {
  const indexOf = new Map(runs.map((run, index) => [run.id, index]));
  const order: number[] = [];
  const placed = new Set<number>();
  const replicates = rows[0]?.a.length ?? 0;
  for (let replicate = 0; replicate < replicates; replicate++) {
    for (const row of rows) {
      for (const id of [row.a[replicate]!, row.b[replicate]!, ...row.ab.map((ids) => ids[replicate]!)]) {
        const index = indexOf.get(id)!;
        if (!placed.has(index)) order.push(index);
        placed.add(index);
      }
    }
  }
  return order;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The runs of shard `index` of `count`: every count-th run in execution order, so each shard covers the space evenly. */
export function shardRuns(plan: SweepPlan, index: number, count: number): PlannedRun[] {
  return plan.executionOrder.filter((_, position) => position % count === index).map((runIndex) => plan.runs[runIndex]!);
}
