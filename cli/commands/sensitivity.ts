import type { CAC } from 'cac';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../scenarios/errors.js';
import { optionalInteger, requireText } from '../options.js';
import { analyseSensitivity } from '../sensitivity/analyse.js';
import { elasticityCsv, sensitivityReport, sobolCsv } from '../sensitivity/report.js';
import { readable } from '../compare/report.js';
import { readStoredSweep } from '../sweep/sweep-folder.js';

/** `polycentric sensitivity <sweep-dir>`: Sobol indices and elasticities from a Saltelli sweep's folder. */
export function register(cli: CAC): void {
  cli
    .command('sensitivity <sweepDir>', 'Sobol indices (first order, total; bootstrap intervals) and elasticities from a Saltelli sweep folder')
    .option('--metrics <names>', 'Comma-separated metrics (default: the sweep file’s "metrics", else all)')
    .option('--resamples <n>', 'Bootstrap resamples', { default: 500 })
    .option('--out <dir>', 'Output folder (default: <sweepDir>/sensitivity)')
    .example('polycentric sensitivity runs/sweeps/q4-sensitivity --metrics gini_wealth,mean_welfare')
    .action((dir: unknown, options: Record<string, unknown>) => {
      const sweepDir = requireText(dir, '<sweepDir>');
      const resamples = optionalInteger(options.resamples, '--resamples') ?? 500;
      if (resamples < 10) throw new InputError('command line', '--resamples', 'at least 10', String(resamples));
      const metrics = options.metrics === undefined ? undefined : String(options.metrics).split(',').map((name) => name.trim()).filter(Boolean);
      const sweep = readStoredSweep(sweepDir);
      const analysis = analyseSensitivity(sweep, sweepDir, metrics, resamples);
      const out = options.out === undefined ? join(sweepDir, 'sensitivity') : String(options.out);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'sobol.csv'), sobolCsv(analysis));
      writeFileSync(join(out, 'elasticities.csv'), elasticityCsv(analysis));
      writeFileSync(join(out, 'report.html'), sensitivityReport(sweep.name, analysis));
      console.log(`Sobol indices from ${analysis.rowsUsed} of ${analysis.rowsPlanned} design rows (first order / total):`);
      for (const r of analysis.results) console.log(`  ${r.metric} ← ${r.parameter}: ${readable(r.indices.first.value)} / ${readable(r.indices.total.value)}`);
      console.log(`Wrote ${out}/: sobol.csv, elasticities.csv, report.html`);
    });
}
