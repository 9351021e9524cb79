import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../../scenarios/errors.js';
import type { ResolvedScenario } from '../../scenarios/load.js';
import { analysePairs } from './analyse.js';
import { runPaired, type PairedRuns } from './paired.js';
import { comparisonReport } from './report.js';
import { comparisonCsv, comparisonSummary } from './summary.js';

/** What a comparison wrote. */
export interface ComparisonResult {
  dir: string;
  pairs: PairedRuns;
  summary: string;
}

/** Runs A and B on paired seeds and writes comparison.csv, report.html, summary.md and compare.json beside the runs. */
export async function compareScenarios(a: ResolvedScenario, b: ResolvedScenario, options: { replicates: number; out: string; workers: number }): Promise<ComparisonResult> {
  const dir = resolve(options.out);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new InputError('command line', '--out', 'a new or empty folder', `${options.out}, which is not empty`);
  mkdirSync(dir, { recursive: true });
  const pairs = await runPaired(a, b, { ...options, out: dir });
  const comparison = analysePairs(pairs);
  const summary = comparisonSummary(pairs, comparison);
  writeFileSync(join(dir, 'comparison.csv'), comparisonCsv(comparison));
  writeFileSync(join(dir, 'report.html'), comparisonReport(pairs, comparison));
  writeFileSync(join(dir, 'summary.md'), summary);
  writeFileSync(join(dir, 'compare.json'), JSON.stringify({ a, b, seeds: pairs.seeds, failures: pairs.failures }, null, 2) + '\n');
  return { dir, pairs, summary };
}
