import { cac } from 'cac';
import { InputError } from '../scenarios/errors.js';
import { FolderExistsError } from '../sim/node/run-folder.js';
import * as commands from './commands/index.js';
import { PACKAGE_VERSION } from './execute.js';

/** Exit codes: 0 ok, 1 failure inside a run, 2 bad input (nothing was written). */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** Runs the CLI on an argv (as process.argv: node, script, then arguments); resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const cli = cac('polycentric');
  for (const register of Object.values(commands)) register(cli);
  cli.help();
  cli.version(PACKAGE_VERSION);
  try {
    cli.parse(joinNegativeValues(argv), { run: false });
    if (cli.options.help || cli.options.version) return EXIT.ok;
    if (!cli.matchedCommand) {
      if (cli.args.length === 0) {
        cli.outputHelp();
        return EXIT.ok;
      }
      const known = cli.commands.map((command) => command.name).join(', ');
      throw new InputError('command line', 'command', `one of ${known}`, JSON.stringify(cli.args[0]));
    }
    const code: unknown = await cli.runMatchedCommand();
    return typeof code === 'number' ? code : EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

/**
 * Joins `--flag -3` into `--flag=-3`. The argument parser takes a lone `-3` for an option of
 * its own ("Unknown option -3"); joined, the value reaches our checks, which say what is wrong with it.
 */
export function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const next = argv[i + 1];
    if (/^--[^=]+$/.test(token) && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${token}=${next}`);
      i++;
    } else out.push(token);
  }
  return out;
}

/** Prints an error the way its kind deserves and picks the exit code. */
export function reportFailure(error: unknown): number {
  if (error instanceof InputError || error instanceof FolderExistsError || (error instanceof Error && error.name === 'CACError')) {
    console.error(`error: ${(error as Error).message}`);
    if (error instanceof Error && error.name === 'CACError') console.error('(see polycentric --help)');
    return EXIT.badInput;
  }
  console.error('error: the run failed; nothing was written.');
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return EXIT.failure;
}
