import { InputError } from './errors.js';
import { parseScenario, type ParseOptions, type ResolvedScenario, type ScenarioOverrides } from './parse.js';

export { parseScenario, baseName, type ResolvedScenario, type ScenarioOverrides, type ParseOptions } from './parse.js';

/** Reads and resolves a scenario file (and the files it extends); bad input throws InputError. */
export function loadScenario(file: string, overrides: ScenarioOverrides = {}, options: Omit<ParseOptions, 'read'> = {}): ResolvedScenario {
  return parseScenario(readScenarioText(file), file, overrides, { ...options, read: readScenarioText });
}

/** A scenario file's text; a missing or unreadable file is bad input. */
export function readScenarioText(file: string): string {
  try {
    return nodeFileSystem().readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, '(file)', 'an existing scenario file', 'no such file');
    if (code === 'EISDIR') throw new InputError(file, '(file)', 'a scenario file', 'a folder');
    throw new InputError(file, '(file)', 'a readable scenario file', (error as Error).message);
  }
}

/**
 * Node's file system, looked up only when a file is read, so that this module (and parseScenario)
 * still loads in browsers and workers, where only parseScenario is usable.
 */
function nodeFileSystem(): typeof import('node:fs') {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs');
  if (!fs) throw new Error('loadScenario reads files and needs Node ≥ 20.16; elsewhere use parseScenario');
  return fs;
}
