import type { CAC } from 'cac';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, type ResolvedScenario } from '../../scenarios/load.js';
import { executeRun } from '../execute.js';
import { readOverrides, readThreads, requireText, withScenarioOverrides } from '../options.js';
import { createProgress } from '../progress.js';
import { formatFilesWritten, formatSummary } from '../report.js';

/** `polycentric run <scenario>`: runs one scenario and writes its run folder. */
export function register(cli: CAC): void {
  withScenarioOverrides(cli.command('run <scenario>', 'Run a scenario and write a run folder (metrics.csv, events.ndjson, manifest.json)'))
    .option('--out <dir>', 'Run folder to create (default: runs/<name>-seed<seed>-<YYYYMMDD-HHMMSS>)')
    .option('--threads <n>', 'Split each step across n threads by community (society only; files identical to one thread)', { default: 1 })
    .example('polycentric run scenarios/boltzmann.json --seed 7 --steps 200')
    .example('polycentric run scenarios/default.json --set params.population=1000000 --set params.communities=10000 --threads 2')
    .example('polycentric run scenarios/schelling.json --set params.threshold=0.5 --out runs/schelling-half')
    .action(async (file: unknown, options: Record<string, unknown>) => {
      const scenario = loadScenario(requireText(file, '<scenario>'), readOverrides(options));
      const threads = readThreads(options.threads);
      const out = options.out === undefined ? defaultRunFolder(scenario) : requireText(String(options.out), '--out');
      const onThreads = threads > 1 ? `, ${threads} threads` : '';
      console.log(`Running ${scenario.file} (${scenario.model}, seed ${scenario.seed}, ${scenario.steps} steps${onThreads})`);
      const progress = createProgress();
      const result = await executeRun(scenario, { out, threads, onStep: (step, total) => progress.update(step, total) }).finally(() => progress.finish());
      const stopped = result.steps < scenario.steps ? ` — the model finished by itself before step ${scenario.steps}` : '';
      console.log(`\nFinal figures (step ${result.steps}${stopped}):\n${formatSummary(result.summary)}\n`);
      console.log(formatFilesWritten(result.dir, result.files));
    });
}

/** runs/<name>-seed<seed>-<YYYYMMDD-HHMMSS> (local time), with -2, -3… if that exists already. */
export function defaultRunFolder(scenario: ResolvedScenario, now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const safeName = scenario.name.replace(/[^\w.-]+/g, '_');
  const base = join('runs', `${safeName}-seed${scenario.seed}-${stamp}`);
  let candidate = base;
  for (let suffix = 2; existsSync(candidate); suffix++) candidate = `${base}-${suffix}`;
  return candidate;
}
