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

function printTable(suite: BenchSuite, measurements: Measurement[]): void {
  console.log(`\n${suite.name}: ${suite.description}`);
  const width = Math.max(...measurements.map((m) => m.label.length));
  for (const m of measurements) console.log(`  ${m.label.padEnd(width)}  ${formatValue(m).padStart(24)}`);
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
