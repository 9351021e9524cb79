import type { Command } from 'cac';
import { describeValue, InputError } from '../scenarios/errors.js';
import type { ScenarioOverrides } from '../scenarios/load.js';

/** Where errors in command-line options say they came from. */
const COMMAND_LINE = 'command line';

/** Adds --seed, --steps and --set (repeatable) to a command. */
export function withScenarioOverrides(command: Command): Command {
  return command
    .option('--seed <n>', 'Seed of the random streams (overrides the scenario)')
    .option('--steps <n>', 'Number of steps (overrides the scenario)')
    .option('--set <path=value>', 'Set any field by dotted path, e.g. params.sharing=0.8 (repeatable)', { type: [String] });
}

/** The overrides given on the command line, checked: integers for --seed/--steps, path=value for --set. */
export function readOverrides(options: Record<string, unknown>): ScenarioOverrides {
  return {
    seed: optionalInteger(options.seed, '--seed'),
    steps: optionalInteger(options.steps, '--steps'),
    set: (options.set as string[] | undefined) ?? [],
  };
}

/** A non-negative integer option, or undefined when absent. */
export function optionalInteger(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw new InputError(COMMAND_LINE, flag, 'a non-negative integer', Array.isArray(value) ? `${flag} given ${value.length} times` : describeValue(value));
  }
  return number;
}

/** What each path argument names, for error messages. */
const PATH_KINDS: Record<string, string> = {
  '--out': 'a folder path',
  '<sweep>': 'a path to a sweep file',
  '<sweepDir>': 'a sweep folder',
};

/** A required string argument (cac checks presence; this names the argument, and what it should be, in errors). */
export function requireText(value: unknown, name: string): string {
  const expected = PATH_KINDS[name] ?? 'a path to a scenario file';
  if (typeof value !== 'string' || value === '') throw new InputError(COMMAND_LINE, name, expected, describeValue(value));
  return value;
}

/** `--threads N`: a whole number from 1 to 64 (1 by default: the run stays on one thread). */
export function readThreads(value: unknown): number {
  const threads = optionalInteger(value, '--threads') ?? 1;
  if (threads < 1 || threads > 64) throw new InputError(COMMAND_LINE, '--threads', 'a whole number from 1 to 64', String(threads));
  return threads;
}
