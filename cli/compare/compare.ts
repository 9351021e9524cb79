import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { temporaryFolderFor } from '../../sim/node/run-folder.js';
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

/**
 * Runs A and B on paired seeds and writes comparison.csv, report.html, summary.md and compare.json
 * beside the runs — all in a temporary folder renamed into place at the end, so a comparison that
 * is stopped or fails leaves no half-written folder behind.
 */
export async function compareScenarios(a: ResolvedScenario, b: ResolvedScenario, options: { replicates: number; out: string; workers: number }): Promise<ComparisonResult> {
  const dir = resolve(options.out);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new InputError('command line', '--out', 'a new or empty folder', `${options.out}, which is not empty`);
  const temporary = temporaryFolderFor(dir);
  try {
    const pairs = await runPaired(a, b, { ...options, out: temporary });
    const comparison = analysePairs(pairs);
    const summary = comparisonSummary(pairs, comparison);
    writeFileSync(join(temporary, 'comparison.csv'), comparisonCsv(comparison));
    writeFileSync(join(temporary, 'report.html'), comparisonReport(pairs, comparison));
    writeFileSync(join(temporary, 'summary.md'), summary);
    writeFileSync(join(temporary, 'compare.json'), JSON.stringify({ a, b, seeds: pairs.seeds, failures: pairs.failures }, null, 2) + '\n');
    rmSync(dir, { recursive: true, force: true });
    renameSync(temporary, dir);
    const moved = (paths: string[]) => paths.map((path) => join(dir, relative(temporary, path)));
    return { dir, pairs: { ...pairs, dirs: { a: moved(pairs.dirs.a), b: moved(pairs.dirs.b) } }, summary };
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
