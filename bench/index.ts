/**
 * Runs the benchmark suites and prints what each measured, as a table or (`--json`) as one
 * JSON object of stable snake_case keys. `--quick` for a fast smoke run; `--only a,b` to
 * pick suites by name. Usage: `npm run bench -- [--json] [--quick] [--only engine]`.
 */
import { cpus } from 'node:os';
import type { BenchSuite, Measurement } from './suite.js';

/** The suites, one line each; each module exports `suite`. */
const SUITES: Record<string, () => Promise<BenchSuite>> = {
  engine: () => import('./engine.js').then((module) => module.suite),
  society: () => import('./society.js').then((module) => module.suite),
  sweep: () => import('./sweep.js').then((module) => module.suite),
  threads: () => import('./threads.js').then((module) => module.suite),
  gather: () => import('./gather.js').then((module) => module.suite),
};

/** A mistake on the command line: exit code 2, as for any bad input. */
class UsageError extends Error {}

interface Flags {
  json: boolean;
  quick: boolean;
  only: string[] | undefined;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { json: false, quick: false, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') flags.json = true;
    else if (arg === '--quick') flags.quick = true;
    else if (arg === '--only') flags.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg.startsWith('--only=')) flags.only = arg.slice('--only='.length).split(',').filter(Boolean);
    else throw new UsageError(`bench: unknown argument ${arg} (expected --json, --quick or --only NAME[,NAME])`);
  }
  for (const name of flags.only ?? []) {
    if (!(name in SUITES)) throw new UsageError(`bench: no suite named ${name} (expected one of ${Object.keys(SUITES).join(', ')})`);
  }
  return flags;
}

function formatValue(m: Measurement): string {
  const text = Number.isInteger(m.value) ? m.value.toLocaleString('en-US') : String(m.value);
  return `${text} ${m.unit}`;
}

/**
 * One row per benchmark; a benchmark with a baseline is followed by its baseline and the ratio.
 * A figure already printed (as someone's ratio, say) is not printed again on a row of its own;
 * `tableless` figures go only to --json.
 */
function printTable(suite: BenchSuite, measurements: Measurement[]): void {
  console.log(`\n${suite.name}: ${suite.description}`);
  const byKey = new Map(measurements.map((m) => [m.key, m]));
  const shown = measurements.filter((m) => !m.tableless);
  const width = Math.max(...shown.map((m) => m.label.length)) + 14;
  const printed = new Set<string>();
  const row = (prefix: string, m: Measurement) => {
    const target = m.target ? `   target ${m.target}` : '';
    console.log(`  ${(prefix + m.label).padEnd(width)}  ${formatValue(m).padStart(28)}${target}`);
    printed.add(m.key);
  };
  for (const m of shown) {
    if (printed.has(m.key)) continue;
    row('', m);
    const baseline = m.baseline ? byKey.get(m.baseline) : undefined;
    const ratio = m.ratio ? byKey.get(m.ratio) : undefined;
    if (baseline) row('    baseline: ', baseline);
    if (ratio) row('    ratio:    ', ratio);
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const names = flags.only ?? Object.keys(SUITES);
  const results: Record<string, number | string> = {
    node_version: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    quick: flags.quick ? 1 : 0,
  };
  const log = (line: string) => process.stderr.write(line + '\n');
  for (const name of names) {
    const suite = await SUITES[name]!();
    log(`running ${suite.name} …`);
    const measurements = await suite.run({ quick: flags.quick, log });
    for (const m of measurements) results[m.key] = m.value;
    if (!flags.json) printTable(suite, measurements);
  }
  if (flags.json) console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
