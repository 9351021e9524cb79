import { getModel } from '../../models/index.js';
import { InputError } from '../../scenarios/errors.js';
import type { ResolvedSweep } from '../../scenarios/sweep-schema.js';
import { planSweep, saltelliRows } from '../sweep/design.js';
import { readJournal } from '../sweep/journal.js';
import { elasticities, sobolIndices, type Estimate, type SobolIndices } from './sobol.js';

/** One metric's sensitivity to one parameter. */
export interface ParameterSensitivity {
  metric: string;
  parameter: string;
  indices: SobolIndices;
  elasticity: Estimate;
}

/** The analysis of one Saltelli sweep. */
export interface SensitivityResult {
  results: ParameterSensitivity[];
  /** Design rows used (all their runs finished) and planned. */
  rowsUsed: number;
  rowsPlanned: number;
}

/**
 * Sobol indices and elasticities for each metric from a finished (or partly finished) Saltelli sweep.
 * A row counts only when every run it needs succeeded; replicates of a design point are averaged.
 */
export function analyseSensitivity(sweep: ResolvedSweep, sweepDir: string, metrics: string[] | undefined, resamples: number): SensitivityResult {
  const design = sweep.design;
  if (design.kind !== 'saltelli') throw new InputError(sweep.file, 'design.kind', '"saltelli" (Sobol indices need a Saltelli design)', JSON.stringify(design.kind));
  const table = getModel(sweep.base.model).params;
  const plan = planSweep(sweep, table);
  const points = saltelliRows(sweep.seed, design.samples, design.parameters, table);
  const records = new Map(readJournal(sweepDir).filter((r) => r.status === 'ok' && r.metrics).map((r) => [r.id, r.metrics!]));
  const available = records.values().next().value;
  if (!available) throw new InputError(sweepDir, 'journal.ndjson', 'finished runs of the sweep', 'none');
  const chosen = metrics ?? sweep.metrics ?? Object.keys(available);
  chosen.forEach((metric, i) => {
    if (!(metric in available)) throw new InputError('command line', `--metrics.${i}`, `a metric of the runs (${Object.keys(available).join(', ')})`, JSON.stringify(metric));
  });
  const value = (ids: string[], metric: string) => {
    const values = ids.map((id) => Number(records.get(id)?.[metric] ?? Number.NaN));
    return values.reduce((total, v) => total + v, 0) / values.length;
  };
  const usable = plan.saltelli!.map((row, i) => ({ row, point: points[i]! })).filter(({ row }) => [row.a, row.b, ...row.ab].flat().every((id) => records.has(id)));
  const names = Object.keys(design.parameters);
  const results = chosen.flatMap((metric) => {
    const outputs = {
      a: usable.map(({ row }) => value(row.a, metric)),
      b: usable.map(({ row }) => value(row.b, metric)),
      ab: names.map((_, j) => usable.map(({ row }) => value(row.ab[j]!, metric))),
    };
    const indices = sobolIndices(outputs, { resamples, seed: sweep.seed });
    const column = (matrix: 'a' | 'b', name: string) => usable.map(({ point }) => point[matrix][name] as number);
    const elastic = elasticities({ outputs, a: names.map((n) => column('a', n)), b: names.map((n) => column('b', n)) }, { resamples, seed: sweep.seed });
    return names.map((parameter, j) => ({ metric, parameter, indices: indices[j]!, elasticity: elastic[j]! }));
  });
  return { results, rowsUsed: usable.length, rowsPlanned: plan.saltelli!.length };
}
