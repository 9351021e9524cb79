import type { CAC } from 'cac';
import { join } from 'node:path';
import { InputError } from '../../scenarios/errors.js';
import { loadScenario } from '../../scenarios/load.js';
import { compareScenarios } from '../compare/compare.js';
import { optionalInteger, requireText } from '../options.js';
import { defaultWorkers } from '../sweep/pool.js';

/** `polycentric compare <A> <B>`: paired runs of two setups, a table of final metrics, report.html and summary.md. */
export function register(cli: CAC): void {
  cli
    .command('compare <scenarioA> <scenarioB>', 'Run two scenarios on the same seeds and compare them (report.html, summary.md, comparison.csv)')
    .option('--replicates <n>', 'Seeds (pairs of runs)', { default: 10 })
    .option('--steps <n>', 'Steps per run (default: each scenario’s own)')
    .option('--workers <n>', `Worker threads (default: one per core, ${defaultWorkers()} here)`)
    .option('--out <dir>', 'Output folder (default: runs/compare/<A>-vs-<B>)')
    .example('polycentric compare scenarios/q4-mutualism.json scenarios/q4-communism.json --replicates 20 --steps 240')
    .action(async (fileA: unknown, fileB: unknown, options: Record<string, unknown>) => {
      const replicates = optionalInteger(options.replicates, '--replicates') ?? 10;
      if (replicates < 1) throw new InputError('command line', '--replicates', 'a positive integer', String(replicates));
      const steps = optionalInteger(options.steps, '--steps');
      const workers = optionalInteger(options.workers, '--workers') ?? defaultWorkers();
      if (workers < 1) throw new InputError('command line', '--workers', 'a positive integer', String(workers));
      const overrides = steps === undefined ? {} : { steps };
      const a = loadScenario(requireText(fileA, '<scenarioA>'), overrides);
      const b = loadScenario(requireText(fileB, '<scenarioB>'), overrides);
      const out = options.out === undefined ? join('runs', 'compare', `${a.name}-vs-${b.name}`) : requireText(String(options.out), '--out');
      console.log(`Comparing ${a.name} (A) and ${b.name} (B): ${replicates} seeds × 2 runs`);
      const result = await compareScenarios(a, b, { replicates, out, workers });
      console.log(`\n${result.summary}`);
      console.log(`Wrote ${result.dir}/: summary.md, report.html, comparison.csv, a/, b/`);
      return result.pairs.failures.length ? 1 : 0;
    });
}
